import type { ClassPolicy, CredentialType } from '../../catalog/types.js';
import {
  isUnknown,
  type Credential,
  type Identity,
  type IdentityClass,
  type PlainCredential,
  type PlainCredentialKind,
  type SharedKeyAccess,
} from '../model/model.js';
import { RESOURCE_KEYS } from '../iam/azure/resource-keys.js';
import { defineRule, type RuleContext } from './define.js';
import { parseEndDate } from './support/expiry.js';

const DAY_MS = 24 * 60 * 60 * 1000;

type MessageId =
  | 'accessKey'
  | 'serviceCredential'
  | 'loginProfile'
  | 'sshKey'
  | 'signingCertificate'
  | 'azureNoClass'
  | 'azureNotAllowed'
  | 'azureNoEnd'
  | 'azureTooLong'
  | 'azureEndUnknown'
  | 'azureEndInvalid'
  | 'azureSharedKey'
  | 'azureSharedKeyPending'
  | 'gcpKey'
  | 'gcpHmacKey'
  | 'k8sToken'
  | 'rolesAnywhereNoClass'
  | 'rolesAnywhereNotAllowed'
  | 'plaintextSecret'
  | 'secretValueInProgram'
  | 'plaintextCredential'
  | 'credentialValueInProgram';

/** Azure credentials are allowed only for classes that list their catalog credential type, and only with an end date. */
const AZURE_CREDENTIALS = {
  'azure-client-secret': { type: 'secret', label: 'Client secret' },
  'azure-certificate': { type: 'certificate', label: 'Certificate' },
} as const satisfies Partial<Record<Credential['kind'], { type: CredentialType; label: string }>>;

export default defineRule<MessageId>({
  meta: {
    id: 'no-long-lived-credentials',
    title: 'No long-lived credentials',
    level: 'mandatory',
    rationale:
      'A static key, password or token works for whoever holds a copy, for as long as it exists. Temporary credentials from a role, ' +
      'workload identity or federation expire on their own and leave nothing in source, state or CI settings to leak.',
    remediation: {
      aws:
        'Replace the access key, service-specific credential, SSH public key or signing certificate with temporary credentials: an IAM role (instance profile, task ' +
        'role, IRSA, OIDC federation). Keep secret values out of templates and programs. Where a vendor truly cannot federate, request a catalog exception with an owner and an expiry.',
      azure:
        'Replace the client secret or certificate with workload identity federation or a managed identity, and turn off the keys ' +
        'resources hold of their own (Shared Key on storage accounts, local authentication on Cosmos DB, Service Bus, Event Hubs, ' +
        'Redis, App Configuration, Search, Event Grid, SignalR, Web PubSub and AI services) so callers use their identity. Keep secret values out of programs. Where a vendor truly cannot federate, request a catalog exception with an owner and an expiry.',
      gcp:
        'Replace the service-account key or HMAC key with workload identity federation or service-account impersonation. Keep secret ' +
        'values out of programs. Where a vendor truly cannot federate, request a catalog exception with an owner and an expiry.',
      kubernetes:
        'Replace the service-account token Secret with projected tokens (TokenRequest), turn off automounting where the pod ' +
        'does not call the API, and keep secret values out of manifests (an external secret store). Where a vendor truly cannot federate, request a catalog exception with an owner and an expiry.',
    },
    frameworks: [
      'OWASP-NHI7:2025',
      'OWASP-NHI2:2025',
      'CIS-AWS-3.0:1.14',
      'MITRE-ATTACK:T1098.001',
      'MITRE-ATTACK:T1552.001',
    ],
    messages: {
      accessKey:
        'AWS access key {{credential}} for {{identity}} is a long-lived secret: it stays valid until someone deletes it. ' +
        'Remove the key and let the caller assume an IAM role (instance profile, task role, OIDC federation) for temporary credentials.',
      serviceCredential:
        'Service-specific credential {{credential}} for {{identity}} is a static password that never expires. ' +
        'Remove it and sign requests with temporary role credentials instead (for CodeCommit: git-remote-codecommit).',
      loginProfile:
        'Console password {{credential}} on {{identity}} ({{class}}): a non-human identity must not hold a password. ' +
        'Remove the login profile; people sign in through federation, workloads assume roles.',
      sshKey:
        'SSH public key {{credential}} for {{identity}} lets whoever holds its private key use CodeCommit as the user until someone deletes it. ' +
        'Remove it and reach CodeCommit over HTTPS with temporary role credentials (git-remote-codecommit).',
      signingCertificate:
        'Signing certificate {{credential}} for {{identity}} lets whoever holds its private key sign requests to AWS as the user until someone deletes it. ' +
        'Remove it and call AWS with temporary credentials from an IAM role.',
      azureNoClass:
        '{{label}} {{credential}} on {{identity}}: the identity declares no class, so no class allows {{type}} credentials for it. ' +
        'Declare its class in the catalog, or replace the {{type}} with a federated credential.',
      azureNotAllowed:
        '{{label}} {{credential}} on {{identity}}: class {{class}} does not allow {{type}} credentials (allowed: {{allowed}}). ' +
        'Replace it with a federated credential (workload identity federation).',
      azureNoEnd:
        '{{label}} {{credential}} on {{identity}} has no end date, so it never expires. Set an end date {{limit}}, or use a federated credential.',
      azureTooLong:
        '{{label}} {{credential}} on {{identity}} ends {{end}}, {{days}} days from now: class {{class}} allows at most {{maxDays}} days. ' +
        'Set the end date no later than {{latest}}, or use a federated credential.',
      azureEndUnknown: '{{label}} {{credential}} on {{identity}}: end date cannot be verified until apply: {{what}}.',
      azureEndInvalid:
        '{{label}} {{credential}} on {{identity}} has end date "{{end}}", which is not a date. Write an ISO date (2026-12-31 or 2026-12-31T00:00:00Z).',
      azureSharedKey:
        '{{resource}} {{account}} allows {{authorization}} ({{why}}): {{keys}} stay valid until someone rotates them, ' +
        'and {{signed}} is authorized without any identity. ' +
        'Set {{setting}} to {{off}} and give callers an identity ({{callers}}).',
      azureSharedKeyPending:
        '{{resource}} {{account}}: whether it allows {{authorization}} ({{keysShort}} valid until rotated) cannot be verified until apply: {{what}}.',
      gcpKey:
        'User-managed service-account key {{credential}} for {{identity}} is a private key that stays valid until deleted. ' +
        'Remove it and use workload identity federation or service-account impersonation.',
      gcpHmacKey:
        'Cloud Storage HMAC key {{credential}} for {{identity}} is an access id and secret that stay valid until the key is deleted. ' +
        'Remove it and call Cloud Storage with OAuth tokens from workload identity federation or service-account impersonation.',
      k8sToken:
        'Service-account token Secret {{credential}} for {{identity}} holds a token that never expires. ' +
        'Remove it and let pods use projected service-account tokens, which expire and are bound to the pod.',
      rolesAnywhereNoClass:
        'Role {{identity}} gives its sessions through IAM Roles Anywhere ({{via}}) to whoever holds an X.509 certificate and ' +
        'private key that a trust anchor accepts: a certificate credential whose lifetime the certificate authority sets, which this change does not show. ' +
        'The role declares no class, so no class allows certificate credentials for it. Declare its class in the catalog ' +
        '(one whose credentials list certificate), or let the workload federate (OIDC) instead.',
      rolesAnywhereNotAllowed:
        'Role {{identity}} gives its sessions through IAM Roles Anywhere ({{via}}) to whoever holds an X.509 certificate and ' +
        'private key that a trust anchor accepts: a certificate credential whose lifetime the certificate authority sets, which this change does not show. ' +
        'Class {{class}} does not allow certificate credentials (allowed: {{allowed}}). Let the workload federate (OIDC) instead, ' +
        'or declare a class whose credentials list certificate.',
      plaintextSecret:
        'Secret {{secret}} has its value written in the IaC source, so every copy of the code, template and state holds it. ' +
        '{{keepOut}}, and rotate the exposed value.',
      secretValueInProgram:
        'Secret {{secret}} gets its value from {{source}}. Keep literals out of the source: {{keepOut}}.',
      plaintextCredential:
        '{{credential}} is written in the configuration of {{resource}} ({{places}}): whoever may read that configuration, ' +
        'and every copy of the source, template and state, holds it, and nothing rotates it. {{keepOut}}, and rotate the exposed value.',
      credentialValueInProgram:
        '{{credential}} of {{resource}} ({{places}}) gets its value from the program that declares it: either a literal in its source, ' +
        'which every copy of the code holds, or a value the front-end keeps secret, which this check cannot tell apart. ' +
        'Keep literals out of the source: {{keepOut}}.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      for (const credential of identity.credentials) checkCredential(ctx, identity, credential);
    }
    for (const keys of ctx.model.sharedKeys ?? []) checkSharedKeys(ctx, keys);
    for (const credential of ctx.model.plainCredentials ?? []) checkPlainCredential(ctx, credential);
    for (const secret of ctx.model.secrets) {
      // How to fix it is the front-end's to say (its adapter sets valueAdvice); the fallback fits every front-end.
      const advice = secret.valueAdvice;
      if (secret.plaintextValue) {
        const keepOut = advice?.keepOut ?? 'Generate the value at deploy time or set it out of band';
        ctx.report({
          messageId: 'plaintextSecret',
          data: { secret: secret.name, keepOut },
          resource: secret.resource,
          identity: secret,
          detail: 'Secret::plaintext-value',
        });
      } else if (secret.valueInProgram) {
        // Blocking every stack config secret would punish the recommended practice: a reminder, not a gate.
        ctx.report({
          messageId: 'secretValueInProgram',
          data: {
            secret: secret.name,
            source:
              advice?.source ??
              'the program that declares it: either a literal in its source, which every copy of the code holds, ' +
                'or a value the front-end keeps secret, which this check cannot tell apart',
            keepOut: advice?.keepOut ?? 'a generated value, or set it out of band',
          },
          resource: secret.resource,
          identity: secret,
          detail: 'Secret::value-in-program',
          undecidable: true,
        });
      }
    }
  },
});

function checkCredential(ctx: RuleContext<MessageId>, identity: Identity, credential: Credential): void {
  const report = (messageId: MessageId, data: Record<string, string | number> = {}, pending = false) => {
    ctx.report({
      messageId,
      data: { credential: credential.source.name, identity: identity.name, ...data },
      resource: credential.source,
      identity,
      detail: `Credential::${credential.kind}`,
      ...(pending ? { pending: true } : {}),
    });
  };
  const identityClass = ctx.profile(identity).class;
  switch (credential.kind) {
    case 'aws-access-key': {
      report('accessKey');
      return;
    }
    case 'aws-service-specific-credential': {
      report('serviceCredential');
      return;
    }
    // Reported whatever its status, as an access key is: an Inactive key or certificate is one API call
    // (iam:UpdateSSHPublicKey, iam:UpdateSigningCertificate) from working again.
    case 'aws-ssh-public-key': {
      report('sshKey');
      return;
    }
    case 'aws-signing-certificate': {
      report('signingCertificate');
      return;
    }
    case 'aws-login-profile':
      // Local users of human identities are human-federated's concern; an unknown class counts as non-human.
      if (identityClass === 'human') return;
      {
        report('loginProfile', { class: identityClass ? `class ${identityClass}` : 'no declared class' });
        return;
      }
    case 'azure-client-secret':
    case 'azure-certificate': {
      checkAzureCredential(ctx, credential, identityClass, report);
      return;
    }
    case 'gcp-service-account-key': {
      report('gcpKey');
      return;
    }
    // Whatever its state: an INACTIVE key is one update from ACTIVE again, and stays until it is deleted.
    case 'gcp-hmac-key': {
      report('gcpHmacKey');
      return;
    }
    case 'k8s-service-account-token': {
      report('k8sToken');
      return;
    }
    case 'aws-roles-anywhere': {
      checkRolesAnywhere(ctx, credential, identityClass, report);
      return;
    }
    case 'federated':
      return;
  }
}

/**
 * A role IAM Roles Anywhere hands to certificate holders is judged as an Azure certificate is: allowed only for a class
 * whose catalog credentials list `certificate`. Unlike an Azure certificate there is no end date to hold to the
 * class's maxSecretAgeDays: the certificate is issued by the trust anchor's CA outside the change, so its lifetime,
 * rotation and revocation are the CA's, and a class that allows certificates accepts that. What the change does set,
 * the session length of each profile, session-within-class judges; who may present a certificate (the trust anchor
 * and the certificate's subject), restrict-trust judges.
 */
function checkRolesAnywhere(
  ctx: RuleContext<MessageId>,
  credential: Credential,
  identityClass: IdentityClass | undefined,
  report: (messageId: MessageId, data?: Record<string, string | number>, pending?: boolean) => void,
): void {
  const via =
    credential.sessionSeconds === undefined
      ? 'its trust admits rolesanywhere.amazonaws.com; the profile that vends its sessions is not in this change'
      : `profile ${credential.source.name}`;
  if (!identityClass) {
    report('rolesAnywhereNoClass', { via });
    return;
  }
  const allowed = ctx.catalog.classes[identityClass].credentials;
  if (allowed.includes('certificate')) return;
  report('rolesAnywhereNotAllowed', { via, class: identityClass, allowed: allowed.join(', ') || 'none' });
}

/** What each kind of credential in plain configuration is called in a message. */
const PLAIN_CREDENTIAL_NAMES: Record<PlainCredentialKind, string> = {
  password: 'A password',
  'access-key': 'An AWS access key',
  'private-key': 'A private key',
  token: 'An API token',
  secret: 'A secret value',
};

/**
 * A credential written in a resource's configuration: no identity or managed secret holds it, so it is reported on the
 * resource. The detail names no kind: what a value looks like is known only where the front-end shows it (a Pulumi pack
 * sees the Slack webhook URL a stack export encrypts), and an exception's detail must bind the same finding in every
 * front-end. The kind and where it sits are in the message.
 */
function checkPlainCredential(ctx: RuleContext<MessageId>, credential: PlainCredential): void {
  const data = {
    credential: PLAIN_CREDENTIAL_NAMES[credential.kind],
    resource: credential.source.name,
    places: credential.places.join(', '),
    keepOut: credential.keepOut,
  };
  const base = { resource: credential.source, detail: 'Credential::plaintext' };
  // As for a secret's value: blocking every stack config secret would punish the recommended practice.
  // The advice follows a colon there; an adapter whose advice also opens a sentence (Terraform's) writes it capitalised.
  if (credential.valueInProgram)
    ctx.report({
      ...base,
      messageId: 'credentialValueInProgram',
      data: { ...data, keepOut: data.keepOut.charAt(0).toLowerCase() + data.keepOut.slice(1) },
      undecidable: true,
    });
  else ctx.report({ ...base, messageId: 'plaintextCredential', data });
}

/** Keys a resource holds of its own (an Azure storage account's): reported on the resource, which no identity holds. */
function checkSharedKeys(ctx: RuleContext<MessageId>, keys: SharedKeyAccess): void {
  const base = { resource: keys.source, detail: `SharedKey::${keys.kind}` };
  const words = RESOURCE_KEYS[keys.kind];
  if (keys.reason.kind === 'pending') {
    ctx.report({
      ...base,
      messageId: 'azureSharedKeyPending',
      data: { ...words, account: keys.name, what: keys.reason.what },
      pending: true,
    });
    return;
  }
  const why =
    keys.reason.kind === 'unset'
      ? `${keys.setting} is not set, and Azure allows it by default`
      : `${keys.setting}: ${String(!keys.offValue)}`;
  ctx.report({
    ...base,
    messageId: 'azureSharedKey',
    data: { ...words, account: keys.name, why, setting: keys.setting, off: String(keys.offValue) },
  });
}

function checkAzureCredential(
  ctx: RuleContext<MessageId>,
  credential: Credential,
  identityClass: IdentityClass | undefined,
  report: (messageId: MessageId, data?: Record<string, string | number>, pending?: boolean) => void,
): void {
  const { type, label } = AZURE_CREDENTIALS[credential.kind as keyof typeof AZURE_CREDENTIALS];
  if (!identityClass) {
    report('azureNoClass', { label, type });
    return;
  }
  const policy: ClassPolicy = ctx.catalog.classes[identityClass];
  if (!policy.credentials.includes(type)) {
    report('azureNotAllowed', {
      label,
      type,
      class: identityClass,
      allowed: policy.credentials.join(', ') || 'none',
    });
    return;
  }
  const end = credential.expiresAt;
  const maxDays = policy.maxSecretAgeDays;
  if (end === undefined) {
    const limit =
      maxDays === undefined
        ? `(class ${identityClass} sets no maximum age)`
        : `at most ${maxDays} days ahead (class ${identityClass})`;
    report('azureNoEnd', { label, limit });
    return;
  }
  if (isUnknown(end)) {
    report('azureEndUnknown', { label, what: end.description }, true);
    return;
  }
  const endTime = parseEndDate(end);
  if (Number.isNaN(endTime)) {
    report('azureEndInvalid', { label, end });
    return;
  }
  if (maxDays === undefined) return;
  const days = (endTime - ctx.now.getTime()) / DAY_MS;
  if (days <= maxDays) return;
  const latest = new Date(ctx.now.getTime() + maxDays * DAY_MS).toISOString().slice(0, 10);
  report('azureTooLong', { label, class: identityClass, end, days: Math.ceil(days), maxDays, latest });
}
