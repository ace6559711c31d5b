/**
 * AWS SDK calls as a CDK AwsCustomResource (`Custom::AWS`) makes them while CloudFormation deploys: which IAM action
 * each one is, and whether it changes access. The SDK's client names and their IAM service prefixes come from
 * data/aws-sdk-services.json, extracted from aws-cdk-lib by scripts/refresh-aws-sdk-services.mjs: the tables the
 * CDK's own handler and policy generator read, so a call is named here as the deployment's permissions name it.
 */
import { packageDataFile, readPackageJson } from '../../util/package-data.js';
import { isRecord } from '../../util/records.js';
import { lookupAction } from './actions.js';
import { isVendedLogDeliveryAuthorization } from './privileged.js';

interface SdkServiceData {
  source: { package: string; version: string; extracted: string };
  /** SDK v2 client name (lower case) → v3 client name. */
  v2ToV3: Readonly<Record<string, string>>;
  /** v3 client name → its IAM prefix (when not its own name) and the operations whose name ends in `Command`. */
  clients: Readonly<Record<string, { iamPrefix?: string; commands?: readonly string[] }>>;
}

const FILE = 'aws-sdk-services.json';
let data: SdkServiceData | undefined;

function sdkServiceData(): SdkServiceData {
  if (data) return data;
  const read = readPackageJson(FILE, 'the AWS SDK client table');
  if (!isRecord(read) || !isRecord(read.source) || !isRecord(read.v2ToV3) || !isRecord(read.clients))
    throw new Error(`${packageDataFile(FILE)}: expected source, v2ToV3 and clients`);
  return (data = read as unknown as SdkServiceData);
}

/**
 * `IAM` / `iam` / `@aws-sdk/client-iam` with `createAccessKey` / `CreateAccessKey` / `CreateAccessKeyCommand` →
 * `iam:CreateAccessKey`: the client name in lower case without the v3 package prefix, a v2 name turned into its v3
 * one, the client's IAM prefix; the operation with a capital first letter and without the v3 `Command` suffix
 * (unless the operation's own name ends so, as SSM's SendCommand).
 */
export function iamActionOfSdkCall(service: string, action: string): string {
  const { v2ToV3, clients } = sdkServiceData();
  const lower = service.toLowerCase().replace(/^@aws-sdk\/client-/, '');
  const client = Object.hasOwn(v2ToV3, lower) ? (v2ToV3[lower] ?? lower) : lower;
  const known = Object.hasOwn(clients, client) ? clients[client] : undefined;
  const first = action.charAt(0);
  const operation =
    first.toLowerCase() === first
      ? `${first.toUpperCase()}${action.slice(1)}`
      : known?.commands?.includes(action)
        ? action
        : action.replace(/Command$/, '');
  return `${known?.iamPrefix ?? client}:${operation}`;
}

/**
 * The services whose resources the check holds as identities, credentials and secrets (IAM users, roles, groups and
 * their keys; IAM Identity Center's permission sets, users and assignments; Secrets Manager's secrets): a write to
 * one of them makes or changes what the check judges.
 */
const IDENTITY_SERVICES: ReadonlySet<string> = new Set(['iam', 'sso', 'identitystore', 'secretsmanager']);

/**
 * How a call changes access, by its IAM action's access level in the AWS action data: `permissions` for a
 * Permissions management action of any service (a policy, a grant, a permission) but a vended log delivery's
 * authorization; `identities` for a write to an
 * identity service (a user, an access key, a secret); `unknown` for an operation of an identity service that the
 * action data does not know, so nothing says it makes no identity or credential; undefined for a call that changes
 * no access (a read, a write of anything else). An operation of another service that the data does not know is
 * most likely none the service has (the deployment's call fails: a sample's `createVectorIndex` of S3 Vectors,
 * whose operation is CreateIndex); one AWS added since is judged once the data is updated.
 */
export function accessChangeOf(iamAction: string): 'permissions' | 'identities' | 'unknown' | undefined {
  const action = lookupAction(iamAction);
  if (!action)
    return IDENTITY_SERVICES.has(iamAction.slice(0, iamAction.indexOf(':')).toLowerCase()) ? 'unknown' : undefined;
  // A vended log delivery's authorization is classed so too, but changes no one's access (privileged.ts).
  if (action.accessLevel === 'Permissions management')
    return isVendedLogDeliveryAuthorization(action.name) ? undefined : 'permissions';
  if (action.accessLevel === 'Write' && IDENTITY_SERVICES.has(action.service)) return 'identities';
  return undefined;
}
