/**
 * The values a plan leaves to the deployment, as the model writes them. A change does not know the account and
 * region it will be deployed to; the model writes them as markers that no IaC dialect uses (`<own-account>`,
 * `<own-region>`), so rules read them the same whichever front-end planned the change, and a report shows them as
 * they are: `arn:aws:iam::<own-account>:role/Name`. Each adapter translates its own dialect's form into these
 * (CloudFormation's `AWS::AccountId` pseudo parameter, the account of a Pulumi or Terraform identity whose ARN the
 * plan does not know), and back where it quotes its own syntax.
 *
 * A value another resource of the change gets at deploy time (its generated name or id, an attribute such as its ARN)
 * is a marker too, naming the resource as the front-end does: `<id of OpsRole>`, `<Arn of Bucket>`. CloudFormation
 * writes the same with `Ref`, `Fn::GetAtt` or `Fn::Sub`, Pulumi as an output of the resource; the adapters translate
 * theirs into these (resourceValue) and back where they quote their own syntax.
 *
 * The partition is a model value as well: the model writes `aws`. AWS's ARN formats and the catalog's patterns read
 * every partition (`aws-cn`, `aws-us-gov`) as `aws`, so an adapter writes `aws` where its dialect leaves the
 * partition to the deployment.
 */

/** The account the change is deployed to. */
export const OWN_ACCOUNT = '<own-account>';

/** The region the change is deployed to. */
export const OWN_REGION = '<own-region>';

/** The name and id of the stack the change is deployed as (CloudFormation's `AWS::StackName`, `AWS::StackId`). */
export const OWN_STACK_NAME = '<own-stack-name>';
export const OWN_STACK_ID = '<own-stack-id>';

/** The partition the model writes for the deployment's own. */
export const PARTITION = 'aws';

const OWN_VALUE = /<own-(?:account|region|stack-name|stack-id)>/;
const OWN_VALUE_FIRST = /^<own-(?:account|region|stack-name|stack-id)>/;

/** The ARN of an IAM identity (or provider, policy) in the account the change is deployed to. */
export function ownIamArn(segment: string, name: string): string {
  return `arn:${PARTITION}:iam::${OWN_ACCOUNT}:${segment}/${name}`;
}

/** Whether the text holds a value of the deployment's own (account, region, stack), which only deploy time knows. */
export function hasOwnValue(text: string): boolean {
  return OWN_VALUE.test(text);
}

/** Whether the text begins with a value of the deployment's own, as a generated name may. */
export function startsWithOwnValue(text: string): boolean {
  return OWN_VALUE_FIRST.test(text);
}

/** The text with the own account and region as `*`: what they may be, for a glob that names a literal account. */
export function ownValuesAsWildcards(text: string): string {
  return text.replaceAll(OWN_ACCOUNT, '*').replaceAll(OWN_REGION, '*');
}

/** The text with the own account written as the given account id. */
export function inAccount(text: string, account: string): string {
  return text.replaceAll(OWN_ACCOUNT, account);
}

/** A value of another resource of the change that only deploy time knows, as resourceValue writes it. */
const RESOURCE_VALUE = /<([A-Za-z][A-Za-z0-9.]*) of ([^<>]+)>/g;
const RESOURCE_VALUE_FIRST = /^<[A-Za-z][A-Za-z0-9.]* of [^<>]+>/;

/**
 * The value deploy time gives a resource of the change: its id (a generated name, what the resource is known by) or
 * the named attribute (`Arn`, `Endpoint.Address`). `resource` is the resource's name in the change (a logical id, a
 * Pulumi resource name).
 */
export function resourceValue(resource: string, attribute = 'id'): string {
  return `<${attribute} of ${resource}>`;
}

/** Whether the text holds a value of another resource of the change (resourceValue). */
export function hasResourceValue(text: string): boolean {
  return text.includes(' of ') && new RegExp(RESOURCE_VALUE.source).test(text);
}

/** Whether the text begins with a value of another resource of the change, as a generated name does. */
export function startsWithResourceValue(text: string): boolean {
  return text.startsWith('<') && RESOURCE_VALUE_FIRST.test(text);
}

/** The text with each value of another resource of the change given by `replace(resource, attribute)`. */
export function replaceResourceValues(text: string, replace: (resource: string, attribute: string) => string): string {
  return text.includes(' of ')
    ? text.replace(RESOURCE_VALUE, (_, attribute: string, resource: string) => replace(resource, attribute))
    : text;
}
