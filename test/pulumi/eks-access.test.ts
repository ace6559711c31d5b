/**
 * EKS access in a Pulumi program (adapters/aws/eks-access.ts, iam/aws/eks-access-grants.ts): run under the SDK's mocks
 * as `pulumi up` plans it, an access entry, an access policy association and the aws-auth ConfigMap that name the
 * stack's role give the role their Kubernetes grants, judged against examples/catalog.yaml as the role's own bindings;
 * as `pulumi preview` plans it, the role's ARN is unknown, and each one that waits for the role is the role's grant,
 * the ConfigMap's not verifiable until apply.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCatalog } from '../../catalog/index.js';
import { programFindings } from './support/program-findings.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
const CATALOG = parseCatalog(readFileSync(path('../../examples/catalog.yaml'), 'utf8'), 'examples/catalog.yaml');
const findingsIn = programFindings(path('./programs/eks-access.ts'), CATALOG);

function verdicts(mode: 'update' | 'preview') {
  return findingsIn(mode)
    .filter((finding) => finding.ruleId !== 'exception-expiry')
    .map(
      (f) =>
        `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}${f.identity ? ` @${f.identity.slice(f.identity.lastIndexOf(':') + 1)}` : ''}${f.pending ? ' pending' : ''}`,
    )
    .sort();
}

describe('EKS access in a Pulumi program', () => {
  it('gives the stack’s role its Kubernetes grants once the role’s ARN is known (pulumi up)', () => {
    expect(verdicts('update')).toEqual([
      'no-wildcard-privilege mandatory paymentsEdit Role::AmazonEKSEditPolicy/Route::impersonate @payments',
      'no-wildcard-privilege mandatory paymentsEdit Role::AmazonEKSEditPolicy/Route::pod-create @payments',
      'no-wildcard-privilege mandatory paymentsEdit Role::AmazonEKSEditPolicy/Route::pod-exec @payments',
      'no-wildcard-privilege mandatory paymentsEdit Role::AmazonEKSEditPolicy/Route::token-create @payments',
      'no-wildcard-privilege mandatory paymentsMasters Role::cluster-admin @payments',
      // The ConfigMap maps the role to payments-viewers, which the stack's RoleBinding binds to view in payments.
      'require-entitlement mandatory awsAuth Role::view@namespace/payments @payments',
      'require-entitlement mandatory paymentsEdit Role::AmazonEKSEditPolicy@namespace/payments @payments',
      'require-entitlement mandatory paymentsMasters Role::cluster-admin@cluster @payments',
    ]);
  });

  it('gives the role the grants that wait for it while its ARN is unknown (pulumi preview)', () => {
    expect(verdicts('preview')).toEqual([
      // mapRoles is computed from the role's ARN: which groups it maps the role to is known at apply.
      'no-wildcard-privilege advisory awsAuth Role::unknown @payments pending',
      'no-wildcard-privilege mandatory paymentsEdit Role::AmazonEKSEditPolicy/Route::impersonate @payments',
      'no-wildcard-privilege mandatory paymentsEdit Role::AmazonEKSEditPolicy/Route::pod-create @payments',
      'no-wildcard-privilege mandatory paymentsEdit Role::AmazonEKSEditPolicy/Route::pod-exec @payments',
      'no-wildcard-privilege mandatory paymentsEdit Role::AmazonEKSEditPolicy/Route::token-create @payments',
      'no-wildcard-privilege mandatory paymentsMasters Role::cluster-admin @payments',
      'require-entitlement advisory awsAuth Grant::unknown @payments pending',
      'require-entitlement mandatory paymentsEdit Role::AmazonEKSEditPolicy@namespace/payments @payments',
      'require-entitlement mandatory paymentsMasters Role::cluster-admin@cluster @payments',
    ]);
  });
});
