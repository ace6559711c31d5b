import { createRequire } from 'node:module';
import type { Cloud, PlainCredential, PlainCredentialKind, ResourceRef } from '../model/model.js';

/**
 * Credentials recognized in values a resource's configuration holds in plain text (a function's or container's
 * environment, a VM's user data), shared by every front-end's adapter so they agree. Only formats a credential
 * issuer documents are recognized in free text: a generic "long random string" test (checkov's 40-character AWS
 * secret pattern, checkov/common/util/secrets.py) matches hashes, ids and base64 data too, and a finding that cries
 * wolf is waived and then ignored.
 */
const TEXT_FORMATS: readonly { kind: PlainCredentialKind; pattern: RegExp }[] = [
  // AWS access key ids: AKIA long-term, ASIA temporary (IAM User Guide, "Reference: IAM identifiers", unique ID
  // prefixes). AIDA, AROA and the like are ids of users and roles, not credentials, so they are left out.
  { kind: 'access-key', pattern: /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/ },
  // A secret access key assigned to the name the AWS CLI and SDKs read it from (AWS_SECRET_ACCESS_KEY,
  // aws_secret_access_key in a credentials file): 40 characters of base64 (IAM User Guide, "Managing access keys").
  { kind: 'access-key', pattern: /aws_secret_access_key["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/i },
  // PEM private keys of every algorithm (RFC 7468: PRIVATE KEY, ENCRYPTED PRIVATE KEY; RSA, EC, DSA, OPENSSH).
  { kind: 'private-key', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----/ },
  // GitHub tokens (GitHub Docs, "About authentication to GitHub", GitHub's token formats): ghp_ personal, gho_ OAuth,
  // ghu_ user-to-server, ghs_ server-to-server, ghr_ refresh, github_pat_ fine-grained.
  { kind: 'token', pattern: /(?<![A-Za-z0-9_])gh[pousr]_[A-Za-z0-9]{36}(?![A-Za-z0-9])/ },
  { kind: 'token', pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9_]{22,}/ },
  // Slack tokens (Slack API docs, "Token types": xoxb- bot, xoxp- user, xoxa-/xoxr- app and refresh, xoxs-) and
  // incoming webhook URLs, whose path is the credential (Slack API docs, "Sending messages using incoming webhooks").
  { kind: 'token', pattern: /(?<![A-Za-z0-9])xox[abprs]-[A-Za-z0-9-]{10,}/ },
  { kind: 'token', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]+/ },
  // Stripe live secret and restricted keys (Stripe docs, "API keys": sk_live_, rk_live_); test keys move no money.
  { kind: 'token', pattern: /(?<![A-Za-z0-9])[rs]k_live_[A-Za-z0-9]{20,}/ },
];

/** What replaces an AWS access key in a workload's configuration, in every front-end. */
export const ACCESS_KEY_ADVICE =
  'Remove the key and let the workload use its IAM role (execution role, task role, instance profile)';

/**
 * The plain credentials one resource writes out, as an adapter finds them: one per kind (and, apart, per value the
 * program may have set), each place once, in the order found. On AWS an access key's advice is always to use the
 * workload's role; another cloud's VM has no IAM role to give way to, so its adapter's advice stands. The resource's
 * reference is made only when a credential is found: most resources hold none.
 */
export class ResourceCredentials {
  private readonly byKind = new Map<string, PlainCredential>();
  private source: ResourceRef | undefined;

  constructor(
    private readonly cloud: Cloud,
    private readonly sourceOf: () => ResourceRef,
  ) {}

  add(kind: PlainCredentialKind, place: string, keepOut: string, valueInProgram = false): void {
    const key = valueInProgram ? `${kind}?` : kind;
    const entry = this.byKind.get(key);
    if (entry) {
      if (!entry.places.includes(place)) entry.places.push(place);
      return;
    }
    this.byKind.set(key, {
      cloud: this.cloud,
      kind,
      source: (this.source ??= this.sourceOf()),
      places: [place],
      keepOut: this.cloud === 'aws' && kind === 'access-key' ? ACCESS_KEY_ADVICE : keepOut,
      ...(valueInProgram ? { valueInProgram: true } : {}),
    });
  }

  get found(): PlainCredential[] {
    return [...this.byKind.values()];
  }
}

/** The kinds of credential free text holds by a documented format, each once, in the order of TEXT_FORMATS. */
export function credentialsInText(text: string): PlainCredentialKind[] {
  const kinds = new Set<PlainCredentialKind>();
  for (const { kind, pattern } of TEXT_FORMATS) if (pattern.test(text)) kinds.add(kind);
  return [...kinds];
}

/**
 * What an environment variable holds: a credential of a documented format in its value, else, when its name says it
 * holds a secret (its last word is PASSWORD, TOKEN, SECRET, or KEY after API, ACCESS, SECRET, PRIVATE or AUTH), a
 * value that is plainly one (literalSecretValue). Names that end in ARN, NAME, ID, PATH, URL and the like point at a
 * secret rather than hold it, so they are left alone, as are placeholders and references.
 */
export function credentialInVariable(name: string, value: string): PlainCredentialKind | undefined {
  const [format] = credentialsInText(value);
  if (format !== undefined) return format;
  const kind = secretKindOfName(name);
  // A secret access key is 40 characters of base64, slashes included, which the name-shape test below would read as a path.
  if (kind === 'access-key' && /^[A-Za-z0-9/+=]{40}$/.test(value.trim())) return kind;
  return kind !== undefined && literalSecretValue(value) ? kind : undefined;
}

const KEY_QUALIFIERS = new Set(['API', 'ACCESS', 'SECRET', 'PRIVATE', 'AUTH']);

function secretKindOfName(name: string): PlainCredentialKind | undefined {
  // DB_PASSWORD, dbPassword, db-password all split into DB PASSWORD.
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  const last = words.at(-1);
  const before = words.at(-2);
  if (last === 'PASSWORD' || last === 'PASSWD' || last === 'PWD') return 'password';
  if (last === 'TOKEN' || last === 'APITOKEN') return 'token';
  if (last === 'SECRET' || last === 'APIKEY') return 'secret';
  if (last === 'KEY' && before !== undefined && KEY_QUALIFIERS.has(before))
    return before === 'ACCESS' && words.at(-3) === 'SECRET' ? 'access-key' : 'secret';
  return undefined;
}

/** Words that stand for a value yet to be written, not a value. */
const PLACEHOLDERS =
  /^(?:todo|tbd|none|null|nil|undefined|empty|n\/a|na|replace[-_ ]?me|change[-_ ]?me|placeholder|dummy|example|secret|password|token|redacted|unset|default)$/i;

/**
 * Whether a value under a secret's name is the secret itself, conservatively: not empty, a number, a boolean, a
 * placeholder (`<your-token>`, `${TOKEN}`, `changeme`, `xxxxxxxx`), a reference (an ARN, a dynamic reference, an SSM
 * parameter path, a URL) or a name of the lowercase, dashed or slashed shape secret and parameter names have
 * (`prod/db-credentials`, `my-app-token`): those point at a secret kept elsewhere, or stand for one to be set.
 */
export function literalSecretValue(raw: string): boolean {
  const value = raw.trim();
  if (value.length < 6) return false;
  if (/^-?\d+(?:\.\d+)?$/.test(value) || /^(?:true|false|yes|no)$/i.test(value)) return false;
  if (PLACEHOLDERS.test(value) || /^(.)\1*$/.test(value)) return false;
  if (/\$\{|\{\{|\$\(|%[A-Z_]+%/.test(value) || /^<.*>$/.test(value)) return false;
  if (/^(?:arn:|ssm:|secretsmanager:|\/|https?:\/\/|s3:\/\/)/i.test(value)) return false;
  if (/^[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.+=@-]+)+$/.test(value)) return false;
  if (/^[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)+$/.test(value)) return false;
  return true;
}

/**
 * Whether a value a password property holds is a password written out: any non-empty string but a dynamic reference
 * to a secret store (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`) and the booleans a setting named
 * `…Password` takes (`ManageMasterUserPassword: "true"`). A password property holds a credential by definition, so no
 * shape test applies.
 */
export function literalPassword(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  return text !== '' && !text.includes('{{resolve:') && !/^(?:true|false)$/i.test(text);
}

/**
 * The text base64 holds, where a value is base64 of text (user data and custom data are taken so, and many are written
 * so): undefined for a value that is no base64, or whose bytes are no text. Base64 of gzip is decompressed first:
 * cloud-init takes gzip-compressed user data, and Terraform's `cloudinit_config` renders its parts gzipped and base64
 * encoded unless told not to (hashicorp/cloudinit, `gzip` and `base64_encode` default to true).
 */
export function decodedBase64Text(text: string): string | undefined {
  const compact = text.replace(/\s+/g, '');
  if (compact.length < 8 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact)) return undefined;
  const decoded = gunzippedOrAsIs(Buffer.from(compact, 'base64'))?.toString('utf8');
  if (decoded === undefined) return undefined;
  // Text that only looks like base64 decodes to bytes that are no text.
  return /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/.test(decoded) && !decoded.includes('\ufffd') ? decoded : undefined;
}

/** The largest start-up text a gzip is inflated to: EC2 takes 16 KB of user data, Azure 64 KB of custom data. */
const MAX_INFLATED_BYTES = 1024 * 1024;

/** The bytes inflated where they are a gzip stream (its magic number 1f 8b), else as they are; undefined for a broken one. */
function gunzippedOrAsIs(bytes: Buffer): Buffer | undefined {
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  try {
    return zlib().gunzipSync(bytes, { maxOutputLength: MAX_INFLATED_BYTES });
  } catch {
    return undefined;
  }
}

let loadedZlib: typeof import('node:zlib') | undefined;

/**
 * node:zlib, loaded on the first gzip-compressed user data rather than on import: the engine every front-end loads
 * imports this module, and most changes hold no compressed start-up text (issue 23: what a CDK synth loads it pays for).
 */
function zlib(): typeof import('node:zlib') {
  return (loadedZlib ??= createRequire(import.meta.url)('node:zlib') as typeof import('node:zlib'));
}

/**
 * The credentials a VM's start-up text holds (Azure custom data and user data, a Google Cloud startup script), each
 * text read as written and, where it is base64 of text, decoded.
 */
export function credentialsInStartupText(texts: readonly string[]): PlainCredentialKind[] {
  return credentialsInText(
    texts
      .flatMap((text) => {
        const decoded = decodedBase64Text(text);
        return decoded === undefined ? [text] : [text, decoded];
      })
      .join('\n'),
  );
}

/** How each cloud keeps a value out of a VM's start-up text, in words every front-end shares. */
export const STARTUP_TEXT_ADVICE = {
  azure:
    "Keep the value in Key Vault and read it at run time with the VM's managed identity, instead of writing it in " +
    'custom data or user data',
  gcp:
    "Keep the value in Secret Manager and read it at run time with the VM's service account, instead of writing it " +
    'in instance metadata',
} as const;
