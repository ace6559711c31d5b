/**
 * Waivers bound to the identity a finding is about, and catalog match / exception target by Pulumi URN and name,
 * through the policy pack over the analyzer gRPC protocol and through the CLI on the same program as a stack export
 * (issue 24 item 1, issue 18 item 5). A URN works as match and
 * as target; a bare Pulumi resource name works as match (it claims catalog facts, as tags can) and is refused as
 * target (README, "What an exception's target binds to"); the name qualified by project and stack
 * (`pulumi:<project>/<stack>/<name>`) works as match and as target where no other identity or secret of the stack
 * carries it; an access key named after a target is not waived.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { parseCatalog } from '../../catalog/index.js';
import { effectiveLevel } from '../../src/engine/evaluate.js';
import { allRules } from '../../src/rules/index.js';
import { runCheck } from '../../src/cli/check.js';
import {
  analyzerClient,
  captureProgram,
  startEngine,
  startPack,
  type AnalyzerClient,
  type CapturedResource,
  type Diagnostic,
  type RunningPack,
} from './support/analyzer-client.mjs';
import { stackExport } from './support/stack-export.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const PACK_DIR = path('../../policypack');
const CATALOG = path('../../examples/catalog.yaml');
const PROGRAM = path('./programs/waiver-binding.ts');
const RULE = 'no-long-lived-credentials';

let engine: Awaited<ReturnType<typeof startEngine>>;
let pack: RunningPack;
let client: AnalyzerClient;
let resources: CapturedResource[];

beforeAll(async () => {
  if (!existsSync(path('../../dist/bundle/policypack.js')))
    throw new Error('the policy pack is not built: run `npm run build` first');
  engine = await startEngine();
  [pack, resources] = await Promise.all([startPack(PACK_DIR, engine.address), captureProgram(PROGRAM, 'update')]);
  client = analyzerClient(pack.port);
}, 120_000);

afterAll(async () => {
  client?.close();
  await pack?.stop();
  await engine?.close();
});

const urnOf = (name: string) => resources.find((resource) => resource.name === name)!.urn;
const exception = (id: string, target: string) => ({
  id,
  rule: RULE,
  target,
  reason: 'vendor cannot federate',
  owner: 'team-data',
  approvedBy: 'security-lead@example.com',
  approved: '2026-11-01',
  expires: '2027-10-31',
});

/** The example catalog with these identities and exceptions added, sent inline as every policy's config. */
async function configure(identities: object[], exceptions: object[]): Promise<void> {
  const document = parse(readFileSync(CATALOG, 'utf8')) as { identities: object[]; exceptions: object[] };
  document.identities.push(...identities);
  document.exceptions.push(...exceptions);
  const catalog = parseCatalog(JSON.stringify(document), 'inline');
  await client.configure(
    Object.fromEntries(
      allRules.map((rule) => [
        rule.meta.id,
        { enforcementLevel: effectiveLevel(rule, catalog), properties: { catalog: document } },
      ]),
    ),
  );
}

/** What a preview reports: the stack policies' diagnostics and each resource's own (a key whose user is known is decided alone). */
async function analyzeAll(): Promise<Diagnostic[]> {
  return [
    ...(await client.analyzeStack(resources)),
    ...(await Promise.all(resources.map((resource) => client.analyze(resource)))).flat(),
  ];
}

/** `policy level resource` of each diagnostic on an access key or a user, sorted. */
function onUsersAndKeys(diagnostics: Diagnostic[]): string[] {
  return diagnostics
    .filter(
      (d) => (d.policyName === RULE || d.policyName === 'require-owner') && /::aws:iam\/(user|accessKey)/.test(d.urn),
    )
    .map((d) => `${d.policyName} ${d.enforcementLevel} ${d.urn.split('::').pop()}`)
    .sort();
}

describe('the pack binds waivers to the identity a finding is about', () => {
  it('the spoofing key blocks, in Analyze, and its hint names its user; a Pulumi name works as match and is refused as target', async () => {
    await configure(
      [{ id: 'vendor-record', match: { name: 'vendor' }, owner: 'team-data', class: 'service', entitlements: [] }],
      [exception('EXC-NAME', 'vendor'), exception('EXC-RECORD', 'vendor-record'), exception('EXC-KEY', 'vendor-key')],
    );
    const diagnostics = await analyzeAll();
    // No require-owner on vendor: its record matched by the bare Pulumi name names its owner (as a tag could).
    expect(onUsersAndKeys(diagnostics)).toEqual([
      `${RULE} mandatory legacy-sftp-sync`,
      `${RULE} mandatory partner-key`,
      `${RULE} mandatory vendor-key`,
      'require-owner mandatory partner',
    ]);
    const message = (name: string) => diagnostics.find((d) => d.policyName === RULE && d.urn === urnOf(name))!.message;
    expect(message('legacy-sftp-sync')).toContain(`request a catalog exception for rule ${RULE}, target ci-bot.`);
    expect(message('vendor-key')).toContain(`request a catalog exception for rule ${RULE}, target vendor-4f1c2a9.`);
  });

  it("a URN works as match (its record's id binds) and as target, in the stack policy; the hint's target waives what it was printed for", async () => {
    await configure(
      [
        {
          id: 'partner-record',
          match: { name: 'urn:pulumi:*::*::aws:iam/user:User::partner' },
          owner: 'team-data',
          class: 'service',
          entitlements: [],
        },
      ],
      [
        { ...exception('EXC-URN', urnOf('vendor')), rule: 'require-owner' },
        { ...exception('EXC-URN-RECORD', 'partner-record'), rule: 'require-entitlement' },
        exception('EXC-HINT', 'ci-bot'),
        exception('EXC-PHYSICAL', 'vendor-4f1c2a9'),
      ],
    );
    const diagnostics = await analyzeAll();
    const verdicts = [
      ...new Set(
        diagnostics
          .filter((d) => /::aws:iam\/(user|accessKey)/.test(d.urn) && d.policyName !== 'exception-expiry')
          .map((d) =>
            `${d.policyName} ${d.enforcementLevel} ${d.urn.split('::').pop()} ${/Waived by catalog exception (\S+)\./.exec(d.message)?.[1] ?? ''}`.trim(),
          ),
      ),
    ].sort();
    expect(verdicts).toEqual([
      `${RULE} advisory legacy-sftp-sync EXC-HINT`,
      `${RULE} advisory vendor-key EXC-PHYSICAL`,
      // The partner record (matched by URN) has no entitlement for keys: its key is not waived by a require-entitlement exception.
      `${RULE} mandatory partner-key`,
      'require-entitlement advisory partner EXC-URN-RECORD',
      // ci-bot and vendor declare no entitlements, and no exception names them for this rule.
      'require-entitlement mandatory ci-bot',
      'require-entitlement mandatory vendor',
      'require-owner advisory vendor EXC-URN',
    ]);
  });
});

describe('the CLI on the same program as a `pulumi stack export`: URN and Pulumi name as match and as target', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eg-pulumi-waivers-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** The captured resources as `pulumi stack export` writes them after `pulumi up` (deployment v3). */
  const writeExport = (): string => {
    const file = join(dir, 'stack.json');
    writeFileSync(file, JSON.stringify(stackExport(resources)));
    return file;
  };

  const check = (identities: object[], exceptions: object[]) => {
    const document = parse(readFileSync(CATALOG, 'utf8')) as { identities: object[]; exceptions: object[] };
    document.identities.push(...identities);
    document.exceptions.push(...exceptions);
    const catalogPath = join(dir, `catalog-${exceptions.length}-${identities.length}.yaml`);
    writeFileSync(catalogPath, stringify(document));
    const result = runCheck({
      paths: [writeExport()],
      catalogPath,
      format: 'json',
      now: new Date('2026-11-01T00:00:00Z'),
      cwd: dir,
      toolVersion: 'test',
    });
    const verdicts = result
      .result!.findings.filter((finding) => finding.ruleId === RULE || finding.ruleId === 'require-owner')
      .map(
        (finding) => `${finding.ruleId} ${finding.level} ${finding.resource.name} ${finding.waivedBy ?? 'blocking'}`,
      );
    return { exitCode: result.exitCode, verdicts: [...new Set(verdicts)].sort() };
  };

  it('a URN works as match and as target; a bare Pulumi name works as match and is refused as target', () => {
    const vendorUrn = urnOf('vendor');
    expect(
      check(
        [
          { id: 'vendor-record', match: { name: 'vendor' }, owner: 'team-data', class: 'service', entitlements: [] },
          {
            id: 'partner-record',
            match: { name: 'urn:pulumi:*::*::aws:iam/user:User::partner' },
            owner: 'team-data',
            class: 'service',
            entitlements: [],
          },
        ],
        [
          exception('EXC-NAME', 'vendor'),
          exception('EXC-URN', vendorUrn),
          exception('EXC-RECORD', 'partner-record'),
          exception('EXC-SPOOF', 'legacy-sftp-sync'),
        ],
      ),
    ).toEqual({
      exitCode: 1,
      verdicts: [
        // Its URN waives the vendor's key; its bare name (EXC-NAME) would not.
        `${RULE} mandatory legacy-sftp-sync blocking`,
        `${RULE} mandatory partner-key EXC-RECORD`,
        `${RULE} mandatory vendor-key EXC-URN`,
      ],
    });
    expect(check([], [exception('EXC-NAME', 'vendor')]).verdicts).toContain(`${RULE} mandatory vendor-key blocking`);
  });
});

describe('a Pulumi name qualified by project and stack works as match and as target', () => {
  const QUALIFIED = path('./programs/qualified-names.ts');
  let preview: CapturedResource[];
  let updated: CapturedResource[];
  beforeAll(async () => {
    [preview, updated] = await Promise.all([captureProgram(QUALIFIED, 'preview'), captureProgram(QUALIFIED, 'update')]);
  }, 120_000);

  const records = [
    {
      id: 'reporter-record',
      match: { name: 'pulumi:payments/dev/reporter' },
      owner: 'team-data',
      class: 'service',
      entitlements: [],
    },
  ];
  const exceptions = [
    { ...exception('EXC-QUALIFIED', 'pulumi:payments/dev/deployer'), rule: 'require-entitlement' },
    { ...exception('EXC-BARE', 'deployer'), rule: 'require-owner' },
    { ...exception('EXC-OTHER-STACK', 'pulumi:payments/prod/deployer'), rule: 'require-owner' },
    { ...exception('EXC-RECORD', 'reporter-record'), rule: 'require-entitlement' },
    { ...exception('EXC-SHARED', 'pulumi:payments/dev/shared'), rule: 'require-owner' },
  ];
  /**
   * `rule name verdict` for require-owner and require-entitlement on the program's roles and user, sorted: the verdict
   * is the waiving exception, else the level (the pack reports a waived finding as advisory, the CLI keeps its level).
   */
  const verdictsOf = (items: { rule: string; level: string; name: string; waiver?: string }[]) =>
    [...new Set(items.map(({ rule, level, name, waiver }) => `${rule} ${name} ${waiver ?? level}`))]
      .filter((line) => /^require-(owner|entitlement) /.test(line))
      .sort();
  const expected = [
    // deployer: its qualified name waives; its bare name and its name in another stack do not.
    'require-entitlement deployer EXC-QUALIFIED',
    // reporter: owned through the record its qualified name matches; the record's id binds.
    'require-entitlement reporter EXC-RECORD',
    // A role and a user both named `shared`: the qualified name binds neither.
    'require-entitlement shared mandatory',
    'require-owner deployer mandatory',
    'require-owner shared mandatory',
  ];

  it('in the pack over the analyzer protocol, in preview (before any ARN exists)', async () => {
    await configure(records, exceptions);
    const diagnostics = await client.analyzeStack(preview);
    const items = diagnostics
      .filter((d) => /::aws:iam\/(role|user)/.test(d.urn))
      .map((d) => ({
        rule: d.policyName,
        level: d.enforcementLevel,
        name: d.urn.split('::').pop()!,
        waiver: /Waived by catalog exception (\S+)\./.exec(d.message)?.[1],
      }));
    expect(verdictsOf(items)).toEqual(expected);
    // The hint names the qualified name where it binds, the URN where it does not.
    const hint = (name: string, type: string) =>
      diagnostics.find((d) => d.policyName === 'require-owner' && d.urn.endsWith(`::${type}::${name}`))!.message;
    expect(hint('deployer', 'aws:iam/role:Role')).toContain('target pulumi:payments/dev/deployer.');
    expect(hint('shared', 'aws:iam/user:User')).toContain(
      'target urn:pulumi:dev::payments::aws:iam/user:User::shared.',
    );
  });

  it('in the CLI on a stack export', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-pulumi-qualified-'));
    try {
      const exportFile = join(dir, 'stack.json');
      writeFileSync(exportFile, JSON.stringify(stackExport(updated)));
      const document = parse(readFileSync(CATALOG, 'utf8')) as { identities: object[]; exceptions: object[] };
      document.identities.push(...records);
      document.exceptions.push(...exceptions);
      const catalogPath = join(dir, 'catalog.yaml');
      writeFileSync(catalogPath, stringify(document));
      const result = runCheck({
        paths: [exportFile],
        catalogPath,
        format: 'json',
        now: new Date('2026-11-01T00:00:00Z'),
        cwd: dir,
        toolVersion: 'test',
      });
      expect(result.exitCode).toBe(1);
      expect(
        verdictsOf(
          result.result!.findings.map((finding) => ({
            rule: finding.ruleId,
            level: finding.level,
            name: finding.resource.name,
            waiver: finding.waivedBy,
          })),
        ),
      ).toEqual(expected);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
