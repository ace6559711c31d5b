/**
 * The round trip of issue 21 on every example and on the public-app corpus: `catalog init`, then `check` with the
 * result (approvers filled in) exits 0; the same inputs give a byte-identical catalog; until the approvers are filled
 * in the catalog does not load, naming each exception; and a later change that adds an access key or an `iam:*`
 * grant fails the check with exactly the findings of what it added.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument, visit } from 'yaml';
import { parseCatalog, CatalogError } from '../../catalog/index.js';
import { inOldDeploymentNotation, inOldReferenceNotation } from '../support/legacy-notation.js';
import { approved, blocking, check, init, laterChange, scratch } from './support.js';

interface Case {
  name: string;
  inputs: string[];
  /** A role of the inputs with a physical name, which the later change grants `iam:*`. */
  role?: string;
  /**
   * Blocking findings init reports it cannot turn into exceptions (a role with a generated name in a plain template,
   * a Kubernetes ClusterRole): no catalog entry can name them, so check still reports exactly those.
   */
  unwaivable: number;
}

const CASES: Case[] = [
  {
    name: 'examples/cloudformation bad',
    inputs: ['examples/cloudformation/bad-stack.template.yaml'],
    role: 'batch-admin',
    unwaivable: 0,
  },
  {
    name: 'examples/cloudformation good',
    inputs: ['examples/cloudformation/good-stack.template.yaml'],
    role: 'payments-api-runtime',
    unwaivable: 0,
  },
  { name: 'examples/privileged-access bad', inputs: ['examples/privileged-access/bad.template.yaml'], unwaivable: 0 },
  { name: 'examples/privileged-access good', inputs: ['examples/privileged-access/good.template.yaml'], unwaivable: 0 },
  { name: 'examples/terraform bad', inputs: ['examples/terraform/bad.tfplan.json'], unwaivable: 0 },
  { name: 'examples/terraform good', inputs: ['examples/terraform/good.tfplan.json'], unwaivable: 0 },
  { name: 'examples/k8s bad', inputs: ['examples/k8s/bad.yaml'], unwaivable: 0 },
  { name: 'examples/k8s good', inputs: ['examples/k8s/good.yaml'], unwaivable: 0 },
  { name: 'corpus: AWS public apps (39 CDK, SAM and Pulumi apps)', inputs: ['test/corpus/aws'], unwaivable: 0 },
  { name: 'corpus: Kubernetes charts', inputs: ['test/corpus/kubernetes'], unwaivable: 0 },
  {
    name: 'corpus: governance samples',
    inputs: [
      'test/corpus/governance/aws-cross-account-break-glass.template.yaml',
      'test/corpus/governance/jit-elevated-admin-root-trust.template.yaml',
      'test/corpus/governance/tea-target-role.template.yaml',
    ],
    unwaivable: 0,
  },
  {
    name: 'corpus: gate semantics samples',
    inputs: [
      'test/corpus/gate-semantics/fluidattacks-open-passrole.template.yaml',
      'test/corpus/gate-semantics/sagemaker-studio-image-build-role.template.yaml',
      'test/corpus/gate-semantics/sra-config-org-configuration-role.template.yaml',
      'test/corpus/gate-semantics/sra-guardduty-event-rule-role.template.yaml',
    ],
    unwaivable: 0,
  },
];

describe.each(CASES)('catalog init round trip: $name', ({ inputs, role, unwaivable }) => {
  const first = init(inputs);

  it('writes a catalog that is the same for the same inputs', () => {
    expect(first.exitCode).toBe(0);
    expect(first.output).toContain('apiVersion: entitlement-guard/v1');
    expect(init(inputs).output).toBe(first.output);
  });

  it('does not load until every generated exception has an approver, naming each one', () => {
    const ids = [...first.output.matchAll(/^ {2}- id: (init-\S+)$/gm)].map((match) => match[1]!);
    if (ids.length === 0) {
      expect(() => parseCatalog(first.output, 'catalog.yaml')).not.toThrow();
      return;
    }
    let error: unknown;
    try {
      parseCatalog(first.output, 'catalog.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CatalogError);
    const issues = (error as CatalogError).errors;
    expect(issues.map((issue) => issue.field)).toEqual(ids.map((_, index) => `exceptions[${index}].approvedBy`));
    expect(issues.map((issue) => /exception "([^"]+)" still lacks an approver/.exec(issue.message)?.[1])).toEqual(ids);
  });

  it('passes check once the approvers are filled in, but for the findings init said no exception can name', () => {
    const said = first.errors.flatMap((line) => {
      const match = /: (\S+) (\S+) \[(.*?)\] still blocks and no exception can name it/.exec(line);
      return match ? [`${match[1]} ${match[2]} ${match[3]}`.trim()] : [];
    });
    expect(said).toHaveLength(unwaivable);
    const result = check(inputs, approved(first.output));
    expect(result.errors).toEqual([]);
    expect(blocking(result)).toEqual([...said].sort());
    expect(result.exitCode).toBe(unwaivable === 0 ? 0 : 1);
  });

  it('fails check when a later change adds an access key or an iam:* grant', () => {
    const catalog = approved(first.output);
    const target = role ?? 'eg-no-such-role';
    const result = check([...inputs, laterChange(target)], catalog);
    expect(result.exitCode).toBe(1);
    const added = blocking(result).filter((line) => / (NewUser|NewUserKey|NewIamGrant)( |$)/.test(line));
    expect(added).toEqual(expect.arrayContaining(['no-long-lived-credentials NewUserKey Credential::aws-access-key']));
    expect(added.filter((line) => line.startsWith('no-wildcard-privilege NewIamGrant'))).toEqual([
      'no-wildcard-privilege NewIamGrant Action::iam:*',
    ]);
    // Nothing else blocks: what the inputs had is still waived, only the later change's additions block.
    expect(blocking(result).filter((line) => !added.includes(line))).toHaveLength(unwaivable);
  });
});

/**
 * A plain template's user with a generated name and an access key: catalog init records the user by its location
 * (`stack:legacy/LegacyUser`), and the exception names that record and the key it waives by where the key is, so a
 * second key made afterwards for the same user is a new finding.
 */
describe('catalog init round trip: a key added later to a user init already excepted', () => {
  const directory = scratch();
  const write = (keys: string[]) => {
    const file = join(directory, 'legacy.template.json');
    const resources: Record<string, unknown> = { LegacyUser: { Type: 'AWS::IAM::User', Properties: {} } };
    for (const key of keys)
      resources[key] = { Type: 'AWS::IAM::AccessKey', Properties: { UserName: { Ref: 'LegacyUser' } } };
    writeFileSync(file, JSON.stringify({ Resources: resources }));
    return file;
  };
  const first = init([write(['LegacyUserKey'])]);
  const catalog = approved(first.output);

  it('records the user by its location, and writes an exception naming that record and the key by where it is', () => {
    expect(first.output).toContain('    target: LegacyUser\n');
    expect(first.output).toContain('      - Credential::aws-access-key at stack:legacy/LegacyUserKey\n');
    expect(first.output).toContain('    match: {name: stack:legacy/LegacyUser}\n');
    expect(check([write(['LegacyUserKey'])], catalog).exitCode).toBe(0);
  });

  it('blocks a second key on the same user', () => {
    const result = check([write(['LegacyUserKey', 'SecondKey'])], catalog);
    expect(result.exitCode).toBe(1);
    expect(blocking(result)).toEqual(['no-long-lived-credentials SecondKey Credential::aws-access-key']);
  });
});

describe('catalog init round trip: a catalog written when the model named another resource as `${Name.Attr}`', () => {
  const inputs = ['test/corpus/aws'];
  const catalog = init(inputs).output;
  // What init wrote then: the same catalog with each other resource's value in the old notation.
  const legacy = rewriteValues(catalog, inOldReferenceNotation);

  it('gives the verdict the catalog init writes now gives', () => {
    expect(catalog).toMatch(/resources: \[.*<[A-Za-z][A-Za-z0-9.]* of [A-Za-z0-9]+>/);
    expect(legacy).not.toMatch(/<[A-Za-z][A-Za-z0-9.]* of [A-Za-z0-9]+>/);
    expectSameVerdict(inputs, catalog, legacy);
  });
});

describe('catalog init round trip: a catalog written when the model named the own account and region as `${AWS::AccountId}`', () => {
  const inputs = ['test/corpus/aws'];
  const catalog = init(inputs).output;
  // What init wrote then: the same catalog with the deployment's own values as CloudFormation's pseudo parameters.
  const legacy = rewriteValues(catalog, inOldDeploymentNotation);

  it('gives the verdict the catalog init writes now gives', () => {
    expect(catalog).toMatch(/resources: \[arn:aws:iam::<own-account>:role\//);
    expect(legacy).toContain('arn:aws:iam::${AWS::AccountId}:role/');
    // Every value in the old notation (the comments init writes beside them are not read).
    expect(legacy.split('\n').filter((line) => !line.trimStart().startsWith('#') && line.includes('<own-'))).toEqual(
      [],
    );
    expectSameVerdict(inputs, catalog, legacy);
  });
});

/** The catalog with each string value rewritten (comments and keys untouched): a catalog as an older init wrote it. */
function rewriteValues(catalog: string, rewrite: (value: string) => string): string {
  const document = parseDocument(catalog);
  visit(document, {
    Scalar(_, node) {
      if (typeof node.value === 'string') node.value = rewrite(node.value);
    },
  });
  return document.toString();
}

/** The old catalog is read without error and gives the new one's findings, message for message, and passes. */
function expectSameVerdict(inputs: string[], catalog: string, legacy: string): void {
  // One path for both, read one after the other: a message that names the catalog (an OIDC issuer it does not list)
  // names the same file.
  const directory = scratch();
  const now = check(inputs, approved(catalog, directory));
  const then = check(inputs, approved(legacy, directory));
  expect(then.errors).toEqual([]);
  expect(then.exitCode).toBe(0);
  expect(then.result?.findings.map((finding) => finding.message)).toEqual(
    now.result?.findings.map((finding) => finding.message),
  );
}
