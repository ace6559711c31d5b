/** The JSON Schema is what editors complete and check against: it must be valid, agree with the loader, and explain itself. */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../catalog/index.js';
import schema from '../../catalog/entitlement-catalog.schema.json' with { type: 'json' };
import { EDITOR_KEYWORDS, schemaValidatorSource } from '../../catalog/schema-compile.js';
import { RBAC_ROUTES } from '../../src/iam/kubernetes/rbac.js';
import { IDENTITY_CLASSES } from '../../src/model/model.js';

type SchemaNode = {
  [key: string]: unknown;
  properties?: Record<string, SchemaNode>;
  $ref?: string;
  description?: string;
};

function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  for (const keyword of EDITOR_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'string' });
  return ajv;
}

describe('entitlement-catalog.schema.json', () => {
  it('is a valid draft-07 JSON Schema that compiles in strict mode', () => {
    const ajv = strictAjv();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(ajv.validateSchema(schema), JSON.stringify(ajv.errors)).toBe(true);
    expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('is the schema the loader validates with (the standalone validator the build compiles is up to date)', () => {
    expect(readFileSync('catalog/schema-validator.cjs', 'utf8')).toBe(schemaValidatorSource());
  });

  it('accepts the example catalog, the CDK benchmark catalog and the JSON fixture as they are written', () => {
    const validate = strictAjv().compile(schema);
    const yamlCatalogs = ['examples/catalog.yaml', 'bench/support/catalog.yaml'].map((file) =>
      parse(readFileSync(file, 'utf8')),
    );
    for (const data of [...yamlCatalogs, JSON.parse(readFileSync('test/catalog/fixtures/minimal.json', 'utf8'))]) {
      expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('rejects unknown keys at every level', () => {
    const validate = strictAjv().compile(schema);
    expect(validate({ apiVersion: 'entitlement-guard/v1', extra: 1 })).toBe(false);
    expect(validate({ apiVersion: 'entitlement-guard/v1', owners: [{ id: 'a', team: 'b' }] })).toBe(false);
    expect(validate({ apiVersion: 'entitlement-guard/v1', classes: { agent: { ttl: '1h' } } })).toBe(false);
    expect(
      validate({
        apiVersion: 'entitlement-guard/v1',
        trust: { accounts: { '111122223333': { owner: 'a', name: 'x' } } },
      }),
    ).toBe(false);
  });

  it('lists the same rule ids as RULE_IDS, for exceptions and for rule levels', () => {
    expect(schema.definitions.ruleId.enum).toEqual([...RULE_IDS]);
    expect(Object.keys(schema.properties.rules.properties)).toEqual([...RULE_IDS]);
  });

  it("lists no-wildcard-privilege's Kubernetes route ids as the routes an entitlement may accept", () => {
    const accepted = schema.properties.entitlements.items.properties.kubernetes.properties.acceptedRoutes.items.enum;
    // roleRoutes names `wildcard` when a rule is every verb on every resource, and each RBAC_ROUTES entry otherwise.
    expect([...accepted].sort()).toEqual(['wildcard', ...RBAC_ROUTES.map((route) => route.id)].sort());
  });

  it('lists the identity classes of the model', () => {
    expect(schema.definitions.identityClass.enum).toEqual([...IDENTITY_CLASSES]);
    expect(Object.keys(schema.properties.classes.properties)).toEqual([...IDENTITY_CLASSES]);
  });

  it('describes every property, so editors can explain what they complete', () => {
    const definitions = schema.definitions as Record<string, SchemaNode>;
    const undescribed: string[] = [];
    const visit = (node: SchemaNode, path: string): void => {
      for (const [name, property] of Object.entries(node.properties ?? {})) {
        const target = property.$ref ? definitions[property.$ref.replace('#/definitions/', '')] : undefined;
        if (!property.description && !target?.description) undescribed.push(`${path}.${name}`);
        visit(property, `${path}.${name}`);
        if (property.items) visit(property.items as SchemaNode, `${path}.${name}[]`);
        if (typeof property.additionalProperties === 'object')
          visit(property.additionalProperties as SchemaNode, `${path}.${name}.*`);
      }
    };
    visit(schema as unknown as SchemaNode, '');
    for (const [name, definition] of Object.entries(definitions)) visit(definition, `#${name}`);
    expect(undescribed).toEqual([]);
  });
});
