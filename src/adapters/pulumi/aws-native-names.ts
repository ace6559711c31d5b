/**
 * How Pulumi's aws-native provider names what CloudFormation names: it is generated from the CloudFormation resource
 * schemas, through Cloud Control, so a resource type `AWS::<Service>::<Type>` is `aws-native:<service>:<Type>` and a
 * property is the lowerCamelCase of its CloudFormation name, an acronym's letters after the first lowered
 * (`RoleARN` is `roleArn`, `MSKSourceConfiguration` `mskSourceConfiguration`, `DBInstance` `DbInstance`). This is
 * pulumi-aws-native's provider/pkg/naming (moduleName, typeName, ToSdkName, lowerAcronyms), written again here.
 */

import { EACH, type PathStep } from '../aws/compute-roles.js';

/** A letter an acronym is made of: an ASCII capital or digit. */
const isAcronymChar = (char: string | undefined) => char !== undefined && /^[A-Z0-9]$/.test(char);

/** The first run of at least two acronym characters: its start and end, or undefined. */
function firstRun(name: string): [number, number] | undefined {
  let start = -1;
  for (let index = 0; index < name.length; index++) {
    if (start === -1) {
      if (isAcronymChar(name[index])) start = index;
    } else if (!isAcronymChar(name[index])) {
      if (index - start >= 2) return [start, index];
      start = -1;
    }
  }
  return start === -1 ? undefined : [start, name.length];
}

/**
 * Lowers the letters of each acronym after its first. The last capital of a run begins the next word (`MSKSource`:
 * `Msk`, `Source`) unless the run ends the name or a lone `s` follows it (`ARNs`).
 */
export function lowerAcronyms(name: string): string {
  const run = firstRun(name);
  if (!run) return name;
  const [start, runEnd] = run;
  const rest = name.slice(runEnd);
  const pluralS = rest[0] === 's' && (rest.length === 1 || isAcronymChar(rest[1]));
  const end = runEnd === name.length || pluralS ? runEnd : runEnd - 1;
  return name.slice(0, start + 1) + name.slice(start + 1, end).toLowerCase() + lowerAcronyms(name.slice(end));
}

/** aws-native's name of a CloudFormation property. */
export function awsNativeProperty(name: string): string {
  const lowered = lowerAcronyms(name);
  return lowered.charAt(0).toLowerCase() + lowered.slice(1);
}

/** aws-native's type token of a CloudFormation resource type (`AWS::RDS::DBInstance` is `aws-native:rds:DbInstance`). */
export function awsNativeType(cloudFormationType: string): string | undefined {
  const [provider, service, type] = cloudFormationType.split('::');
  if (provider !== 'AWS' || service === undefined || type === undefined) return undefined;
  const module = (service === 'Config' ? 'Configuration' : lowerAcronyms(service)).toLowerCase();
  // aws-native renames a type ending in Output (its SDKs reserve the suffix), save MediaConnect's FlowOutput.
  const name =
    type.endsWith('Output') && cloudFormationType !== 'AWS::MediaConnect::FlowOutput'
      ? `${type.slice(0, -'Output'.length)}OutputResource`
      : type;
  return `aws-native:${module}:${lowerAcronyms(name)}`;
}

/**
 * Properties whose value aws-native's schema leaves free-form (a JSON object): their keys are the program's, as
 * CloudFormation's, not renamed. A CodePipeline action's `Configuration` (its `RoleArn` a CloudFormation action's
 * deploy role).
 */
const FREE_FORM: Readonly<Record<string, string>> = { 'AWS::CodePipeline::Pipeline': 'Configuration' };

/** aws-native's spelling of a CloudFormation property path of the resource type (compute-roles.ts PathStep). */
export function awsNativePath(cloudFormationType: string, path: readonly PathStep[]): PathStep[] {
  const freeForm = FREE_FORM[cloudFormationType];
  let verbatim = false;
  return path.map((step) => {
    if (verbatim || step === EACH) return step;
    if (typeof step !== 'string')
      return { name: awsNativeProperty(step.name), is: step.is, value: awsNativeProperty(step.value) };
    if (step === freeForm) verbatim = true;
    return awsNativeProperty(step);
  });
}
