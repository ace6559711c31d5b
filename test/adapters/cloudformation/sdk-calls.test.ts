/**
 * The AWS SDK calls of a CDK AwsCustomResource read from its properties (adapters/cloudformation/sdk-calls.ts): a JSON
 * string, the CDK's Fn::Join of its text around tokens, an object; what cannot be read is said.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sdkCallsOf } from '../../../src/adapters/cloudformation/sdk-calls.js';

describe('sdkCallsOf', () => {
  const call = { service: 'IAM', action: 'createAccessKey', parameters: { UserName: 'legacy' } };

  it('reads a call written as a JSON string, for Create and Update', () => {
    expect(
      sdkCallsOf({ ServiceToken: 'arn', Create: JSON.stringify(call), Update: JSON.stringify(call), Delete: '{}' }),
    ).toEqual([
      { phase: 'Create', service: 'IAM', action: 'createAccessKey', parameters: { UserName: 'legacy' } },
      { phase: 'Update', service: 'IAM', action: 'createAccessKey', parameters: { UserName: 'legacy' } },
    ]);
  });

  it('reads a call the CDK joins around tokens, inside strings and outside them', () => {
    const create = {
      'Fn::Join': [
        '',
        [
          '{"service":"@aws-sdk/client-iam","action":"AttachRolePolicyCommand","parameters":{"RoleName":"',
          { Ref: 'Worker11F36D0F' },
          '","MaxItems":',
          { Ref: 'Count' },
          ',"PolicyArn":"arn:aws:iam::aws:policy/AdministratorAccess"}}',
        ],
      ],
    };
    // Each parameter keeps its tokens where they stand; a token outside a string is null to JSON.
    expect(sdkCallsOf({ Create: create, InstallLatestAwsSdk: true })).toEqual([
      {
        phase: 'Create',
        service: '@aws-sdk/client-iam',
        action: 'AttachRolePolicyCommand',
        parameters: {
          RoleName: { 'Fn::Join': ['', [{ Ref: 'Worker11F36D0F' }]] },
          MaxItems: null,
          PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
        },
      },
    ]);
  });

  it('puts the tokens of a parameter back in their places, as CloudFormation joins them', () => {
    const create = {
      'Fn::Join': [
        '',
        [
          '{"service":"CloudWatchLogs","action":"putResourcePolicy","parameters":{"policyName":"events","policyDocument":"{\\"Statement\\":[{\\"Resource\\":\\"arn:aws:logs:',
          { Ref: 'AWS::Region' },
          ':',
          { Ref: 'AWS::AccountId' },
          ':log-group:/aws/events/*:*\\"}]}"}}',
        ],
      ],
    };
    expect(sdkCallsOf({ Create: create })).toEqual([
      {
        phase: 'Create',
        service: 'CloudWatchLogs',
        action: 'putResourcePolicy',
        parameters: {
          policyName: 'events',
          policyDocument: {
            'Fn::Join': [
              '',
              [
                '{"Statement":[{"Resource":"arn:aws:logs:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':log-group:/aws/events/*:*"}]}',
              ],
            ],
          },
        },
      },
    ]);
  });

  it('reads a call written as an object (older CDK versions)', () => {
    expect(sdkCallsOf({ Update: call })).toEqual([
      { phase: 'Update', service: 'IAM', action: 'createAccessKey', parameters: { UserName: 'legacy' } },
    ]);
  });

  it('says when an AwsCustomResource call cannot be read, and leaves other custom resources alone', () => {
    const tokenService = { 'Fn::Join': ['', ['{"service":"', { Ref: 'Service' }, '","action":"createUser"}']] };
    expect(
      sdkCallsOf({
        InstallLatestAwsSdk: true,
        Create: { 'Fn::Sub': '${Call}' },
        Update: tokenService,
      }),
    ).toEqual([
      { phase: 'Create', unreadable: 'it is not JSON the check can read' },
      { phase: 'Update', unreadable: 'its service or action is known only at deployment' },
    ]);
    expect(sdkCallsOf({ InstallLatestAwsSdk: true, Create: '{"parameters":{}}' })).toEqual([
      { phase: 'Create', unreadable: 'it names no service and action' },
    ]);
    // Another custom resource's `Create` property means something else.
    expect(sdkCallsOf({ ServiceToken: 'arn', Create: 'yes' })).toEqual([]);
    expect(sdkCallsOf({ ServiceToken: 'arn', Create: { 'Fn::Sub': '${X}' } })).toEqual([]);
  });

  it('reads the same call from its JSON text cut into Fn::Join parts anywhere', () => {
    // Any text but a NUL, which marks a token (no template writes one).
    const text = fc.string({ unit: 'binary', maxLength: 12 }).filter((value) => !value.includes('\u0000'));
    fc.assert(
      fc.property(
        fc.record({ service: text, action: text, parameters: fc.dictionary(text, text, { maxKeys: 3 }) }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (written, cuts) => {
          const json = JSON.stringify(written);
          const points = [...new Set(cuts.map((cut) => cut % (json.length + 1)))].sort((a, b) => a - b);
          const parts = [0, ...points].map((start, index) => json.slice(start, points[index] ?? json.length));
          expect(sdkCallsOf({ Create: { 'Fn::Join': ['', parts] } })).toEqual([
            { phase: 'Create', service: written.service, action: written.action, parameters: written.parameters },
          ]);
        },
      ),
    );
  });
});
