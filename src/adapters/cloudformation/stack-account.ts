/**
 * The account a CDK stack deploys into, where its cloud assembly names one. A stack with an explicit `env`
 * (`env: { account: '111122223333' }`, or `CDK_DEFAULT_ACCOUNT` read at synthesis) is written with that account as a
 * literal wherever the app asked for the stack's account (`Stack.of(this).account`, a key's default policy, a
 * pipeline's artifact key): the CDK renders `AWS::AccountId` only for an environment-agnostic stack. CloudFormation
 * deploys the template into exactly that account, so the literal is the stack's own account, and is read as
 * `AWS::AccountId` is (`<own-account>`). An account of another stack of the same app stays a literal: a bus policy in
 * the consumer's account that lets the producer's account in is a cross-account trust, whichever app writes both.
 */
import { OWN_ACCOUNT } from '../../model/deployment.js';
import { isRecord, setOwn } from '../../util/records.js';
import type { CfnTemplate, TemplateInput } from './template.js';

/**
 * The account of a cloud assembly stack artifact's `environment` (`aws://<account>/<region>`), or undefined for an
 * environment-agnostic one (`aws://unknown-account/unknown-region`, cloud-assembly-schema).
 */
export function environmentAccount(environment: unknown): string | undefined {
  if (typeof environment !== 'string') return undefined;
  const account = /^aws:\/\/([^/]*)\//.exec(environment)?.[1];
  return account !== undefined && /^\d{12}$/.test(account) ? account : undefined;
}

/** The input with its stack's account, where it has one, written as the own account in every value. */
export function withStackAccount(input: TemplateInput): TemplateInput {
  const account = input.account;
  if (account === undefined) return input;
  // Digits on neither side: an account id is twelve digits, and a longer number that holds them is another value.
  const literal = new RegExp(`(?<![0-9])${account}(?![0-9])`, 'g');
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return value.includes(account) ? value.replace(literal, OWN_ACCOUNT) : value;
    if (Array.isArray(value)) return value.map(rewrite);
    if (isRecord(value)) {
      const copy: Record<string, unknown> = {};
      // setOwn: a template's key may be `__proto__` (JSON.parse defines it), which plain assignment would not copy.
      for (const key of Object.keys(value)) setOwn(copy, key, rewrite(value[key]));
      return copy;
    }
    return value;
  };
  const template = rewrite(input.template) as CfnTemplate;
  const parameters = input.parameters ? (rewrite(input.parameters) as Record<string, unknown>) : undefined;
  return { ...input, template, ...(parameters ? { parameters } : {}) };
}
