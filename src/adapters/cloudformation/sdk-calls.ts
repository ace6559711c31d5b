/**
 * The AWS SDK calls of a CDK AwsCustomResource: a custom resource whose `Create` and `Update` properties are each a
 * call (`{"service":"IAM","action":"createAccessKey","parameters":{…}}`) that the CDK's Lambda handler makes while
 * CloudFormation creates or updates the stack. What such a call makes (an access key, a policy attached to a role) is
 * no resource of the template, so the template's resources alone do not show it.
 */
import { isRecord } from '../../util/records.js';

/** One call read from a custom resource's properties, or why it could not be read. */
export type SdkCallRead =
  { phase: SdkCallPhase; service: string; action: string } | { phase: SdkCallPhase; unreadable: string };

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
    const call = callOf(properties[phase]);
    if (call && typeof call.service === 'string' && typeof call.action === 'string') {
      if (call.service.includes(TOKEN) || call.action.includes(TOKEN))
        calls.push({ phase, unreadable: 'its service or action is known only at deployment' });
      else calls.push({ phase, service: call.service, action: call.action });
    } else if (isAwsCustomResource) {
      calls.push({ phase, unreadable: call ? 'it names no service and action' : 'it is not JSON the check can read' });
    }
  }
  return calls;
}

/** What stands for a token inside the call's text: no SDK client or operation has it in its name. */
const TOKEN = '\u0000token\u0000';

/** The call a property holds, or undefined when it is not one the check can read. */
function callOf(value: unknown): Record<string, unknown> | undefined {
  if (isRecord(value) && !isIntrinsic(value)) return value;
  const text = typeof value === 'string' ? value : joinedText(value);
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
 * JSON can read: inside a string of the call's text, the stand-in text; outside one, `null`.
 */
function joinedText(value: unknown): string | undefined {
  if (!isRecord(value) || !Array.isArray(value['Fn::Join'])) return undefined;
  const [delimiter, parts] = value['Fn::Join'] as unknown[];
  if (typeof delimiter !== 'string' || !Array.isArray(parts)) return undefined;
  let text = '';
  let inString = false;
  parts.forEach((part: unknown, index) => {
    const piece = typeof part === 'string' ? part : inString ? TOKEN.replaceAll('\u0000', '\\u0000') : 'null';
    if (index > 0) {
      text += delimiter;
      inString = endsInString(inString, delimiter);
    }
    text += piece;
    if (typeof part === 'string') inString = endsInString(inString, part);
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
