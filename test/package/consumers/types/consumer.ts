// Every subpath export, used with its types: the file is type-checked under each module setting (types/*/tsconfig.*.json).
import { App, Aspects, Stack, Validations } from 'aws-cdk-lib';
import { loadCatalog, type Catalog, type Finding } from 'entitlement-guard';
import { EntitlementGuard, EntitlementGuardValidation, type EntitlementGuardProps } from 'entitlement-guard/cdk';
import { EntitlementGuardChecks } from 'entitlement-guard/cdk-nag';
import { createPolicyPack, entitlementGuardPolicies } from 'entitlement-guard/pulumi';

export function guardApp(catalogFile: string): App {
  const catalog: Catalog = loadCatalog(catalogFile);
  const app = new App();
  new Stack(app, 'Consumer');
  const props: EntitlementGuardProps = { catalog };
  Aspects.of(app).add(new EntitlementGuard(props));
  Validations.of(app).addPlugins(
    new EntitlementGuardValidation({ catalog }),
    new EntitlementGuardChecks(app, { catalog }),
  );
  return app;
}

export function orgPack(): void {
  createPolicyPack({ name: 'example-co-entitlements', catalog: 'catalog.yaml' });
}

export const policyNames: string[] = entitlementGuardPolicies({}).map((policy) => policy.name);
export const ruleOf = (finding: Finding): string => finding.ruleId;
