/**
 * Whether a sign-in path (one principal of a trust policy) requires multi-factor authentication: an IAM condition
 * on `aws:MultiFactorAuthPresent` / `aws:MultiFactorAuthAge` that must hold, or federation through an identity
 * provider the catalog declares MFA-enforcing (`trust.identityProviders`). Shared by the rules that hold classes
 * with `mfa: true` (people and break-glass) to it.
 */
import type { Catalog } from '../../../catalog/types.js';
import { OWN_ACCOUNT } from '../../model/deployment.js';
import { isUnknown } from '../../model/model.js';
import { globMatch } from '../../util/glob.js';
import { parseFederatedPrincipal, type TrustEntry } from './trust.js';

/** Why the path does not require MFA, or undefined when it does (or is no sign-in path: a service principal). */
export function missingMfa(entry: TrustEntry, catalog: Catalog): string | undefined {
  if (entry.type === 'Service' || entry.type === 'CanonicalUser') return undefined;
  if (requiresMfaCondition(entry)) return undefined;
  const value = entry.value;
  if (isUnknown(value)) return undefined; // the rules report an unreadable principal as pending on their own
  if (entry.type === 'Federated') {
    const provider = (catalog.trust.identityProviders ?? []).find(
      (declared) =>
        globMatch(declared.provider, value) || globMatch(declared.provider, value.replace(OWN_ACCOUNT, '*')),
    );
    if (provider?.enforcesMfa) return undefined;
    const kind = parseFederatedPrincipal(value).kind === 'saml' ? 'SAML provider' : 'identity provider';
    return provider
      ? `${kind} ${value} is declared in the catalog as not enforcing MFA, and the trust sets no aws:MultiFactorAuthPresent condition`
      : `${kind} ${value} is not declared MFA-enforcing in the catalog (trust.identityProviders), and the trust sets no MFA condition`;
  }
  const who = entry.type === 'everyone' ? 'every principal (*)' : value;
  return `${who} may assume it without MFA: the trust sets no aws:MultiFactorAuthPresent (Bool true) or aws:MultiFactorAuthAge condition`;
}

/**
 * A condition that must hold and requires MFA: `Bool aws:MultiFactorAuthPresent true`, or a bounded `aws:MultiFactorAuthAge`.
 * `BoolIfExists` does not count: a caller signing with an IAM user's access keys sends no such key, and passes it.
 */
export function requiresMfaCondition(entry: TrustEntry): boolean {
  return entry.conditions.some((clause) => {
    const key = clause.key.toLowerCase();
    if (key === 'aws:multifactorauthpresent')
      return (
        /^Bool$/i.test(clause.operator) &&
        clause.values.length > 0 &&
        clause.values.every((value) => value === 'true' || value === (true as unknown))
      );
    if (key === 'aws:multifactorauthage')
      return /^NumericLessThan(Equals)?$/i.test(clause.operator) && clause.values.length > 0;
    return false;
  });
}
