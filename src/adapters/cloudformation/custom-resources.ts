/**
 * A CloudFormation custom resource (`Custom::*`, `AWS::CloudFormation::CustomResource`) hands its properties to the
 * provider its `ServiceToken` names, which runs while the stack deploys: what the code makes is no resource of the
 * template. Read here is which compute of the template runs for it, so the rules can judge what that code may do by
 * what its role is allowed (model DeploymentHandler):
 * - a `ServiceToken` that is `Fn::GetAtt` of a Lambda function's `Arn` in the same template runs that function;
 * - a function of the CDK's provider framework (aws-cdk-lib `custom_resources.Provider`) invokes the user's onEvent
 *   and isComplete functions, which it is told of in its environment, so those run too.
 * A provider that is not a function of the template (an imported ARN, a parameter, an SNS topic) is named as written.
 */
import type { DeploymentHandler, ShippedCode } from '../../model/model.js';
import { isRecord, lookupTable } from '../../util/records.js';
import { CDK_HELM_CHART, CDK_KUBERNETES_PATCH, CDK_KUBERNETES_RESOURCE } from './eks-manifests.js';
import { holdsPolicyDocument } from './sdk-calls.js';
import type { StackContext } from './stack-context.js';
import type { CfnResource } from './template.js';

/**
 * The environment variables in which a function of the CDK provider framework is told the user functions it invokes:
 * aws-cdk-lib 2.276.0 custom-resources/lib/provider-framework/runtime/consts.js (USER_ON_EVENT_FUNCTION_ARN_ENV,
 * USER_IS_COMPLETE_FUNCTION_ARN_ENV), written by provider.js createFunction for its onEvent, isComplete and onTimeout
 * functions alike. The same names since the framework's first release (aws-cdk 1.x).
 */
const PROVIDER_FRAMEWORK_USER_FUNCTIONS = ['USER_ON_EVENT_FUNCTION_ARN', 'USER_IS_COMPLETE_FUNCTION_ARN'];

/**
 * Custom resources whose content another part of the adapter reads already: the CDK EKS manifests, patches and Helm
 * charts (eks-manifests.ts) and the AwsCustomResource, whose SDK calls are read (sdk-calls.ts; `InstallLatestAwsSdk`
 * is its mark). Their providers run what those reads judge.
 */
const READ_ELSEWHERE = new Set([CDK_KUBERNETES_RESOURCE, CDK_KUBERNETES_PATCH, CDK_HELM_CHART]);

const LAMBDA_FUNCTION = 'AWS::Lambda::Function';

/**
 * The CDK's own custom resources whose handler's role may change access, with what the CDK grants it (aws-cdk-lib
 * 2.276.0; every other handler the CDK ships, such as bucket notifications, log retention, bucket deployments, the
 * default security group restriction, ECR auto-delete-images and triggers, has a role that changes no access, and
 * needs no entry). The type alone proves nothing (an author may name a custom resource anything): the rule holds the
 * role to the actions listed, so code under the CDK's name may do no more than the CDK's own.
 * - `Custom::S3AutoDeleteObjects` (aws-s3/lib/mixins/bucket.js: the bucket's policy grants the provider role
 *   BUCKET_PUT_POLICY_ACTIONS, `s3:PutBucketPolicy`, on the bucket's ARN): on delete the handler
 *   (custom-resource-handlers/dist/aws-s3/auto-delete-objects-handler) adds a statement denying `s3:PutObject` to the
 *   policy of the bucket being emptied, which grants nothing.
 * - `Custom::AWSCDKOpenIdConnectProvider` (aws-iam/lib/oidc-provider.js: `Resource: "*"`, the five actions below):
 *   the handler makes the IAM OIDC provider its properties describe, as an AWS::IAM::OIDCProvider would, which
 *   grants nothing by itself: the roles that trust it are the template's, and their trust is judged.
 */
const CDK_SHIPPED_CODE: Readonly<Record<string, ShippedCode>> = lookupTable({
  'Custom::S3AutoDeleteObjects': {
    name: "the AWS CDK's S3 auto-delete-objects handler",
    actions: ['s3:PutBucketPolicy'],
    onNamedResourcesOnly: true,
  },
  'Custom::AWSCDKOpenIdConnectProvider': {
    name: "the AWS CDK's IAM OIDC provider handler",
    actions: [
      'iam:CreateOpenIDConnectProvider',
      'iam:DeleteOpenIDConnectProvider',
      'iam:UpdateOpenIDConnectProviderThumbprint',
      'iam:AddClientIDToOpenIDConnectProvider',
      'iam:RemoveClientIDFromOpenIDConnectProvider',
    ],
    onNamedResourcesOnly: false,
  },
});

/** The compute a custom resource runs while the stack deploys, or undefined for one read elsewhere. */
export function deploymentHandlerOf(
  stack: StackContext,
  logicalId: string,
  resource: CfnResource,
): DeploymentHandler | undefined {
  if (READ_ELSEWHERE.has(resource.Type)) return undefined;
  const properties = isRecord(resource.Properties) ? resource.Properties : {};
  if (Object.hasOwn(properties, 'InstallLatestAwsSdk')) return undefined;
  const { ServiceToken: token, ...handed } = properties;
  const writesPolicy = holdsPolicyDocument(handed);
  const provider = lambdaOfTemplate(stack, token);
  if (provider === undefined)
    return { resource: stack.ref(logicalId), runs: [], unresolvedProvider: describeToken(token), writesPolicy };
  const runs = [provider];
  const variables = stack.input.template.Resources[provider]?.Properties?.Environment;
  const environment = isRecord(variables) && isRecord(variables.Variables) ? variables.Variables : {};
  for (const name of PROVIDER_FRAMEWORK_USER_FUNCTIONS) {
    const invoked = lambdaOfTemplate(stack, environment[name]);
    if (invoked !== undefined && !runs.includes(invoked)) runs.push(invoked);
  }
  const shippedCode = Object.hasOwn(CDK_SHIPPED_CODE, resource.Type) ? CDK_SHIPPED_CODE[resource.Type] : undefined;
  return {
    resource: stack.ref(logicalId),
    runs: runs.map((id) => stack.ref(id)),
    writesPolicy,
    ...(shippedCode ? { shippedCode } : {}),
  };
}

/** The logical id of the Lambda function of the template whose ARN the value is (`Fn::GetAtt` of its `Arn`). */
function lambdaOfTemplate(stack: StackContext, value: unknown): string | undefined {
  if (!isRecord(value)) return undefined;
  const getAtt = value['Fn::GetAtt'];
  // Both forms CloudFormation takes: `[LogicalId, Attribute]` and the short `LogicalId.Arn`.
  const [target, attribute] = Array.isArray(getAtt)
    ? (getAtt as unknown[])
    : typeof getAtt === 'string'
      ? getAtt.split(/\.(?=[^.]*$)/)
      : [];
  if (typeof target !== 'string' || attribute !== 'Arn') return undefined;
  // A function whose Condition is false is not created: the stack's resources leave it out.
  const created = stack.resources.some(({ logicalId }) => logicalId === target);
  return created && stack.input.template.Resources[target]?.Type === LAMBDA_FUNCTION ? target : undefined;
}

function describeToken(token: unknown): string {
  if (token === undefined) return 'no ServiceToken';
  if (typeof token === 'string') return token;
  const text = JSON.stringify(token);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
