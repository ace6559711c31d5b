/**
 * EKS Pod Identity in real code (test/corpus/eks-pod-identity, README.md there names the source and judges every
 * finding): aws-quickstart/cdk-eks-blueprints' `podIdentityAssociation` helper, kept byte for byte, which the
 * blueprints' Karpenter add-on calls when `podIdentity` is on. It makes a role trusted by pods.eks.amazonaws.com (the
 * trust AWS's user guide shows, written twice: `assumedBy` and a statement with sts:TagSession) and an
 * `AWS::EKS::PodIdentityAssociation` binding it to service account `<name>` of the namespace in the cluster. The
 * helper is called here as the add-on calls it, on a cluster imported by name, and the app synthesized with the CDK;
 * the template is checked with no catalog, as a new user would, through the model the CLI builds.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as eks from 'aws-cdk-lib/aws-eks';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, it } from 'vitest';
import { defaultCatalog } from '../../catalog/index.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import type { CfnTemplate } from '../../src/adapters/cloudformation/template.js';
import { runsOn } from '../../src/audit/trust.js';
import { evaluate } from '../../src/engine/index.js';
import { podIdentityAssociation } from './eks-pod-identity/pod-identity-utils.js';

/** lib/addons/karpenter/types.ts RELEASE, and the namespace karpenter-v1.ts defaults to. */
const RELEASE = 'blueprints-addon-karpenter';
const NAMESPACE = 'kube-system';

function synthesize(): CfnTemplate {
  const app = new App();
  const stack = new Stack(app, 'Blueprint', { env: { account: '111122223333', region: 'eu-west-1' } });
  const cluster = eks.Cluster.fromClusterAttributes(stack, 'Cluster', { clusterName: 'blueprint' });
  // The add-on's document is Karpenter's controller policy; one statement of it stands in, as only the trust and
  // the association are judged here.
  const document = new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({
        actions: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueUrl'],
        resources: ['arn:aws:sqs:eu-west-1:111122223333:blueprint-interruption'],
      }),
    ],
  });
  podIdentityAssociation(cluster, RELEASE, NAMESPACE, document);
  return app.synth().getStackByName('Blueprint').template as CfnTemplate;
}

describe('cdk-eks-blueprints podIdentityAssociation, synthesized as the Karpenter add-on calls it', () => {
  const template = synthesize();
  const model = modelFromTemplates([{ stack: 'Blueprint', file: 'Blueprint.template.json', template }]);
  const { findings } = evaluate(model, {
    catalog: defaultCatalog(),
    now: new Date('2026-06-01T00:00:00Z'),
    pending: 'fail-closed',
  });
  const lines = findings.map((f) => `${f.ruleId} ${f.level} ${f.resource.name} ${f.detail ?? ''}`).sort();
  const role = model.identities.find((identity) => identity.kind === 'aws-role');

  it('reports the open Pod Identity trust, advisory, naming the workload the association binds', () => {
    expect(lines).toEqual([
      'require-entitlement mandatory Clusterblueprintsaddonkarpenterrole1CB54B53 Catalog::default',
      'require-owner mandatory Clusterblueprintsaddonkarpenterrole1CB54B53 Owner::missing',
      'restrict-trust advisory Clusterblueprintsaddonkarpenterrole1CB54B53 Condition::aws:RequestTag/kubernetes-namespace',
    ]);
    const trust = findings.find((f) => f.ruleId === 'restrict-trust');
    expect(trust?.message).toBe(
      'Role Clusterblueprintsaddonkarpenterrole1CB54B53 trusts EKS Pod Identity (pods.eks.amazonaws.com) without ' +
        'conditions naming the cluster (aws:RequestTag/eks-cluster-arn), the namespace ' +
        '(aws:RequestTag/kubernetes-namespace), the service account (aws:RequestTag/kubernetes-service-account), so ' +
        'the pods of any service account, in any namespace of any cluster of the account, that a Pod Identity ' +
        'association names can take it, whoever creates the association; this change binds it to service account ' +
        'kube-system/blueprints-addon-karpenter of cluster blueprint ' +
        '(ClusterblueprintsaddonkarpenterpodidentityassociationF5009BBE). Add Condition StringEquals ' +
        'aws:RequestTag/kubernetes-namespace: kube-system and aws:RequestTag/kubernetes-service-account: ' +
        'blueprints-addon-karpenter (and aws:RequestTag/eks-cluster-arn: <the ARN of the cluster>), the session tags ' +
        'EKS Pod Identity sets, so only that workload can.',
    );
  });

  it('shows in the audit which workload runs as the role', () => {
    expect(role && runsOn(role)).toEqual([
      'eks-pod-identity ClusterblueprintsaddonkarpenterpodidentityassociationF5009BBE (service account ' +
        'kube-system/blueprints-addon-karpenter of cluster blueprint)',
    ]);
  });
});
