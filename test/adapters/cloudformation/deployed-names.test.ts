/**
 * A physical name written with an intrinsic is read where every deployment gives the same one: parameters the check
 * was given (`--parameters`, here `TemplateInput.parameters`) or a parameter with one allowed value. A parameter the
 * deployment may still set, or a value only deploy time knows, leaves the resource named by its logical id.
 */
import { describe, expect, it } from 'vitest';
import { modelFromTemplates } from '../../../src/adapters/cloudformation/to-model.js';
import type { CfnTemplate } from '../../../src/adapters/cloudformation/template.js';

const TRUST = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const role = (RoleName: unknown) => ({
  Type: 'AWS::IAM::Role',
  Properties: { RoleName, AssumeRolePolicyDocument: TRUST },
});

const TEMPLATE: CfnTemplate = {
  Parameters: {
    Given: { Type: 'String', Default: 'default-name' },
    Chosen: { Type: 'String', Default: 'default-name' },
    Only: { Type: 'String', Default: 'only-name', AllowedValues: ['only-name'] },
    Env: { Type: 'String', Default: 'dev' },
  },
  Resources: {
    Literal: role('literal-name'),
    ByGiven: role({ Ref: 'Given' }),
    ByChosen: role({ Ref: 'Chosen' }),
    ByOnly: role({ Ref: 'Only' }),
    SubGiven: role({ 'Fn::Sub': 'payments-${Given}' }),
    SubChosen: role({ 'Fn::Sub': 'payments-${Env}' }),
    SubRegion: role({ 'Fn::Sub': 'payments-${AWS::Region}' }),
    FromOther: role({ 'Fn::Sub': '${Generated}-copy' }),
    Generated: role(undefined),
    Secret: { Type: 'AWS::SecretsManager::Secret', Properties: { Name: { 'Fn::Sub': '${Given}/db' } } },
  },
};

function names(parameters?: Record<string, unknown>): Record<string, [string, boolean]> {
  const model = modelFromTemplates([{ stack: 'App', template: TEMPLATE, ...(parameters ? { parameters } : {}) }]);
  return Object.fromEntries(
    [...model.identities, ...model.secrets].map((subject) => [
      subject.resource.name,
      [subject.name, subject.uniqueName === true],
    ]),
  );
}

describe('physical names a deployment fixes', () => {
  it('reads literal names and a parameter with one allowed value; the rest are their logical ids', () => {
    expect(names()).toEqual({
      Literal: ['literal-name', true],
      ByGiven: ['ByGiven', false],
      ByChosen: ['ByChosen', false],
      ByOnly: ['only-name', true],
      SubGiven: ['SubGiven', false],
      SubChosen: ['SubChosen', false],
      SubRegion: ['SubRegion', false],
      // The name CloudFormation generates for another resource is known only at deploy time.
      FromOther: ['FromOther', false],
      Generated: ['Generated', false],
      Secret: ['Secret', false],
    });
  });

  it("reads the names the deployment's given values write, and no others", () => {
    expect(names({ Given: 'payments-api-runtime' })).toMatchObject({
      ByGiven: ['payments-api-runtime', true],
      ByChosen: ['ByChosen', false],
      SubGiven: ['payments-payments-api-runtime', true],
      SubChosen: ['SubChosen', false],
      SubRegion: ['SubRegion', false],
      Secret: ['payments-api-runtime/db', true],
    });
  });

  it("keeps the name a parameter's default gives, with what sets it, apart from the name (Identity.defaultName)", () => {
    const model = modelFromTemplates([{ stack: 'App', template: TEMPLATE }]);
    const atDefault = Object.fromEntries(
      model.identities.flatMap((identity) =>
        identity.defaultName ? [[identity.resource.name, identity.defaultName]] : [],
      ),
    );
    const setBy = (name: string) =>
      `Ref ${name} (a parameter the deployment may set to a value other than its default)`;
    expect(atDefault).toEqual({
      ByGiven: { name: 'default-name', setBy: setBy('Given') },
      ByChosen: { name: 'default-name', setBy: setBy('Chosen') },
      SubGiven: {
        name: 'payments-default-name',
        setBy: 'a value built from Ref Given (a parameter the deployment may set)',
      },
      SubChosen: { name: 'payments-dev', setBy: 'a value built from Ref Env (a parameter the deployment may set)' },
    });
    // Given a value, the parameter names the role for every deployment: no default to keep apart.
    const given = modelFromTemplates([{ stack: 'App', template: TEMPLATE, parameters: { Given: 'api' } }]);
    expect(given.identities.find((identity) => identity.resource.name === 'ByGiven')?.defaultName).toBeUndefined();
  });
});
