/**
 * The package's public API, pinned: every name each entry point exports, at run time (the ES module and CommonJS
 * builds, imported by the package's own name through `exports`) and in its declarations (what a TypeScript user can
 * import). Adding, removing or renaming an export fails here, so it is a deliberate change: update the list below and
 * README.md ("Programmatic use"). Run after `npm run build`. Everything not listed is internal; tests import it by
 * relative path.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Entry {
  /** Run-time exports: functions, classes, constants. */
  values: string[];
  /** Type-only exports: interfaces and type aliases. */
  types: string[];
}

const PUBLIC_API: Record<'entitlement-guard' | `entitlement-guard/${'cdk' | 'cdk-nag' | 'pulumi'}`, Entry> = {
  'entitlement-guard': {
    values: [
      // the catalog
      'CatalogError',
      'RULE_IDS',
      'defaultCatalog',
      'formatCatalogIssue',
      'loadCatalog',
      'parseCatalog',
      // inputs to the model
      'InputFileError',
      'ManifestError',
      'TemplateError',
      'loadManifests',
      'loadTemplates',
      'mergeModels',
      'modelFromKubernetesObjects',
      'modelFromPulumiResources',
      'modelFromTemplates',
      'parseManifests',
      'isUnknown',
      // evaluation
      'allRules',
      'evaluate',
      'isBlocking',
      'ruleById',
      // reports and the audit view
      'buildAudit',
      'formatJson',
      'formatJunit',
      'formatMarkdown',
      'formatSarif',
      'formatText',
      'renderAudit',
    ],
    types: [
      // the catalog
      'Approval',
      'AwsGrantEnvelope',
      'Catalog',
      'CatalogException',
      'CatalogIdentity',
      'CatalogIssue',
      'ClassPolicy',
      'CredentialType',
      'Entitlement',
      'ExceptionPolicy',
      'IdentityMatch',
      'IdentityProvider',
      'Owner',
      'PrivilegedAction',
      'RuleId',
      'RuleLevel',
      'TagKeys',
      'TrustedAccount',
      'TrustedOidc',
      // inputs and the model
      'AwsManagedPolicyGrant',
      'AwsPolicyGrant',
      'CfnTemplate',
      'Cloud',
      'ComputeAttachment',
      'Credential',
      'CredentialKind',
      'ExternalRoleGrant',
      'FederationProvider',
      'Grant',
      'Identity',
      'IdentityClass',
      'IdentityKind',
      'KubernetesObject',
      'Maybe',
      'Model',
      'PolicyDocument',
      'PolicyStatement',
      'PolicyValue',
      'PrincipalBlock',
      'PulumiResource',
      'ResourceRef',
      'RoleDefinition',
      'RoleGrant',
      'RolePermission',
      'Secret',
      'SecretValueAdvice',
      'TemplateInput',
      'Unknown',
      'UnseenContent',
      'UnseenKind',
      'UsageMonitor',
      // evaluation
      'EvaluateOptions',
      'EvaluationResult',
      'Finding',
      'FindingLevel',
      'Remediation',
      'Rule',
      'RuleMeta',
      'Summary',
      // reports and the audit view
      'Audit',
      'AuditFormat',
      'AuditRenderOptions',
      'JunitOptions',
      'SarifOptions',
      'TextOptions',
    ],
  },
  'entitlement-guard/cdk': {
    values: ['EntitlementGuard', 'EntitlementGuardValidation', 'ruleAcknowledgements', 'unapprovedWaivers'],
    types: ['EntitlementGuardProps', 'GuardOptions', 'RuleAcknowledgement', 'UnapprovedWaiver'],
  },
  'entitlement-guard/cdk-nag': {
    values: ['EntitlementGuardChecks', 'NAG_PACK_PREFIX'],
    types: ['EntitlementGuardChecksProps'],
  },
  'entitlement-guard/pulumi': {
    values: ['PackCatalogError', 'PackConfigError', 'createPolicyPack', 'entitlementGuardPolicies'],
    types: ['CreatePolicyPackOptions', 'EntitlementGuardOptions', 'EntitlementGuardPolicy', 'PackPolicyConfig'],
  },
};

/** The declarations each entry's `import` condition points at (package.json `exports`). */
const DECLARATIONS: Record<keyof typeof PUBLIC_API, string> = {
  'entitlement-guard': 'dist/types/src/index.d.ts',
  'entitlement-guard/cdk': 'dist/types/cdk-aspects/index.d.ts',
  'entitlement-guard/cdk-nag': 'dist/types/cdk-aspects/nag.d.ts',
  'entitlement-guard/pulumi': 'dist/types/policypack/src/index.d.ts',
};

const specifiers = Object.keys(PUBLIC_API) as (keyof typeof PUBLIC_API)[];
const sorted = (names: readonly string[]) => [...names].sort();

/**
 * Each entry's run-time export names, imported (ES modules) and required (CommonJS) in a fresh Node process. The
 * CommonJS build reads the package's own package.json by name (src/rules/docs.ts); from dist/cjs, whose package.json
 * only says `"type": "commonjs"`, Node finds it where an installed package is found, in node_modules, which this
 * checkout does not have: NODE_PATH names a directory holding the package under its name instead.
 */
function runtimeExports(): Record<'import' | 'require', Record<string, string[]>> {
  const modules = mkdtempSync(join(tmpdir(), 'eg-public-api-'));
  symlinkSync(ROOT, join(modules, 'entitlement-guard'));
  const script = `
    import { createRequire } from 'node:module';
    const require = createRequire(${JSON.stringify(`${ROOT}package.json`)});
    const specifiers = ${JSON.stringify(specifiers)};
    const out = { import: {}, require: {} };
    for (const specifier of specifiers) {
      out.import[specifier] = Object.keys(await import(specifier)).sort();
      out.require[specifier] = Object.keys(require(specifier)).sort();
    }
    console.log(JSON.stringify(out));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: modules },
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as Record<'import' | 'require', Record<string, string[]>>;
}

/** Each entry's declared exports as TypeScript resolves them, split into values and types. */
function declaredExports(): Record<string, Entry> {
  const files = specifiers.map((specifier) => `${ROOT}${DECLARATIONS[specifier]}`);
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    noLib: true,
    types: [],
  };
  // Only our own declarations are read: what an export is (a value or a type) is said there, and reading the
  // peers' (aws-cdk-lib's thousands of files) would only slow this down.
  const host = ts.createCompilerHost(options);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => !file.includes('/node_modules/') && fileExists(file);
  const program = ts.createProgram(files, options, host);
  const checker = program.getTypeChecker();
  const declared: Record<string, Entry> = {};
  specifiers.forEach((specifier, index) => {
    const source = program.getSourceFile(files[index]!);
    const module = source && checker.getSymbolAtLocation(source);
    if (module === undefined) throw new Error(`no declarations for ${specifier} at ${files[index]!}`);
    const entry: Entry = { values: [], types: [] };
    for (const symbol of checker.getExportsOfModule(module)) {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      (target.flags & ts.SymbolFlags.Value ? entry.values : entry.types).push(symbol.name);
    }
    declared[specifier] = { values: sorted(entry.values), types: sorted(entry.types) };
  });
  return declared;
}

describe('public API', () => {
  it('each entry exports exactly its listed names at run time, the same as ES module and as CommonJS', () => {
    const { import: imported, require: required } = runtimeExports();
    for (const specifier of specifiers) {
      expect({ specifier, names: imported[specifier] }).toEqual({
        specifier,
        names: sorted(PUBLIC_API[specifier].values),
      });
      expect({ specifier, names: required[specifier] }).toEqual({
        specifier,
        names: sorted(PUBLIC_API[specifier].values),
      });
    }
  });

  it("each entry's declarations export exactly its listed values and types", () => {
    const declared = declaredExports();
    for (const specifier of specifiers) {
      expect({ specifier, ...declared[specifier] }).toEqual({
        specifier,
        values: sorted(PUBLIC_API[specifier].values),
        types: sorted(PUBLIC_API[specifier].types),
      });
    }
  }, 120_000);
});
