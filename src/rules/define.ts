import type { Catalog, RuleLevel } from '../../catalog/types.js';
import type { Cloud, Identity, Model, ResourceRef, Secret } from '../model/model.js';
import type { Finding } from '../model/finding.js';
import type { IdentityProfile } from '../../catalog/profile.js';

export interface RuleMeta<MessageId extends string = string> {
  id: string;
  title: string;
  /** Default enforcement; the catalog's `rules` map and a stack may make it stricter. */
  level: Exclude<RuleLevel, 'disabled'>;
  rationale: string;
  /**
   * How to fix a finding: one text for every cloud, or one per cloud. A finding carries its own cloud's text only
   * (an AWS finding never reads Azure advice); rule-level documentation lists them all (`remediationText`).
   */
  remediation: Remediation;
  /** Framework mappings checked against their sources, e.g. `OWASP-NHI7:2025`, `NIST-CSF-2.0:PR.AA-05`. */
  frameworks: string[];
  /** Message templates; `{{name}}` is replaced with report data. */
  messages: Record<MessageId, string>;
}

export type Remediation = string | Readonly<Partial<Record<Cloud, string>>>;

const CLOUD_NAMES: Record<Cloud, string> = {
  aws: 'AWS',
  azure: 'Azure',
  gcp: 'Google Cloud',
  kubernetes: 'Kubernetes',
};

/** The fix for a finding in `cloud`; without a cloud (a finding about the catalog itself), or one the rule does not single out, every cloud's. */
export function remediationFor(meta: Pick<RuleMeta, 'remediation'>, cloud: Cloud | undefined): string {
  const { remediation } = meta;
  if (typeof remediation === 'string') return remediation;
  return (cloud !== undefined ? remediation[cloud] : undefined) ?? remediationText(meta);
}

/** Every cloud's fix, labelled, for rule-level documentation (docs/rules.md, SARIF rule help, Pulumi policy metadata). */
export function remediationText(meta: Pick<RuleMeta, 'remediation'>): string {
  const { remediation } = meta;
  if (typeof remediation === 'string') return remediation;
  return (Object.keys(CLOUD_NAMES) as Cloud[])
    .filter((cloud) => remediation[cloud] !== undefined)
    .map((cloud) => `${CLOUD_NAMES[cloud]}: ${remediation[cloud]}`)
    .join(' ');
}

export interface Report<MessageId extends string = string> {
  messageId: MessageId;
  data?: Record<string, string | number>;
  resource: ResourceRef;
  identity?: Identity | Secret;
  /** Granular key (`Action::s3:*`) so a finding and its waiver can be that narrow. */
  detail?: string;
  /** The value could not be verified yet: reported at advisory level, "cannot be verified until apply". */
  pending?: boolean;
  /** The IaC tool hides the fact that would decide it: reported at advisory level whatever the rule's level. */
  undecidable?: boolean;
  /**
   * A hardening finding, reported at advisory level whatever the rule's level: what it reports is a risk only in
   * circumstances the change does not show (a service principal without a source condition is a confused deputy only
   * if someone else configures the service against this resource).
   */
  advisory?: boolean;
}

export interface RuleContext<MessageId extends string = string> {
  model: Model;
  catalog: Catalog;
  /** Evaluation time, injected so results are deterministic in tests. */
  now: Date;
  /** The identity as the catalog sees it: owner, class, entitlements, record. */
  profile(identity: Identity | Secret): IdentityProfile;
  /**
   * A fact derived from the model, computed once per evaluation for every rule that asks (several rules need an
   * identity's held policies and what they allow): `ctx.memo(identity, 'held-policies', () => …)`.
   */
  memo<T>(subject: object, key: string, compute: () => T): T;
  report(report: Report<MessageId>): void;
}

export interface Rule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  check(ctx: RuleContext<MessageId>): void;
  /**
   * Runs once every rule has checked, with their findings (waivers applied): for what only the whole evaluation
   * shows, such as a catalog exception that waived nothing. `ran` holds the ids of the rules that ran.
   */
  finish?(ctx: RuleContext<MessageId>, findings: readonly Finding[], ran: ReadonlySet<string>): void;
}

/** Identity helper so a rule file gets its message ids typed from its own `messages`. */
export function defineRule<MessageId extends string>(rule: Rule<MessageId>): Rule<MessageId> {
  return rule;
}
