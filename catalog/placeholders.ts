/**
 * Values `entitlement-guard catalog init` writes where only a person can decide. An exception's approver is one:
 * the loader refuses a catalog that still holds the placeholder, naming each exception that lacks an approver, so a
 * generated burn-down list never waives anything before someone has approved it.
 */

/** `approvedBy` of an exception nobody has approved yet. */
export const APPROVER_PLACEHOLDER = 'FILL-IN-APPROVER';

/** The owner given to identities and secrets that carry no owner tag: named as what it is, to be replaced. */
export const PLACEHOLDER_OWNER = 'placeholder-owner';

/** The origin marking an exception `catalog init` wrote (the audit's burn-down). */
export const INIT_ORIGIN = 'catalog-init';
