import type { PolicyComplianceFramework } from '@pulumi/policy';
import { FRAMEWORKS } from '../../src/rules/frameworks.js';

/** Framework ids as rules cite them, split into what Pulumi's `framework` field holds. */
const FAMILIES: {
  pattern: RegExp;
  name: string;
  version: (m: RegExpMatchArray) => string;
  reference: (m: RegExpMatchArray) => string;
}[] = [
  {
    pattern: /^OWASP-(NHI\d+):(\d{4})$/,
    name: 'OWASP Non-Human Identities Top 10',
    version: (m) => m[2],
    reference: (m) => m[1],
  },
  {
    pattern: /^NIST-CSF-([\d.]+):(.+)$/,
    name: 'NIST Cybersecurity Framework',
    version: (m) => m[1],
    reference: (m) => m[2],
  },
  {
    pattern: /^CIS-AWS-([\d.]+):(.+)$/,
    name: 'CIS Amazon Web Services Foundations Benchmark',
    version: (m) => m[1],
    reference: (m) => m[2],
  },
  { pattern: /^MITRE-ATTACK:(.+)$/, name: 'MITRE ATT&CK', version: () => 'Enterprise', reference: (m) => m[1] },
];

/** Pulumi takes one framework per policy: the rule's first mapping, which rules list as their primary one. */
export function primaryFramework(frameworkIds: readonly string[]): PolicyComplianceFramework | undefined {
  const id = frameworkIds[0];
  if (!id) return undefined;
  for (const family of FAMILIES) {
    const match = id.match(family.pattern);
    if (match) {
      return {
        name: family.name,
        version: family.version(match),
        reference: family.reference(match),
        specification: FRAMEWORKS[id]?.title ?? id,
      };
    }
  }
  return undefined;
}
