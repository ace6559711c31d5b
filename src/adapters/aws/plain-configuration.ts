/**
 * AWS configuration that holds variables in plain text, read the same way by every front-end's adapter: an ECS task
 * definition's container definitions (the JSON ECS takes, which Pulumi and Terraform pass as a string) and a CodeBuild
 * project's environment variables.
 */
import { isRecord } from '../../util/records.js';

/** A variable of a container's `environment` in ECS's container definition JSON (RegisterTaskDefinition's shape). */
export interface ContainerVariable {
  /** The container's `name`, or its position when it has none. */
  container: string;
  name: string;
  value: string;
}

/**
 * The `environment` of each container of a task definition's container definitions: the JSON string Pulumi and
 * Terraform pass (`containerDefinitions`, `container_definitions`), or the list it parses to. Text that is no JSON
 * yields nothing: the provider refuses it before anything is deployed.
 */
export function containerEnvironment(raw: unknown): ContainerVariable[] {
  let definitions: unknown = raw;
  if (typeof raw === 'string') {
    try {
      definitions = JSON.parse(raw);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(definitions)) return [];
  return definitions.flatMap((container: unknown, index) => {
    if (!isRecord(container) || !Array.isArray(container.environment)) return [];
    const name = typeof container.name === 'string' ? container.name : String(index);
    return container.environment.flatMap((variable: unknown) =>
      isRecord(variable) && typeof variable.name === 'string' && typeof variable.value === 'string'
        ? [{ container: name, name: variable.name, value: variable.value }]
        : [],
    );
  });
}

/**
 * Whether a CodeBuild environment variable of this type holds its value in the project's configuration: `PLAINTEXT`,
 * the type a variable that names none has (AWS CodeBuild API Reference, EnvironmentVariable: "type … PARAMETER_STORE,
 * PLAINTEXT, SECRETS_MANAGER"; PLAINTEXT is the default). A PARAMETER_STORE or SECRETS_MANAGER variable's value is the
 * name of a parameter or secret, read at build time.
 */
export function plainCodeBuildType(type: unknown): boolean {
  return type === undefined || type === null || type === 'PLAINTEXT';
}

/** How a CodeBuild project keeps a value out of its configuration, in words every front-end shares. */
export const CODEBUILD_VARIABLE_ADVICE =
  'Keep the value in Secrets Manager or SSM Parameter Store and give the variable the type SECRETS_MANAGER or ' +
  "PARAMETER_STORE, with the secret's or parameter's name as its value";
