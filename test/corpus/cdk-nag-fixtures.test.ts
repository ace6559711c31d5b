/**
 * A peer's verdicts on the same constructs: cdk-nag's per-rule tests of its IAM and Secrets Manager rules
 * (cdklabs/cdk-nag test/rules/IAM.test.ts and SecretsManager.test.ts, copied verbatim into
 * test/corpus/cdk-nag-fixtures/test/rules), whose rules the AwsSolutions, HIPAA, NIST 800-53 and PCI DSS packs share
 * (AwsSolutions-IAM4 is IAMNoManagedPolicies, IAM5 IAMNoWildcardPermissions, SMG4 SecretsManagerRotationEnabled).
 *
 * The copied files run as written, under stand-ins for Jest's `describe`, `test` and `beforeEach` and for cdk-nag's
 * test utilities (`./utils`, `../../src/rules/*`, which record the stack each case validates and cdk-nag's verdict).
 * `new Stack()` of a case builds its stack in a Stage of its own of one App, with the EntitlementGuard aspect, the
 * cdk-nag pack (EntitlementGuardChecks) and the validation plugin (EntitlementGuardValidation), with no catalog, as a
 * new user would: one synthesis for every case. The CLI then checks each case's synthesized template. Every case has a
 * row below: cdk-nag's verdict, the exact findings of every front-end (they must agree) and, for the rules that judge
 * the constructs themselves, why where the verdict differs from cdk-nag's. Judged in
 * test/corpus/cdk-nag-fixtures/README.md.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  App,
  Aspects,
  Stage,
  Validations,
  type PolicyValidationPluginReport,
} from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EntitlementGuard, EntitlementGuardValidation } from '../../cdk-aspects/index.js';
import { EntitlementGuardChecks } from '../../cdk-aspects/nag.js';
import { main } from '../../src/cli/main.js';
import {
  aspectVerdicts,
  formatVerdict,
  identityOf,
  nagVerdicts,
  pluginVerdicts,
  recording,
  type Verdict,
} from '../support/cdk-verdicts.js';
import { TestType, validations } from './cdk-nag-fixtures/test/rules/utils.js';

/** Where a copied test's `new Stack()` goes: the Stage of the case being built. */
const building = vi.hoisted(() => ({ scope: undefined as unknown }));

vi.mock('aws-cdk-lib/core', async (importOriginal) => {
  const core = await importOriginal<typeof import('aws-cdk-lib/core')>();
  class CaseStack extends core.Stack {
    constructor(scope?: IConstruct, id?: string, props?: import('aws-cdk-lib/core').StackProps) {
      super((scope ?? building.scope) as IConstruct, id, props);
    }
  }
  return { ...core, Stack: CaseStack };
});

const CORPUS = join(import.meta.dirname, 'cdk-nag-fixtures');
const FILES = ['test/rules/IAM.test.ts', 'test/rules/SecretsManager.test.ts'];
const NOW = new Date('2026-12-01T00:00:00Z');

interface CopiedCase {
  file: string;
  /** The copied test's describe title (its rule, before the colon) and test name. */
  rule: string;
  name: string;
  body: () => void;
  beforeEach: (() => void)[];
}

/** Runs a copied test file's top level under stand-ins for Jest's globals, collecting its cases. */
async function collect(file: string): Promise<CopiedCase[]> {
  const cases: CopiedCase[] = [];
  const titles: string[] = [];
  const hooks: (() => void)[] = [];
  const globals = globalThis as Record<string, unknown>;
  globals.describe = (title: string, body: () => void) => {
    titles.push(title);
    body();
    titles.pop();
  };
  globals.beforeEach = (hook: () => void) => hooks.push(hook);
  globals.test = (name: string, body: () => void) => {
    cases.push({ file, rule: titles.at(-1)!.split(':')[0]!, name, body, beforeEach: hooks });
  };
  try {
    await import(join(CORPUS, file));
  } finally {
    delete globals.describe;
    delete globals.beforeEach;
    delete globals.test;
  }
  return cases;
}

/** One case of cdk-nag's tests, cdk-nag's verdict on it and the CLI's findings here (`rule level resource detail`). */
interface Row {
  /** The copied test's rule (its describe title before the colon) and test name. */
  rule: string;
  name: string;
  /** What the case asserts of cdk-nag: its rule reports the case (non-compliant) or not (compliant). */
  cdkNag: 'non-compliant' | 'compliant';
  /** Findings of the rules that judge the constructs themselves (all but require-owner and require-entitlement). */
  here: string[];
  /** Logical ids with require-owner `Owner::missing` (no catalog: nobody owns anything) and require-entitlement `Catalog::default`. */
  unowned: string[];
  unentitled: string[];
  /** Required where cdk-nag's verdict and `here` differ (a non-compliant case with no finding here, or the reverse): why. */
  why?: string;
}

const ROWS: Row[] = [
  {
    rule: 'IAMGroupHasUsers',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: [],
    unowned: ['GroupC77FDACD'],
    unentitled: [],
    why: "a group without users grants nothing to anyone: group hygiene is outside what this product claims",
  },
  {
    rule: 'IAMGroupHasUsers',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: [],
    unowned: ['Group2F7AF80BA', 'Group3D00CFBCE', 'Group43AD4239F', 'GroupC77FDACD', 'User00B015A1', 'User21F1486D1'],
    unentitled: ['User00B015A1', 'User21F1486D1'],
  },
  {
    rule: 'IAMNoInlinePolicy',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: [],
    unowned: ['User00B015A1'],
    unentitled: ['User00B015A1'],
    why: "where a grant is written (inline or managed) is outside the claims; what it grants, s3:PutObject on one bucket's objects, is nothing privileged",
  },
  {
    rule: 'IAMNoInlinePolicy',
    name: 'Noncompliance 2',
    cdkNag: 'non-compliant',
    here: [],
    unowned: ['User00B015A1'],
    unentitled: ['User00B015A1'],
    why: "as Noncompliance 1: an inline s3:PutObject on one bucket's objects, on a role",
  },
  {
    rule: 'IAMNoInlinePolicy',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: [],
    unowned: ['GroupC77FDACD'],
    unentitled: [],
  },
  {
    rule: 'IAMNoManagedPolicies',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory Role1ABCC5F0 Policy::arn:aws:iam::aws:policy/foo'],
    unowned: ['Role1ABCC5F0'],
    unentitled: ['Role1ABCC5F0'],
  },
  {
    rule: 'IAMNoManagedPolicies',
    name: 'Noncompliance 2',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory Role1ABCC5F0 Policy::arn:aws:iam::aws:policy/foo'],
    unowned: ['Role1ABCC5F0'],
    unentitled: ['Role1ABCC5F0'],
  },
  {
    rule: 'IAMNoManagedPolicies',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: ['no-wildcard-privilege mandatory Role1ABCC5F0 Policy::arn:aws:iam::123456789012:policy/describestack', 'no-wildcard-privilege mandatory Role1ABCC5F0 Policy::arn:aws:iam::<own-account>:policy/foo'],
    unowned: ['Role1ABCC5F0', 'Role291939BC6'],
    unentitled: ['Role1ABCC5F0', 'Role291939BC6'],
    why: "customer managed policies the change does not define (foo in its own account, describestack in 123456789012): what they grant cannot be seen, and is said; cdk-nag judges AWS managed ones only",
  },
  {
    rule: 'IAMNoWildcardPermissions',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: [],
    unowned: ['Role1ABCC5F0'],
    unentitled: ['Role1ABCC5F0'],
    why: "s3:PutObject on \"*\" is a data write, not a privileged action (permissions management or one the catalog lists): outside no-wildcard-privilege; with a catalog, require-entitlement holds it to the role's entitlements",
  },
  {
    rule: 'IAMNoWildcardPermissions',
    name: 'Noncompliance 2',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory GroupDefaultPolicy402C318A Action::s3:*'],
    unowned: ['GroupC77FDACD'],
    unentitled: [],
  },
  {
    rule: 'IAMNoWildcardPermissions',
    name: 'Noncompliance 3',
    cdkNag: 'non-compliant',
    here: [],
    unowned: ['Role1ABCC5F0'],
    unentitled: ['Role1ABCC5F0'],
    why: "s3:PutObject on every object of one bucket: no privileged action, and \"/*\" under one bucket is how object ARNs are named",
  },
  {
    rule: 'IAMNoWildcardPermissions',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: [],
    unowned: ['User00B015A1'],
    unentitled: ['User00B015A1'],
  },
  {
    rule: 'IAMPolicyNoStatementsWithAdminAccess',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory ManagedPolicy7BAB786E Action::*'],
    unowned: [],
    unentitled: [],
  },
  {
    rule: 'IAMPolicyNoStatementsWithAdminAccess',
    name: 'Noncompliance 2',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory ManagedPolicy7BAB786E Action::*'],
    unowned: ['GroupC77FDACD'],
    unentitled: [],
  },
  {
    rule: 'IAMPolicyNoStatementsWithAdminAccess',
    name: 'Noncompliance 3',
    cdkNag: 'non-compliant',
    here: ['no-privilege-escalation mandatory Role1ABCC5F0 Path::*', 'no-wildcard-privilege mandatory RoleDefaultPolicy5FFB7DAB Action::*'],
    unowned: ['Role1ABCC5F0'],
    unentitled: ['Role1ABCC5F0'],
  },
  {
    rule: 'IAMPolicyNoStatementsWithAdminAccess',
    name: 'Noncompliance 4',
    cdkNag: 'non-compliant',
    here: ['no-privilege-escalation mandatory Role1ABCC5F0 Path::*', 'no-wildcard-privilege mandatory RoleDefaultPolicy5FFB7DAB Action::*'],
    unowned: ['Role1ABCC5F0'],
    unentitled: ['Role1ABCC5F0'],
  },
  {
    rule: 'IAMPolicyNoStatementsWithAdminAccess',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: ['no-wildcard-privilege mandatory ManagedPolicy7BAB786E Action::glacier:*', 'no-wildcard-privilege mandatory ManagedPolicy7BAB786E Action::s3:*'],
    unowned: [],
    unentitled: [],
    why: "not administrator access, as cdk-nag says, but glacier:* on \"*\" holds vault access-policy and vault-lock writes, and s3:* on the bucket's objects s3:PutObjectAcl (permissions management)",
  },
  {
    rule: 'IAMPolicyNoStatementsWithFullAccess',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory ManagedPolicy7BAB786E Action::*'],
    unowned: [],
    unentitled: [],
  },
  {
    rule: 'IAMPolicyNoStatementsWithFullAccess',
    name: 'Noncompliance 2',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory ManagedPolicy7BAB786E Action::s3:*'],
    unowned: ['GroupC77FDACD'],
    unentitled: [],
  },
  {
    rule: 'IAMPolicyNoStatementsWithFullAccess',
    name: 'Noncompliance 3',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory RoleDefaultPolicy5FFB7DAB Action::*'],
    unowned: ['Role1ABCC5F0'],
    unentitled: ['Role1ABCC5F0'],
  },
  {
    rule: 'IAMPolicyNoStatementsWithFullAccess',
    name: 'Noncompliance 4',
    cdkNag: 'non-compliant',
    here: ['no-wildcard-privilege mandatory RoleDefaultPolicy5FFB7DAB Action::s3:*'],
    unowned: ['Role1ABCC5F0'],
    unentitled: ['Role1ABCC5F0'],
  },
  {
    rule: 'IAMPolicyNoStatementsWithFullAccess',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: [],
    unowned: [],
    unentitled: [],
  },
  {
    rule: 'IAMUserGroupMembership',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: [],
    unowned: ['User00B015A1'],
    unentitled: ['User00B015A1'],
    why: "a user in no group: where its permissions come from is outside the claims (it holds none)",
  },
  {
    rule: 'IAMUserGroupMembership',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: [],
    unowned: ['GroupC77FDACD', 'User00B015A1'],
    unentitled: ['User00B015A1'],
  },
  {
    rule: 'IAMUserNoPolicies',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: [],
    unowned: ['User00B015A1'],
    unentitled: ['User00B015A1'],
    why: "a policy attached to a user rather than a group: outside the claims; what it grants, s3:PutObject on one bucket's objects, is nothing privileged",
  },
  {
    rule: 'IAMUserNoPolicies',
    name: 'Noncompliance 2',
    cdkNag: 'non-compliant',
    here: [],
    unowned: ['User00B015A1'],
    unentitled: ['User00B015A1'],
    why: "AmazonEC2ReadOnlyAccess on a user: read-only, no privilege, and where it is attached is outside the claims",
  },
  {
    rule: 'IAMUserNoPolicies',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: [],
    unowned: ['GroupC77FDACD', 'User00B015A1'],
    unentitled: ['User00B015A1'],
  },
  {
    rule: 'SecretsManagerRotationEnabled',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: ['secret-rotation mandatory rSecret19AD3FE02 Rotation::none'],
    unowned: ['rSecret19AD3FE02'],
    unentitled: [],
  },
  {
    rule: 'SecretsManagerRotationEnabled',
    name: 'Noncompliance 2',
    cdkNag: 'non-compliant',
    here: ['secret-rotation mandatory rSecretDCD09D2D Rotation::unknown'],
    unowned: ['rSecretDCD09D2D'],
    unentitled: [],
  },
  {
    rule: 'SecretsManagerRotationEnabled',
    name: 'Noncompliance 3',
    cdkNag: 'non-compliant',
    here: ['secret-rotation mandatory rSecretDCD09D2D Rotation::none'],
    unowned: ['rSecretDCD09D2D'],
    unentitled: [],
  },
  {
    rule: 'SecretsManagerRotationEnabled',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: [],
    unowned: ['rSecret19AD3FE02', 'rSecret2ADA54955', 'rSecret34478E1F7'],
    unentitled: [],
  },
  {
    rule: 'SecretsManagerUsingKMSKey',
    name: 'Noncompliance 1',
    cdkNag: 'non-compliant',
    here: ['secret-rotation mandatory rSecretDCD09D2D Rotation::none'],
    unowned: ['rSecretDCD09D2D'],
    unentitled: [],
    why: "which key encrypts a secret is outside the claims; the finding is the secret's missing rotation",
  },
  {
    rule: 'SecretsManagerUsingKMSKey',
    name: 'Noncompliance 2',
    cdkNag: 'non-compliant',
    here: ['secret-rotation mandatory rSecret Rotation::none'],
    unowned: ['rSecret'],
    unentitled: [],
    why: "as Noncompliance 1: the AWS managed key is outside the claims; the secret never rotates",
  },
  {
    rule: 'SecretsManagerUsingKMSKey',
    name: 'Compliance',
    cdkNag: 'compliant',
    here: ['secret-rotation mandatory rSecretDCD09D2D Rotation::none'],
    unowned: ['rSecretDCD09D2D'],
    unentitled: [],
    why: "the customer managed key is outside the claims; the secret never rotates",
  },
];

interface Checked {
  copied: CopiedCase;
  /** cdk-nag's rule id as the case validates it (granular where the case names the finding) and its verdict. */
  nagRule: string;
  nagVerdict: 'non-compliant' | 'compliant';
  found: Record<'aspect' | 'nag' | 'plugin' | 'cli', Verdict[]>;
  /** The CLI's findings as `rule level resource detail`, in its order. */
  lines: string[];
  exitCode: number;
}

const checked = new Map<string, Checked>();
const caseId = (copied: CopiedCase) => `${copied.rule}-${copied.name.replace(/\s+/g, '')}`;
let workDir: string;

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), 'eg-cdk-nag-'));
  const outdir = join(workDir, 'cdk.out');
  // As `cdk synth` writes them: with each resource's construct path in its metadata, which the CLI reads.
  const app = new App({
    outdir,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true },
  });
  const built: { copied: CopiedCase; stage: Stage; nag: PolicyValidationPluginReport[]; plugin: PolicyValidationPluginReport[] }[] =
    [];
  for (const file of FILES) {
    for (const copied of await collect(file)) {
      const stage = new Stage(app, caseId(copied));
      building.scope = stage;
      for (const hook of copied.beforeEach) hook();
      copied.body();
      building.scope = undefined;
      const options = { now: NOW };
      const nag: PolicyValidationPluginReport[] = [];
      const plugin: PolicyValidationPluginReport[] = [];
      Aspects.of(stage).add(new EntitlementGuard(options));
      Validations.of(stage).addPlugins(
        recording(new EntitlementGuardValidation(options), plugin),
        recording(new EntitlementGuardChecks(stage, options), nag),
      );
      built.push({ copied, stage, nag, plugin });
    }
  }
  expect(() => app.synth()).toThrow(/\[EntitlementGuard\]/);
  const asked = validations.splice(0);
  for (const { copied, stage, nag, plugin } of built) {
    const validation = asked.find((v) => (v.stack as IConstruct).node.scope === stage)!;
    expect(validation, caseId(copied)).toBeDefined();
    expect(nag).toHaveLength(1);
    expect(plugin).toHaveLength(1);
    const assembly = join(outdir, `assembly-${stage.stageName}`);
    const templates = readdirSync(assembly).filter((name) => name.endsWith('.template.json'));
    expect(templates).toHaveLength(1);
    const result = main(['check', join(assembly, templates[0]!), '--format', 'json', '--now', '2026-12-01']);
    if (!result.result) throw new Error(`check failed (${result.exitCode}): ${result.errors.join('\n')}`);
    const sorted = (lines: Verdict[]) => [...new Set(lines)].sort();
    checked.set(caseId(copied), {
      copied,
      nagRule: validation.ruleId,
      nagVerdict: validation.type === TestType.COMPLIANCE ? 'compliant' : 'non-compliant',
      exitCode: result.exitCode,
      lines: result.result.findings.map((f) => [f.ruleId, f.level, f.resource.name, f.detail ?? '-', ...(f.pending ? ['pending'] : [])].join(' ')),
      found: {
        aspect: sorted(aspectVerdicts(stage)),
        nag: sorted(nagVerdicts(nag[0]!)),
        plugin: sorted(pluginVerdicts(plugin[0]!)),
        cli: sorted(
          result.result.findings.map((finding) =>
            formatVerdict(finding.ruleId, identityOf(finding.waiverTarget, finding.ruleId), finding.waivedBy ? `waived by ${finding.waivedBy}` : finding.level, finding.resource.name),
          ),
        ),
      },
    });
  }
}, 120_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

const rowId = (row: Row) => `${row.rule}-${row.name.replace(/\s+/g, '')}`;

describe('the corpus', () => {
  it("has a row for every case of the copied tests, and every case's validation", () => {
    expect([...checked.keys()].sort()).toEqual(ROWS.map(rowId).sort());
    for (const row of ROWS) {
      const { nagRule, nagVerdict } = checked.get(rowId(row))!;
      expect(nagRule.startsWith(row.rule), rowId(row)).toBe(true);
      expect(nagVerdict, rowId(row)).toBe(row.cdkNag);
    }
  });

  it("says why wherever the verdict here differs from cdk-nag's", () => {
    for (const row of ROWS) {
      const differs = (row.cdkNag === 'non-compliant') !== row.here.length > 0;
      if (differs) expect(row.why?.length ?? 0, rowId(row)).toBeGreaterThan(20);
    }
  });
});

describe.each(ROWS.map((row) => [rowId(row), row] as const))('%s', (id, row) => {
  it('has exactly the findings judged in the README, from the CLI over its synthesized template', () => {
    const { lines, exitCode } = checked.get(id)!;
    expect([...lines].sort()).toEqual(
      [
        ...row.here,
        ...row.unowned.map((name) => `require-owner mandatory ${name} Owner::missing`),
        ...row.unentitled.map((name) => `require-entitlement mandatory ${name} Catalog::default`),
      ].sort(),
    );
    expect(exitCode).toBe(lines.some((line) => line.split(' ')[1] === 'mandatory') ? 1 : 0);
  });

  it('gets the same verdicts (rule, identity, level, resource) from the aspect, the nag pack and the validation plugin', () => {
    const { found, lines } = checked.get(id)!;
    // One verdict per rule and resource (two details of one rule on one resource are one verdict).
    expect(found.cli.map((line) => line.split(' | ')).map(([rule, , , resource]) => `${rule} ${resource}`).sort()).toEqual(
      [...new Set(lines.map((line) => line.split(' ').slice(0, 3).filter((_, i) => i !== 1).join(' ')))].sort(),
    );
    expect(found.aspect).toEqual(found.cli);
    expect(found.nag).toEqual(found.cli);
    // The validation plugin reports what blocks.
    expect(found.plugin).toEqual(found.cli.filter((line) => line.includes(' | mandatory | ')));
  });
});
