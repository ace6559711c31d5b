/**
 * A KMS grant gives its grantee principal operations on a key as a statement of the key's policy would: every AWS
 * front-end that can write one reads it as that statement (aws/resource-policies.ts kmsGrantDocument), so a grant to an
 * account the catalog does not list is judged as the key policy's statement is. Pulumi's aws.kms.Grant and Terraform's
 * aws_kms_grant; CloudFormation has no grant resource. Passed in silence before (fail-open), while the same
 * permissions written in the key's policy were reported.
 */
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { KMS_GRANTS, kmsGrantDocument } from '../../src/adapters/aws/resource-policies.js';
import { modelFromPulumiResources, type PulumiResource } from '../../src/adapters/pulumi/index.js';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { evaluate } from '../../src/engine/index.js';
import type { Model } from '../../src/model/model.js';
import { catalog } from '../support/builders.js';
import { terraformPlan } from '../terraform/support.js';

const NOW = new Date('2026-12-01T00:00:00Z');
const OTHER = '999999999999';
const KEY_ARN = 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const GRANT = 'aws:kms/grant:Grant';
const urn = (type: string, name: string) => `urn:pulumi:dev::payments::${type}::${name}`;
const pulumiResource = (type: string, name: string, props: Record<string, unknown>): PulumiResource => ({
  type,
  name,
  urn: urn(type, name),
  props,
});

/** `rule level resource detail [pending]` of restrict-trust, with no catalog (or `trusted` listed as trusted). */
function trustFindings(model: Model, trusted?: string): string[] {
  const given = trusted
    ? catalog({ trust: { accounts: [{ id: trusted, owner: 'team-platform' }], organizations: [], oidc: [] } })
    : defaultCatalog();
  return evaluate(model, { catalog: given, now: NOW })
    .findings.filter((f) => f.ruleId === 'restrict-trust')
    .map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? '-'}${f.pending ? ' pending' : ''}`);
}

describe('the statements a KMS grant stands for', () => {
  const fields = KMS_GRANTS[GRANT]!;

  it('gives the grantee kms:<operation> for each operation, and the retiring principal kms:RetireGrant', () => {
    expect(
      kmsGrantDocument(
        {
          keyId: KEY_ARN,
          granteePrincipal: `arn:aws:iam::${OTHER}:root`,
          operations: ['Decrypt', 'CreateGrant'],
          retiringPrincipal: 'arn:aws:iam::111122223333:role/key-admin',
          constraints: [{ encryptionContextEquals: { Department: 'Finance' } }],
        },
        fields,
      ),
    ).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${OTHER}:root` },
          Action: ['kms:Decrypt', 'kms:CreateGrant'],
        },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/key-admin' }, Action: 'kms:RetireGrant' },
      ],
    });
  });
});

describe('a KMS grant to another account', () => {
  const external = `Resource policy partner-decrypt allows account ${OTHER} (arn:aws:iam::${OTHER}:root) Action kms:Decrypt, kms:CreateGrant on ${KEY_ARN}, but no catalog was given, so the account cannot be checked against trusted accounts. Pass a catalog that lists it under trust.accounts.`;

  it('Pulumi: is judged as the key policy statement it stands for, on the key its keyId names', () => {
    const model = modelFromPulumiResources([
      pulumiResource(GRANT, 'partner-decrypt', {
        keyId: KEY_ARN,
        granteePrincipal: `arn:aws:iam::${OTHER}:root`,
        operations: ['Decrypt', 'CreateGrant'],
      }),
    ]);
    expect(trustFindings(model)).toEqual([`restrict-trust mandatory partner-decrypt Account::${OTHER}`]);
    const [finding] = evaluate(model, { catalog: defaultCatalog(), now: NOW }).findings.filter(
      (f) => f.ruleId === 'restrict-trust',
    );
    expect(finding?.message).toBe(external);
    // The account listed as trusted: nothing to say.
    expect(trustFindings(model, OTHER)).toEqual([]);
  });

  it('Terraform: aws_kms_grant reads the same', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_kms_grant.partner-decrypt',
          values: {
            key_id: KEY_ARN,
            grantee_principal: `arn:aws:iam::${OTHER}:root`,
            operations: ['Decrypt', 'CreateGrant'],
            constraints: [],
            retire_on_delete: false,
          },
          unknown: { grant_id: true, grant_token: true, id: true },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(trustFindings(model)).toEqual([`restrict-trust mandatory aws_kms_grant.partner-decrypt Account::${OTHER}`]);
  });

  it('Terraform: a grantee known only after apply cannot be verified until then (fail closed)', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'aws_kms_grant.app',
          values: { key_id: KEY_ARN, operations: ['Decrypt'] },
          unknown: { grantee_principal: true, grant_id: true, grant_token: true, id: true },
          references: { grantee_principal: ['aws_iam_role.app.arn', 'aws_iam_role.app'] },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(trustFindings(model)).toEqual(['restrict-trust advisory aws_kms_grant.app Principal::unknown pending']);
  });
});

describe('a KMS grant to a role of the change', () => {
  it('is the role’s: its key id names the key in the own account and region', () => {
    const role = pulumiResource('aws:iam/role:Role', 'app', {
      name: 'app',
      arn: 'arn:aws:iam::111122223333:role/app',
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
      }),
    });
    const grant = pulumiResource(GRANT, 'app-key', {
      keyId: '1234abcd-12ab-34cd-56ef-1234567890ab',
      granteePrincipal: 'arn:aws:iam::111122223333:role/app',
      operations: ['Decrypt', 'GenerateDataKey'],
    });
    const model = modelFromPulumiResources([role, grant]);
    const [identity] = model.identities;
    expect(
      identity?.grants.map((g) => [
        g.source.name,
        g.kind === 'aws-policy' ? g.document.statements.map((st) => [st.action, st.resource]) : g.kind,
      ]),
    ).toEqual([
      [
        'app-key',
        [
          [
            ['kms:Decrypt', 'kms:GenerateDataKey'],
            ['arn:aws:kms:<own-region>:<own-account>:key/1234abcd-12ab-34cd-56ef-1234567890ab'],
          ],
        ],
      ],
    ]);
    expect(trustFindings(model)).toEqual([]);
  });
});
