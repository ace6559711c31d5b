import type { Rule } from './define.js';
import breakGlassIsolation from './break-glass-isolation.js';
import exceptionExpiry from './exception-expiry.js';
import humanFederated from './human-federated.js';
import identityExpiry from './identity-expiry.js';
import noLongLivedCredentials from './no-long-lived-credentials.js';
import noPrivilegeEscalation from './no-privilege-escalation.js';
import noUnseenContent from './no-unseen-content.js';
import noWildcardPrivilege from './no-wildcard-privilege.js';
import policyValidity from './policy-validity.js';
import requireEntitlement from './require-entitlement.js';
import requireOwner from './require-owner.js';
import restrictTrust from './restrict-trust.js';
import secretRotation from './secret-rotation.js';
import sessionWithinClass from './session-within-class.js';

/** Every rule of the first release, in documentation order. */
export const allRules: readonly Rule[] = [
  noLongLivedCredentials,
  noWildcardPrivilege,
  requireOwner,
  requireEntitlement,
  noPrivilegeEscalation,
  policyValidity,
  restrictTrust,
  sessionWithinClass,
  secretRotation,
  breakGlassIsolation,
  humanFederated,
  identityExpiry,
  exceptionExpiry,
  noUnseenContent,
] as Rule[];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((rule) => rule.meta.id === id);
}
