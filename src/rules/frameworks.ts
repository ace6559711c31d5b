/**
 * The framework controls rules may map to, each with its title as the source states it and where it is stated.
 * A rule may only cite an id listed here (a test checks it), so a mapping is checked once, against its source.
 */
export interface FrameworkControl {
  title: string;
  source: string;
}

const OWASP_NHI = 'https://owasp.org/www-project-non-human-identities-top-10/2025/top-10-2025/';
const NIST_CSF_2 = 'https://nvlpubs.nist.gov/nistpubs/CSWP/NIST.CSWP.29.pdf';
const CIS_AWS_3 = 'https://www.cisecurity.org/benchmark/amazon_web_services';

export const FRAMEWORKS: Record<string, FrameworkControl> = {
  'OWASP-NHI1:2025': { title: 'Improper Offboarding', source: OWASP_NHI },
  'OWASP-NHI2:2025': { title: 'Secret Leakage', source: OWASP_NHI },
  'OWASP-NHI3:2025': { title: 'Vulnerable Third-Party NHI', source: OWASP_NHI },
  'OWASP-NHI4:2025': { title: 'Insecure Authentication', source: OWASP_NHI },
  'OWASP-NHI5:2025': { title: 'Overprivileged NHI', source: OWASP_NHI },
  'OWASP-NHI6:2025': { title: 'Insecure Cloud Deployment Configurations', source: OWASP_NHI },
  'OWASP-NHI7:2025': { title: 'Long-Lived Secrets', source: OWASP_NHI },
  'OWASP-NHI8:2025': { title: 'Environment Isolation', source: OWASP_NHI },
  'OWASP-NHI9:2025': { title: 'NHI Reuse', source: OWASP_NHI },
  'OWASP-NHI10:2025': { title: 'Human Use of NHI', source: OWASP_NHI },
  'NIST-CSF-2.0:PR.AA-01': {
    title: 'Identities and credentials for authorized users, services, and hardware are managed by the organization',
    source: NIST_CSF_2,
  },
  'NIST-CSF-2.0:PR.AA-03': { title: 'Users, services, and hardware are authenticated', source: NIST_CSF_2 },
  'NIST-CSF-2.0:PR.AA-05': {
    title:
      'Access permissions, entitlements, and authorizations are defined in a policy, managed, enforced, and reviewed, and incorporate the principles of least privilege and separation of duties',
    source: NIST_CSF_2,
  },
  'CIS-AWS-3.0:1.4': { title: "Ensure no 'root' user account access key exists", source: CIS_AWS_3 },
  'CIS-AWS-3.0:1.14': { title: 'Ensure access keys are rotated every 90 days or less', source: CIS_AWS_3 },
  'CIS-AWS-3.0:1.15': { title: 'Ensure IAM users receive permissions only through groups', source: CIS_AWS_3 },
  'CIS-AWS-3.0:1.16': {
    title: 'Ensure IAM policies that allow full "*:*" administrative privileges are not attached',
    source: CIS_AWS_3,
  },
  'MITRE-ATTACK:T1098.001': {
    title: 'Account Manipulation: Additional Cloud Credentials',
    source: 'https://attack.mitre.org/techniques/T1098/001/',
  },
  'MITRE-ATTACK:T1098.003': {
    title: 'Account Manipulation: Additional Cloud Roles',
    source: 'https://attack.mitre.org/techniques/T1098/003/',
  },
  'MITRE-ATTACK:T1078.004': {
    title: 'Valid Accounts: Cloud Accounts',
    source: 'https://attack.mitre.org/techniques/T1078/004/',
  },
  'MITRE-ATTACK:T1552': { title: 'Unsecured Credentials', source: 'https://attack.mitre.org/techniques/T1552/' },
  'MITRE-ATTACK:T1552.001': {
    title: 'Unsecured Credentials: Credentials In Files',
    source: 'https://attack.mitre.org/techniques/T1552/001/',
  },
  'MITRE-ATTACK:T1548.005': {
    title: 'Abuse Elevation Control Mechanism: Temporary Elevated Cloud Access',
    source: 'https://attack.mitre.org/techniques/T1548/005/',
  },
};
