import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { formatJunit } from '../../src/reporters/junit.js';
import { runRules } from '../../src/engine/evaluate.js';
import { allRules } from '../../src/rules/index.js';
import { exampleCatalog } from '../audit/support.js';
import { emptyModel } from '../../src/model/model.js';
import { identity } from '../support/builders.js';
import { BAD, checkExample, GOOD } from './support.js';

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  isArray: (name) => ['testsuite', 'testcase'].includes(name),
});
type TestCase = {
  classname: string;
  name: string;
  file?: string;
  failure?: { type: string; message: string; '#text': string };
  skipped?: { message: string };
  'system-out'?: string;
};
type Suite = { name: string; tests: string; failures: string; skipped: string; testcase: TestCase[] };

function parse(xml: string): {
  testsuites: { name: string; tests: string; failures: string; skipped: string; testsuite: Suite[] };
} {
  return parser.parse(xml, true);
}

describe('JUnit XML', () => {
  it('has one suite per enabled rule and one case per resource × rule, with consistent counts', () => {
    const { testsuites } = parse(checkExample(BAD, 'junit').output);
    expect(testsuites.name).toBe('entitlement-guard');
    expect(testsuites.testsuite.map((suite) => suite.name)).toEqual(allRules.map((rule) => rule.meta.id));
    // 7 identities, 1 secret, and the policies and keys findings point at, and the catalog exception.
    const resources = testsuites.testsuite[0]!.testcase.map((c) => c.name);
    expect(resources).toContain('AWS::IAM::Role bad-stack/OpsRole');
    expect(resources).toContain('AWS::IAM::AccessKey bad-stack/LegacySftpAccessKey');
    expect(resources).toContain('AWS::SecretsManager::Secret bad-stack/LedgerDbPassword');
    for (const suite of testsuites.testsuite) {
      expect(suite.testcase.map((c) => c.name)).toEqual(resources);
      expect(Number(suite.tests)).toBe(suite.testcase.length);
      expect(Number(suite.failures)).toBe(suite.testcase.filter((c) => c.failure).length);
      expect(Number(suite.skipped)).toBe(suite.testcase.filter((c) => c.skipped !== undefined).length);
    }
    const total = (key: 'tests' | 'failures' | 'skipped') =>
      testsuites.testsuite.reduce((sum, suite) => sum + Number(suite[key]), 0);
    expect(Number(testsuites.tests)).toBe(total('tests'));
    expect(Number(testsuites.failures)).toBe(total('failures'));
  });

  it('fails a case on a blocking finding, skips one whose findings are all waived, passes a clean one', () => {
    const { testsuites } = parse(checkExample(BAD, 'junit').output);
    const suite = (id: string) => testsuites.testsuite.find((s) => s.name === id)!;
    const caseOf = (id: string, resource: string) => suite(id).testcase.find((c) => c.name === resource)!;
    const ciKey = caseOf('no-long-lived-credentials', 'AWS::IAM::AccessKey bad-stack/CiBotAccessKey');
    expect(ciKey.classname).toBe('entitlement-guard.no-long-lived-credentials');
    expect(ciKey.file).toBe(BAD);
    expect(ciKey.failure?.type).toBe('no-long-lived-credentials');
    expect(ciKey.failure?.['#text']).toMatch(/^\[mandatory\] Credential::aws-access-key: .*\nfix: /s);
    expect(caseOf('no-long-lived-credentials', 'AWS::IAM::AccessKey bad-stack/LegacySftpAccessKey').skipped).toEqual({
      message: 'waived by EXC-101',
    });
    expect(caseOf('restrict-trust', 'AWS::IAM::Role bad-stack/OrphanRole')).toEqual({
      classname: 'entitlement-guard.restrict-trust',
      name: 'AWS::IAM::Role bad-stack/OrphanRole',
      file: BAD,
    });
  });

  it('passes advisory findings with their text in system-out, and a clean stack has no failures', () => {
    const { testsuites } = parse(checkExample(GOOD, 'junit').output);
    expect(testsuites.failures).toBe('0');
    const expiry = testsuites.testsuite
      .find((s) => s.name === 'exception-expiry')!
      .testcase.find((c) => c.name.includes('EXC-087'))!;
    expect(expiry.failure).toBeUndefined();
    expect(expiry['system-out']).toMatch(/^\[advisory\] Expires::2026-01-31: Exception EXC-087/);
  });

  it('escapes names and messages so the XML stays well-formed', () => {
    const model = emptyModel();
    model.identities.push(identity('aws-user', 'a<b>&"c\u0001', { credentials: ['aws-access-key'] }));
    const catalog = exampleCatalog();
    const xml = formatJunit(runRules(model, allRules, { catalog, now: new Date('2026-07-01') }), {
      rules: allRules,
      catalog,
      model,
    });
    expect(xml).not.toContain('\u0001');
    const names = parse(xml).testsuites.testsuite[0]!.testcase.map((c) => c.name);
    expect(names).toContain('AWS::IAM::User TestStack/a<b>&"c');
  });
});
