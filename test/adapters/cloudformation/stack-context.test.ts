import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayHoldIntrinsicValue } from '../../../src/adapters/cloudformation/stack-context.js';

/** What the model builder asked of a policy document's JSON text before it stopped writing the text. */
function byJsonText(value: unknown): boolean {
  const json = JSON.stringify(value);
  return json !== undefined && (json.includes('{"Ref":') || json.includes('{"Fn::'));
}

describe('mayHoldIntrinsicValue', () => {
  it('finds an intrinsic as the first key of any object, not elsewhere', () => {
    expect(mayHoldIntrinsicValue({ Statement: [{ Resource: { 'Fn::GetAtt': ['Table', 'Arn'] } }] })).toBe(true);
    expect(mayHoldIntrinsicValue({ Statement: [{ Resource: { Ref: 'Table' } }] })).toBe(true);
    expect(mayHoldIntrinsicValue({ Statement: [{ Effect: 'Allow', Ref: 'x' }] })).toBe(false);
    expect(mayHoldIntrinsicValue({ Statement: [{ Resource: '{"Ref": "x"}' }] })).toBe(false);
    // JSON.stringify leaves out an undefined value, so the next key is the first written.
    expect(mayHoldIntrinsicValue({ a: { skipped: undefined, Ref: 'x' } })).toBe(true);
    expect(mayHoldIntrinsicValue(undefined)).toBe(false);
  });

  it('property: the same answer as the JSON text gives, for any value', () => {
    const key = fc.oneof(fc.constantFrom('Ref', 'Fn::Join', 'Fn::', 'Fn:', 'ref', 'Effect', '{"Ref":'), fc.string());
    const leaf = fc.oneof(
      fc.string(),
      fc.constantFrom('{"Ref":', '{"Fn::x":', undefined),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 4 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    }));
    fc.assert(
      fc.property(value, (generated) => {
        expect(mayHoldIntrinsicValue(generated)).toBe(byJsonText(generated));
      }),
      { numRuns: 20_000, seed: 23_5 },
    );
  });

  it('judges an object with toJSON by what it writes', () => {
    const written = { toJSON: () => ({ Ref: 'x' }) };
    expect(mayHoldIntrinsicValue({ Resource: written })).toBe(true);
    expect(mayHoldIntrinsicValue({ Resource: new Date(0) })).toBe(false);
  });
});
