/**
 * aws-native's names of CloudFormation's types and properties (src/adapters/pulumi/aws-native-names.ts), as
 * pulumi-aws-native's provider/pkg/naming gives them: its own test cases (naming_test.go) and types whose aws-native
 * tokens its SDKs publish.
 */
import { describe, expect, it } from 'vitest';
import { awsNativePath, awsNativeProperty, awsNativeType } from '../../src/adapters/pulumi/aws-native-names.js';
import { EACH } from '../../src/adapters/aws/compute-roles.js';

describe('aws-native names', () => {
  it.each([
    ['IPAddress', 'ipAddress'],
    ['AnIPAddress', 'anIpAddress'],
    ['ASCIIAndMore', 'asciiAndMore'],
    ['SomeARNs', 'someArns'],
    ['UseEC2Please', 'useEc2Please'],
    ['EC2ManagedKey', 'ec2ManagedKey'],
    ['RoleARN', 'roleArn'],
    ['MSKSourceConfiguration', 'mskSourceConfiguration'],
    ['DynamoDBv2', 'dynamoDBv2'],
    ['DynamoDB', 'dynamoDb'],
    ['ServiceRole', 'serviceRole'],
  ])('property %s is %s', (cloudFormation, awsNative) => {
    expect(awsNativeProperty(cloudFormation)).toBe(awsNative);
  });

  it.each([
    ['AWS::Lambda::Function', 'aws-native:lambda:Function'],
    ['AWS::RDS::DBInstance', 'aws-native:rds:DbInstance'],
    ['AWS::AppSync::GraphQLApi', 'aws-native:appsync:GraphQlApi'],
    ['AWS::Config::ConfigurationRecorder', 'aws-native:configuration:ConfigurationRecorder'],
    ['AWS::BedrockAgentCore::Runtime', 'aws-native:bedrockagentcore:Runtime'],
    ['AWS::MediaLive::ChannelOutput', 'aws-native:medialive:ChannelOutputResource'],
    ['AWS::MediaConnect::FlowOutput', 'aws-native:mediaconnect:FlowOutput'],
  ])('type %s is %s', (cloudFormation, awsNative) => {
    expect(awsNativeType(cloudFormation)).toBe(awsNative);
  });

  it('has no token for a type that is not AWS::<Service>::<Type>', () => {
    expect(awsNativeType('Custom::Thing')).toBeUndefined();
  });

  it("renames each step of a path, a list's items and a pair's keys, and keeps a free-form object's keys", () => {
    expect(
      awsNativePath('AWS::KinesisFirehose::DeliveryStream', [
        'ExtendedS3DestinationConfiguration',
        'ProcessingConfiguration',
        'Processors',
        EACH,
        'Parameters',
        { name: 'ParameterName', is: 'RoleArn', value: 'ParameterValue' },
      ]),
    ).toEqual([
      'extendedS3DestinationConfiguration',
      'processingConfiguration',
      'processors',
      EACH,
      'parameters',
      { name: 'parameterName', is: 'RoleArn', value: 'parameterValue' },
    ]);
    expect(
      awsNativePath('AWS::CodePipeline::Pipeline', ['Stages', EACH, 'Actions', EACH, 'Configuration', 'RoleArn']),
    ).toEqual(['stages', EACH, 'actions', EACH, 'configuration', 'RoleArn']);
  });
});
