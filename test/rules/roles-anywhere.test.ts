/**
 * IAM Roles Anywhere, read from CloudFormation templates through the adapter: a role whose trust admits
 * rolesanywhere.amazonaws.com gives its sessions to whoever holds a certificate a trust anchor accepts. Before, such a
 * role passed unjudged: no credential, no trust finding, no session finding for its profile.
 *
 * - no-long-lived-credentials: the certificate credential is allowed only for a class whose catalog credentials list
 *   `certificate` (as an Azure certificate is), on the profile that vends the sessions, else on the role.
 * - restrict-trust: no aws:SourceArn naming the trust anchor is mandatory (any anchor of the account can vend the
 *   role); no condition on the certificate subject is advisory (any certificate of the anchor's CA).
 * - session-within-class: a profile's DurationSeconds (3600 when unset) is held to the class limit.
 */
import type { Catalog } from '../../catalog/types.js';
import type { CfnParameter } from '../../src/adapters/cloudformation/template.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import longLived from '../../src/rules/no-long-lived-credentials.js';
import restrictTrust from '../../src/rules/restrict-trust.js';
import session from '../../src/rules/session-within-class.js';
import { catalog } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

const ANCHOR_ARN = 'arn:aws:rolesanywhere:eu-west-1:111122223333:trust-anchor/0d4f3e2a-9c1b-4a5e-8f7d-6b2c1a0e9f83';
const SUBJECT = { 'aws:PrincipalTag/x509Subject/CN': 'onprem-etl.example.com' };

const trust = (condition?: Record<string, unknown>) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: 'rolesanywhere.amazonaws.com' },
      Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
      ...(condition ? { Condition: condition } : {}),
    },
  ],
});
/** Pinned to the change's trust anchor and to one certificate subject. */
const PINNED = trust({
  ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': ['Anchor', 'TrustAnchorArn'] } },
  StringEquals: SUBJECT,
});

/** A trust anchor, the role `OnPremRole` with `roleTrust`, and (unless `profile` is false) a profile naming it. */
function templateModel(
  roleTrust: unknown,
  options: {
    tags?: Record<string, string>;
    profile?: false | Record<string, unknown>;
    parameters?: Record<string, CfnParameter>;
  } = {},
) {
  const profile = options.profile === undefined ? {} : options.profile;
  return modelFromTemplates([
    {
      stack: 'ra',
      template: {
        ...(options.parameters ? { Parameters: options.parameters } : {}),
        Resources: {
          Anchor: {
            Type: 'AWS::RolesAnywhere::TrustAnchor',
            Properties: {
              Name: 'onprem',
              Enabled: true,
              Source: {
                SourceType: 'AWS_ACM_PCA',
                SourceData: { AcmPcaArn: 'arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/ca' },
              },
            },
          },
          OnPremRole: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: roleTrust,
              Tags: Object.entries(options.tags ?? { owner: 'team-data', 'identity-class': 'workload' }).map(
                ([Key, Value]) => ({ Key, Value }),
              ),
            },
          },
          ...(profile
            ? {
                Profile: {
                  Type: 'AWS::RolesAnywhere::Profile',
                  Properties: { Name: 'onprem', RoleArns: [{ 'Fn::GetAtt': ['OnPremRole', 'Arn'] }], ...profile },
                },
              }
            : {}),
        },
      },
    },
  ]);
}

/** The built-in classes, with workloads allowed certificates (and, when given, a session limit). */
function certificateWorkloads(maxSessionSeconds?: number): Catalog {
  const base = catalog();
  const workload = {
    ...base.classes.workload,
    credentials: [...base.classes.workload.credentials, 'certificate' as const],
    ...(maxSessionSeconds === undefined ? {} : { maxSessionSeconds }),
  };
  return catalog({ classes: { ...base.classes, workload } });
}

const CERTIFICATE =
  'to whoever holds an X.509 certificate and private key that a trust anchor accepts: a certificate credential whose ' +
  'lifetime the certificate authority sets, which this change does not show.';

ruleTester(longLived, {
  valid: [
    {
      name: 'a workload role used through Roles Anywhere where the catalog allows workloads certificates',
      catalog: certificateWorkloads(),
      model: templateModel(PINNED),
    },
    {
      name: 'a profile that names a role whose trust does not admit Roles Anywhere vends nothing',
      model: templateModel({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    },
  ],
  invalid: [
    {
      name: 'the class does not allow certificates: reported on the profile',
      model: templateModel(PINNED),
      findings: [
        {
          resource: 'Profile',
          identity: 'ra/OnPremRole',
          detail: 'Credential::aws-roles-anywhere',
          message:
            `Role OnPremRole gives its sessions through IAM Roles Anywhere (profile Profile) ${CERTIFICATE} ` +
            'Class workload does not allow certificate credentials (allowed: workload-identity, federated). Let the ' +
            'workload federate (OIDC) instead, or declare a class whose credentials list certificate.',
        },
      ],
    },
    {
      name: 'no profile in the change: the trust alone is the credential, reported on the role',
      model: templateModel(PINNED, { profile: false }),
      findings: [
        {
          resource: 'OnPremRole',
          identity: 'ra/OnPremRole',
          detail: 'Credential::aws-roles-anywhere',
          message:
            'Role OnPremRole gives its sessions through IAM Roles Anywhere (its trust admits rolesanywhere.amazonaws.com; ' +
            `the profile that vends its sessions is not in this change) ${CERTIFICATE} ` +
            'Class workload does not allow certificate credentials (allowed: workload-identity, federated). Let the ' +
            'workload federate (OIDC) instead, or declare a class whose credentials list certificate.',
        },
      ],
    },
    {
      name: 'a role without a class: no class allows the certificate',
      catalog: certificateWorkloads(),
      model: templateModel(PINNED, { tags: { owner: 'team-data' } }),
      findings: [
        {
          resource: 'Profile',
          identity: 'ra/OnPremRole',
          detail: 'Credential::aws-roles-anywhere',
          message:
            `Role OnPremRole gives its sessions through IAM Roles Anywhere (profile Profile) ${CERTIFICATE} ` +
            'The role declares no class, so no class allows certificate credentials for it. Declare its class in the ' +
            'catalog (one whose credentials list certificate), or let the workload federate (OIDC) instead.',
        },
      ],
    },
  ],
});

const ANY_ANCHOR = (role: string, why: string) =>
  `Role ${role} trusts IAM Roles Anywhere (rolesanywhere.amazonaws.com) ${why}, so any trust anchor of the account, ` +
  'whatever certificate authority it names, can hand out its sessions: whoever may create a trust anchor and a ' +
  'profile (no iam:PassRole on the role is asked) can register a CA of their own and get the role. Add Condition ' +
  'ArnEquals aws:SourceArn: <the ARN of the trust anchor of your CA>.';
const ANY_SUBJECT =
  'Role OnPremRole trusts IAM Roles Anywhere without a condition on the certificate subject ' +
  '(aws:PrincipalTag/x509Subject/<field>, aws:PrincipalTag/x509SAN/<field> or sts:SourceIdentity), so every certificate ' +
  "its trust anchor's certificate authority issues, for any workload, can assume it. Add Condition StringEquals " +
  'aws:PrincipalTag/x509Subject/CN: <the CN of the certificate of the workload that needs this role>.';

ruleTester(restrictTrust, {
  valid: [
    { name: "pinned to the change's trust anchor and one certificate CN", model: templateModel(PINNED) },
    {
      name: 'pinned to a trust anchor by ARN and to a family of subjects by sts:SourceIdentity',
      model: templateModel(
        trust({ ArnEquals: { 'aws:SourceArn': ANCHOR_ARN }, StringLike: { 'sts:SourceIdentity': 'etl-*' } }),
      ),
    },
  ],
  invalid: [
    {
      name: 'the probe: no condition at all (the anchor mandatory, the subject advisory)',
      model: templateModel(trust()),
      findings: [
        {
          resource: 'OnPremRole',
          identity: 'ra/OnPremRole',
          detail: 'Condition::aws:PrincipalTag/x509Subject',
          message: ANY_SUBJECT,
          level: 'advisory',
        },
        {
          resource: 'OnPremRole',
          identity: 'ra/OnPremRole',
          detail: 'Condition::aws:SourceArn',
          message: ANY_ANCHOR('OnPremRole', 'without an aws:SourceArn condition naming its trust anchors'),
          level: 'mandatory',
        },
      ],
    },
    {
      name: 'aws:SourceArn with a wildcard trust anchor id, and aws:SourceAccount, name no one anchor',
      model: templateModel(
        trust({
          ArnLike: { 'aws:SourceArn': 'arn:aws:rolesanywhere:*:111122223333:trust-anchor/*' },
          StringEquals: { 'aws:SourceAccount': '111122223333', ...SUBJECT },
        }),
      ),
      findings: [
        {
          resource: 'OnPremRole',
          identity: 'ra/OnPremRole',
          detail: 'Condition::aws:SourceArn',
          message: ANY_ANCHOR(
            'OnPremRole',
            'with aws:SourceArn "arn:aws:rolesanywhere:*:111122223333:trust-anchor/*", which names no one trust anchor',
          ),
          level: 'mandatory',
        },
      ],
    },
    {
      name: 'a subject condition of wildcards alone narrows nothing',
      model: templateModel(
        trust({ ArnEquals: { 'aws:SourceArn': ANCHOR_ARN }, StringLike: { 'aws:PrincipalTag/x509Subject/CN': '*' } }),
      ),
      findings: [
        {
          resource: 'OnPremRole',
          identity: 'ra/OnPremRole',
          detail: 'Condition::aws:PrincipalTag/x509Subject',
          message: ANY_SUBJECT,
          level: 'advisory',
        },
      ],
    },
    {
      name: 'a trust anchor ARN from a parameter is pending, as other values only the deployment sets',
      model: templateModel(trust({ ArnEquals: { 'aws:SourceArn': { Ref: 'AnchorArn' } }, StringEquals: SUBJECT }), {
        parameters: { AnchorArn: { Type: 'String' } },
      }),
      findings: [
        {
          resource: 'OnPremRole',
          identity: 'ra/OnPremRole',
          detail: 'Condition::aws:SourceArn',
          message:
            'Role OnPremRole: IAM Roles Anywhere condition aws:SourceArn cannot be verified until apply: the value is ' +
            'Ref AnchorArn (parameter without a default).',
          pending: true,
        },
      ],
    },
  ],
});

ruleTester(session, {
  valid: [
    {
      name: "a profile that leaves DurationSeconds at AWS's 3600, under the workload limit (1h)",
      catalog: certificateWorkloads(),
      model: templateModel(PINNED),
    },
    {
      name: 'a profile of 15 minutes under a 15-minute class limit (no one-hour floor as for MaxSessionDuration)',
      catalog: certificateWorkloads(900),
      model: templateModel(PINNED, { profile: { DurationSeconds: 900 } }),
    },
  ],
  invalid: [
    {
      name: 'a profile vending 12-hour sessions of a workload role (class limit 1h)',
      model: templateModel(PINNED, { profile: { DurationSeconds: 43200 } }),
      findings: [
        {
          resource: 'Profile',
          identity: 'ra/OnPremRole',
          detail: 'DurationSeconds::43200',
          message:
            'IAM Roles Anywhere profile Profile vends sessions of OnPremRole that last 12h (43200 seconds), longer than ' +
            "class workload allows (1h). Set the profile's DurationSeconds to 3600 or less.",
        },
      ],
    },
    {
      name: "AWS's default of 3600 is longer than a 15-minute class limit",
      catalog: certificateWorkloads(900),
      model: templateModel(PINNED),
      findings: [
        {
          resource: 'Profile',
          identity: 'ra/OnPremRole',
          detail: 'DurationSeconds::3600',
          message:
            'IAM Roles Anywhere profile Profile vends sessions of OnPremRole that last 1h (3600 seconds, the default ' +
            "when DurationSeconds is not set), longer than class workload allows (15m). Set the profile's " +
            'DurationSeconds to 900 or less.',
        },
      ],
    },
    {
      name: "a class claimed by tag does not lengthen a profile's sessions: 4-hour sessions of a role tagged human",
      model: templateModel(PINNED, { tags: { 'identity-class': 'human' }, profile: { DurationSeconds: 14400 } }),
      findings: [
        {
          resource: 'Profile',
          identity: 'ra/OnPremRole',
          detail: 'DurationSeconds::14400',
          message:
            'IAM Roles Anywhere profile Profile vends sessions of OnPremRole that last 4h (14400 seconds), longer than 1h, ' +
            'the shortest session any class allows: its class human is claimed by the IaC, which no catalog record gives ' +
            "it, and a claimed class does not lengthen sessions. Set the profile's DurationSeconds to 3600 or less, or give " +
            'the role class human in a catalog record that names it.',
        },
      ],
    },
    {
      name: 'a DurationSeconds a parameter sets is pending',
      model: templateModel(PINNED, {
        profile: { DurationSeconds: { Ref: 'Duration' } },
        parameters: { Duration: { Type: 'Number' } },
      }),
      findings: [
        {
          resource: 'Profile',
          identity: 'ra/OnPremRole',
          detail: 'DurationSeconds::unknown',
          message:
            'Session lifetime of OnPremRole through IAM Roles Anywhere profile Profile cannot be verified until apply: ' +
            'DurationSeconds is Ref Duration (parameter without a default) (class workload allows at most 1h).',
          pending: true,
        },
      ],
    },
  ],
});
