import type { IPolicyValidationContext } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** A stack as a validation plugin may be handed it: the construct path is missing when only template files are known. */
export interface HandedStack {
  readonly templatePath: string;
  readonly stackConstructPath?: string | undefined;
}

/**
 * What the CDK hands a validation plugin, read without trusting more than `templatePaths`. The installed aws-cdk-lib
 * types `stackTemplates` and `appConstruct` as always present; the plugins read the written files when either is
 * missing (another CDK of the accepted range, a hand-made context) instead of failing on an undefined. Assigning the
 * context to this wider type keeps those checks typed as the real checks they are.
 */
export interface HandedContext {
  readonly templatePaths: readonly string[];
  readonly stackTemplates?: readonly HandedStack[] | undefined;
  readonly appConstruct?: IConstruct | undefined;
}

export function handedContext(context: IPolicyValidationContext): HandedContext {
  return context;
}
