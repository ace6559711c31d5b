/**
 * The names a Secrets Manager secret reference may stand for: a name, a full ARN (`…:secret:<name>-<6 characters>`,
 * the suffix Secrets Manager adds) or a partial ARN (`…:secret:<name>`). Both adapters link rotation and resource
 * policies to the change's secrets by these names.
 */
export function secretNamesOf(reference: string): string[] {
  const [, name] = /^arn:[^:]*:secretsmanager:[^:]*:[^:]*:secret:(.+)$/.exec(reference) ?? [];
  if (name === undefined) return [reference];
  const [, bare] = /^(.+)-[A-Za-z0-9]{6}$/.exec(name) ?? [];
  return bare !== undefined ? [bare, name] : [name];
}
