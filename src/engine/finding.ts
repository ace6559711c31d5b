import type { ResourceRef } from '../model/model.js';

export type FindingLevel = 'mandatory' | 'advisory';

export interface Finding {
  ruleId: string;
  level: FindingLevel;
  resource: ResourceRef;
  /** Identity id (from the model) the finding is about, when it is about one. */
  identity?: string;
  /** Granular key in cdk-nag's style (`Action::s3:*`, `Principal::*`): a waiver can be that narrow. */
  detail?: string;
  message: string;
  remediation: string;
  /** Shared by the findings of one rule in one evaluation: read-only. */
  frameworks: readonly string[];
  /** The value could not be read yet (Pulumi preview unknown, unresolved token): verify when known. */
  pending?: boolean;
  /** The IaC tool hides the fact that would decide it (see Report.undecidable): advisory in every front-end. */
  undecidable?: boolean;
  /** Id of the valid catalog exception that waives this finding. Waived findings never block. */
  waivedBy?: string;
}

/** True when the finding should stop the deployment. */
export function isBlocking(finding: Pick<Finding, 'level' | 'waivedBy'>): boolean {
  return finding.level === 'mandatory' && !finding.waivedBy;
}
