import type { ScalarTag, CollectionTag } from 'yaml';

/**
 * CloudFormation's YAML short forms (`!Ref X`, `!GetAtt A.B`, `!Sub [...]`, …) rewritten to the long JSON form
 * (`{ Ref: X }`, `{ "Fn::GetAtt": [A, B] }`), so the rest of the adapter sees one syntax.
 */
const FUNCTIONS = [
  'Base64',
  'Cidr',
  'FindInMap',
  'GetAZs',
  'GetAtt',
  'If',
  'ImportValue',
  'Join',
  'Length',
  'Select',
  'Split',
  'Sub',
  'ToJsonString',
  'Transform',
  'And',
  'Equals',
  'Not',
  'Or',
  // Rule functions, written in a template's Rules section.
  'Contains',
  'EachMemberEquals',
  'EachMemberIn',
  'RefAll',
  'ValueOf',
  'ValueOfAll',
];

function longName(name: string): string {
  return `Fn::${name}`;
}

function scalarValue(name: string, text: string): unknown {
  // `!GetAtt Resource.Attribute.Part` splits at the first dot only; attribute names may contain dots.
  if (name === 'GetAtt') {
    const dot = text.indexOf('.');
    return dot < 0 ? [text] : [text.slice(0, dot), text.slice(dot + 1)];
  }
  return text;
}

function tagsFor(tag: string, key: string, name: string): (ScalarTag | CollectionTag)[] {
  return [
    { tag, resolve: (text: string) => ({ [key]: scalarValue(name, text) }) },
    { tag, collection: 'seq', resolve: (seq) => ({ [key]: seq.toJSON() as unknown }) },
    { tag, collection: 'map', resolve: (map) => ({ [key]: map.toJSON() as unknown }) },
  ];
}

export const cloudFormationTags: (ScalarTag | CollectionTag)[] = [
  ...tagsFor('!Ref', 'Ref', 'Ref'),
  ...tagsFor('!Condition', 'Condition', 'Condition'),
  ...FUNCTIONS.flatMap((name) => tagsFor(`!${name}`, longName(name), name)),
];
