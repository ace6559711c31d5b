/**
 * The SARIF report validates against the official SARIF 2.1.0 JSON schema (fixture: oasis-tcs/sarif-spec,
 * sarif-2.1/schema/sarif-schema-2.1.0.json). The schema is draft-04; Ajv 8 reads it as draft-07 once its draft-04
 * `id` and `$schema` are set aside (it uses no other draft-04-only keyword). ajv-formats is not installed, so the
 * schema's `uri` and `date-time` formats are checked by the small validators below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { BAD, checkExample, GOOD } from './support.js';

function sarifValidator() {
  const {
    $schema: _draft04,
    id: _id,
    ...schema
  } = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/sarif-schema-2.1.0.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
  ajv.addFormat('date-time', (value: string) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value),
  );
  return ajv.compile(schema);
}

describe('SARIF 2.1.0', () => {
  const validate = sarifValidator();

  it.each([BAD, GOOD, 'examples/terraform/bad.tfplan.json'])('%s validates against the official schema', (template) => {
    const log = JSON.parse(checkExample(template, 'sarif').output);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('the validator rejects what the schema forbids', () => {
    const log = JSON.parse(checkExample(GOOD, 'sarif').output);
    expect(validate({ ...log, version: '2.0.0' })).toBe(false);
    const index = log.runs[0].results.push({ ruleId: 'x', level: 'fatal', message: { text: 'x' } }) - 1;
    expect(validate(log)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe(`/runs/0/results/${index}/level`);
  });

  it('carries rule metadata, help, framework tags and security severity', () => {
    const log = JSON.parse(checkExample(BAD, 'sarif').output);
    const rule = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'no-long-lived-credentials');
    expect(rule.shortDescription.text).toBeTruthy();
    expect(rule.help.text).toBeTruthy();
    expect(rule.help.markdown).toContain('**Fix.**');
    expect(rule.helpUri).toBeUndefined();
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['security', 'OWASP-NHI7:2025']));
    expect(rule.properties['security-severity']).toBe('8.0');
    const advisory = log.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'exception-expiry');
    expect(advisory.properties['security-severity']).toBe('5.0');
  });

  it('points at the template file and the logical id, with fingerprints stable across runs', () => {
    const first = JSON.parse(checkExample(BAD, 'sarif').output).runs[0].results;
    const second = JSON.parse(checkExample(BAD, 'sarif').output).runs[0].results;
    const key = first.find((r: { message: { text: string } }) => r.message.text.includes('ci-bot'));
    expect(key.locations[0].physicalLocation.artifactLocation.uri).toBe(BAD);
    expect(key.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1);
    expect(key.locations[0].logicalLocations[0]).toMatchObject({
      name: 'CiBotAccessKey',
      fullyQualifiedName: 'bad-stack/CiBotAccessKey',
    });
    expect(first.map((r: { partialFingerprints: unknown }) => r.partialFingerprints)).toEqual(
      second.map((r: { partialFingerprints: unknown }) => r.partialFingerprints),
    );
    expect(
      new Set(
        first.map(
          (r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['entitlementGuardFinding/v1'],
        ),
      ).size,
    ).toBe(first.length);
  });
});
