/**
 * The AWS SDK calls of a CDK AwsCustomResource: a custom resource whose `Create` and `Update` properties are each a
 * call (`{"service":"IAM","action":"createAccessKey","parameters":{…}}`) that the CDK's Lambda handler makes while
 * CloudFormation creates or updates the stack. What such a call makes (an access key, a policy attached to a role) is
 * no resource of the template, so the template's resources alone do not show it.
 */
import { isRecord } from '../../util/records.js';

/** One call read from a custom resource's properties, or why it could not be read. */
export type SdkCallRead = SdkCall | { phase: SdkCallPhase; unreadable: string };

export interface SdkCall {
  phase: SdkCallPhase;
  service: string;
  action: string;
  /**
   * The call's parameters, each string with the tokens it holds put back as the template writes them: a string
   * without one stays a string, one with tokens is an `Fn::Join` of its text and the tokens.
   */
  parameters: Record<string, unknown>;
}

export type SdkCallPhase = 'Create' | 'Update';

/**
 * What a deployment of the change runs: the calls made when the resource is created and when it is updated. `Delete`
 * runs when a later change removes the resource, and is that change's to judge.
 */
const PHASES: readonly SdkCallPhase[] = ['Create', 'Update'];

/**
 * The calls of a custom resource's properties; none for a custom resource of another kind. The CDK writes each call
 * as a JSON string, or as `Fn::Join` of its text around the tokens it holds (a role's name, a parameter); older
 * versions wrote it as an object. A property that is none of these, or whose call names no service and action, is
 * unreadable when the resource is the CDK's (it has `InstallLatestAwsSdk`, which only AwsCustomResource writes).
 */
export function sdkCallsOf(properties: unknown): SdkCallRead[] {
  if (!isRecord(properties)) return [];
  const isAwsCustomResource = Object.hasOwn(properties, 'InstallLatestAwsSdk');
  const calls: SdkCallRead[] = [];
  for (const phase of PHASES) {
    if (!Object.hasOwn(properties, phase)) continue;
    const tokens: unknown[] = [];
    const call = callOf(properties[phase], tokens);
    if (call && typeof call.service === 'string' && typeof call.action === 'string') {
      if (hasToken(call.service) || hasToken(call.action)) {
        calls.push({ phase, unreadable: 'its service or action is known only at deployment' });
        continue;
      }
      const parameters = withTokens(call.parameters, tokens);
      calls.push({
        phase,
        service: call.service,
        action: call.action,
        parameters: isRecord(parameters) ? parameters : {},
      });
    } else if (isAwsCustomResource) {
      calls.push({ phase, unreadable: call ? 'it names no service and action' : 'it is not JSON the check can read' });
    }
  }
  return calls;
}

/**
 * The mark of the token numbered n inside the call's text, `\u0000n\u0000`: no client, operation or parameter a
 * template writes holds a NUL character.
 */
const TOKEN_MARK = '\u0000';
// eslint-disable-next-line no-control-regex -- the mark is a NUL character, chosen because no template writes one
const TOKEN = /\u0000(\d+)\u0000/g;

function hasToken(text: string): boolean {
  return text.includes(TOKEN_MARK);
}

/** A value read from the call, each token mark in its strings replaced by its token (an `Fn::Join` around it). */
function withTokens(value: unknown, tokens: readonly unknown[]): unknown {
  if (typeof value === 'string') {
    if (!hasToken(value)) return value;
    const parts: unknown[] = [];
    let at = 0;
    for (const match of value.matchAll(TOKEN)) {
      if (match.index > at) parts.push(value.slice(at, match.index));
      parts.push(tokens[Number(match[1])]);
      at = match.index + match[0].length;
    }
    if (at < value.length) parts.push(value.slice(at));
    return { 'Fn::Join': ['', parts] };
  }
  if (Array.isArray(value)) return value.map((item) => withTokens(item, tokens));
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withTokens(item, tokens)]));
  return value;
}

/** The call a property holds, or undefined when it is not one the check can read; `tokens` gets the tokens it holds. */
function callOf(value: unknown, tokens: unknown[]): Record<string, unknown> | undefined {
  if (isRecord(value) && !isIntrinsic(value)) return value;
  const text = typeof value === 'string' ? value : joinedText(value, tokens);
  if (text === undefined) return undefined;
  try {
    const call: unknown = JSON.parse(text);
    return isRecord(call) ? call : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The text of `{"Fn::Join": [delimiter, parts]}` with each token (a `Ref`, a `Fn::GetAtt`) written as a stand-in
 * JSON can read: inside a string of the call's text, its numbered mark (the token kept in `tokens`); outside one, `null`.
 */
function joinedText(value: unknown, tokens: unknown[]): string | undefined {
  if (!isRecord(value) || !Array.isArray(value['Fn::Join'])) return undefined;
  const [delimiter, parts] = value['Fn::Join'] as unknown[];
  if (typeof delimiter !== 'string' || !Array.isArray(parts)) return undefined;
  let text = '';
  let inString = false;
  parts.forEach((part: unknown, index) => {
    if (index > 0) {
      text += delimiter;
      inString = endsInString(inString, delimiter);
    }
    if (typeof part === 'string') {
      text += part;
      inString = endsInString(inString, part);
    } else text += inString ? `\\u0000${tokens.push(part) - 1}\\u0000` : 'null';
  });
  return text;
}

/** Whether JSON text that starts inside a string (or not) ends inside one: its unescaped quotes flip it. */
function endsInString(startsInString: boolean, text: string): boolean {
  let inString = startsInString;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5c && inString) index++;
    else if (code === 0x22) inString = !inString;
  }
  return inString;
}

function isIntrinsic(value: Record<string, unknown>): boolean {
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0]?.startsWith('Fn::') === true);
}

/**
 * Whether a value holds a policy document (`Statement`), as an object or as the JSON text of one (around tokens, in an
 * `Fn::Join`): what an SDK call's parameters or a custom resource's properties may write as a policy.
 */
export function holdsPolicyDocument(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('"Statement"');
  if (Array.isArray(value)) return value.some(holdsPolicyDocument);
  if (!isRecord(value)) return false;
  return Object.hasOwn(value, 'Statement') || Object.values(value).some(holdsPolicyDocument);
}
