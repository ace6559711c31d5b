/**
 * Public EKS clusters, end to end through the CLI (test/corpus/eks-clusters, README.md there: source commit and path of
 * each file, licence, every finding judged): bridgecrewio/checkov's CloudFormation fixtures of its EKS secrets
 * encryption check and its Terraform plan fixtures that create `aws_eks_cluster`, copied verbatim. None writes an
 * access configuration, so each cluster makes whoever deploys it a cluster administrator (EKS's default): one
 * no-wildcard-privilege finding per cluster, on the cluster. Before, every file passed (exit 0, no finding).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCorpusFile, findingLines as lines } from './support/cli-check.js';

const CORPUS = join(import.meta.dirname, 'eks-clusters');
const check = (file: string) => checkCorpusFile(CORPUS, file);
const creatorAdmin = (resource: string) => `no-wildcard-privilege mandatory ${resource} Cluster::creator-admin`;

describe("checkov's EKS fixtures through `entitlement-guard check`", () => {
  it('EKSSecretEncryption-FAILED.yml: 2 clusters, 2 findings, both right; exit 1', () => {
    const { exitCode, errors, findings } = check('EKSSecretEncryption-FAILED.yml');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([creatorAdmin('Resource0'), creatorAdmin('Resource1')]);
    expect(findings[0]?.message).toBe(
      'EKS cluster prod (Resource0) makes the IAM principal that deploys the change (a deployment role, or whoever runs ' +
        'the deployment) a cluster administrator because AccessConfig.BootstrapClusterCreatorAdminPermissions is not ' +
        'set and EKS defaults it to true: EKS gives the IAM principal that creates the cluster an access entry with ' +
        'AmazonEKSClusterAdminPolicy (system:masters under the CONFIG_MAP authentication mode), Kubernetes ' +
        'cluster-admin outside the catalog: no access entry of the change shows it, no catalog identity records it ' +
        'and no owner holds it. Set AccessConfig.BootstrapClusterCreatorAdminPermissions to false and grant cluster ' +
        'administration through access entries to catalog identities.',
    );
  });

  it('EKSSecretEncryption-PASSED.yml: 1 cluster, 1 finding, right; exit 1', () => {
    const { exitCode, errors, findings } = check('EKSSecretEncryption-PASSED.yml');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([creatorAdmin('myCluster')]);
  });

  it('clusters-in-nested-modules-format-0.1.json: 3 clusters in child modules, 3 findings, all right; exit 1', () => {
    const { exitCode, errors, findings } = check('clusters-in-nested-modules-format-0.1.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual(
      ['a', 'b', 'c'].map((m) => creatorAdmin(`module.child_0.module.child_1_${m}.aws_eks_cluster.cluster`)),
    );
    expect(findings[0]?.message).toContain(
      'because access_config.bootstrap_cluster_creator_admin_permissions is not set and EKS defaults it to true',
    );
  });

  it('cluster-and-data-source-in-modules-format-0.1.json: the cluster, not the data source read; exit 1', () => {
    const { exitCode, errors, findings } = check('cluster-and-data-source-in-modules-format-0.1.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([creatorAdmin('module.child.module.a.aws_eks_cluster.cluster')]);
  });

  it('cluster-root-module-format-0.1.json: 1 cluster, 1 finding, right; exit 1', () => {
    const { exitCode, errors, findings } = check('cluster-root-module-format-0.1.json');
    expect([exitCode, errors]).toEqual([1, []]);
    expect(lines(findings)).toEqual([creatorAdmin('aws_eks_cluster.cluster')]);
  });
});
