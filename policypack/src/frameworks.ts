import type { PolicyComplianceFramework } from '@pulumi/policy';
import { FRAMEWORKS } from '../../src/rules/frameworks.js';

/**
 * Framework ids as rules cite them, split into what Pulumi's `framework` field holds: the version and the reference
 * are the pattern's groups of these numbers, or the version is the text given.
 */
const FAMILIES: { pattern: RegExp; name: string; version: number | string; reference: number }[] = [
  { pattern: /^OWASP-(NHI\d+):(\d{4})$/, name: 'OWASP Non-Human Identities Top 10', version: 2, reference: 1 },
  { pattern: /^NIST-CSF-([\d.]+):(.+)$/, name: 'NIST Cybersecurity Framework', version: 1, reference: 2 },
  {
    pattern: /^CIS-AWS-([\d.]+):(.+)$/,
    name: 'CIS Amazon Web Services Foundations Benchmark',
    version: 1,
    reference: 2,
  },
  { pattern: /^MITRE-ATTACK:(.+)$/, name: 'MITRE ATT&CK', version: 'Enterprise', reference: 1 },
];

/** Pulumi takes one framework per policy: the rule's first mapping, which rules list as their primary one. */
export function primaryFramework(frameworkIds: readonly string[]): PolicyComplianceFramework | undefined {
  const id = frameworkIds[0];
  if (!id) return undefined;
  for (const family of FAMILIES) {
    const match = family.pattern.exec(id);
    const version = typeof family.version === 'string' ? family.version : match?.[family.version];
    const reference = match?.[family.reference];
    if (match && version !== undefined && reference !== undefined) {
      return {
        name: family.name,
        version,
        reference,
        specification: FRAMEWORKS[id]?.title ?? id,
      };
    }
  }
  return undefined;
}
