/**
 * The values a deployment passes to a template's parameters, as the CLI takes them: `--parameters FILE` in the
 * forms CloudFormation's own tools write (`aws cloudformation create-stack --parameters file://…`'s list of
 * `ParameterKey`/`ParameterValue`, a CodePipeline template configuration's `Parameters` object, or a plain object of
 * names to values) and `--parameter-overrides KEY=VALUE` as `aws cloudformation deploy` takes them. Given, a
 * parameter is judged at the value the deployment passes rather than at every value it might pass.
 */
import { readFileSync } from 'node:fs';
import { isRecord, setOwn } from '../util/records.js';
import { InputFileError } from '../adapters/input-error.js';
import { parseTemplateText } from '../adapters/cloudformation/load.js';

/**
 * The values of every file and override, later ones winning as the AWS CLI's do; an InputFileError (located at the
 * file) for a file that holds none of the forms, or a message for an override that is not `KEY=VALUE`.
 */
export function readParameterValues(files: readonly string[], overrides: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const file of files) for (const [key, value] of fileValues(file)) setOwn(values, key, value);
  for (const override of overrides) {
    const at = override.indexOf('=');
    if (at <= 0) throw new Error(`--parameter-overrides takes KEY=VALUE, got ${JSON.stringify(override)}`);
    setOwn(values, override.slice(0, at), override.slice(at + 1));
  }
  return values;
}

function fileValues(file: string): [string, string][] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputFileError(
      file,
      `cannot read the parameter file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  const { value } = parseTemplateText(file, text, true);
  const expected =
    'expected a list of {"ParameterKey", "ParameterValue"} (create-stack --parameters), {"Parameters": {NAME: VALUE}} (a CodePipeline template configuration) or {NAME: VALUE}';
  if (Array.isArray(value))
    return value.map((entry, index) => {
      if (!isRecord(entry) || typeof entry.ParameterKey !== 'string')
        throw new InputFileError(file, `item ${index} has no ParameterKey string; ${expected}`);
      if (entry.UsePreviousValue === true)
        throw new InputFileError(
          file,
          `item ${index} (${entry.ParameterKey}) uses the stack's previous value, which is not known here; pass the value`,
        );
      return [entry.ParameterKey, scalarValue(file, entry.ParameterKey, entry.ParameterValue, expected)];
    });
  if (!isRecord(value)) throw new InputFileError(file, expected);
  const named = isRecord(value.Parameters) ? value.Parameters : value;
  return Object.keys(named).map((key) => [key, scalarValue(file, key, named[key], expected)]);
}

function scalarValue(file: string, key: string, value: unknown, expected: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new InputFileError(file, `the value of ${key} is not a string; ${expected}`);
}
