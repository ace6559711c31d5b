/**
 * A cloud assembly (cdk.out) is read through its manifest: the files the manifest names as the CDK's own output are
 * the template loader's alone, and the readers that tell Terraform plans, Pulumi stack exports and Kubernetes
 * manifests apart by their content do not read them (a 100,000-resource cdk.out holds 48 MB of templates). A JSON
 * file the manifest does not name is still looked at by each of them, as in any other directory.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloudAssemblyOwnFiles } from '../../src/adapters/cloudformation/load.js';
import { kubernetesManifestFiles } from '../../src/adapters/kubernetes/load.js';
import { loadPlanAndStateFiles } from '../../src/adapters/plan-and-state.js';
import { runCheck } from '../../src/cli/check.js';

const PLAN = join(import.meta.dirname, '../corpus/checkov-terraform/iam-policies-group-user-role.json');

const TEMPLATE = {
  Resources: {
    Admin: {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'assembly-admin',
        AssumeRolePolicyDocument: {
          Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
        },
        Policies: [
          {
            PolicyName: 'all',
            PolicyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
          },
        ],
      },
    },
  },
};

const SECRET_MANIFEST = {
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'db', namespace: 'payments' },
  stringData: { password: 'hunter2' },
};

const MANIFEST = {
  version: '36.0.0',
  artifacts: {
    'App.assets': { type: 'cdk:asset-manifest', properties: { file: 'App.assets.json' } },
    App: {
      type: 'aws:cloudformation:stack',
      displayName: 'App',
      properties: { templateFile: 'App.template.json', additionalMetadataFile: 'App.metadata.json' },
    },
    Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } },
  },
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'eg-assembly-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  writeFileSync(join(dir, 'App.template.json'), JSON.stringify(TEMPLATE));
  writeFileSync(join(dir, 'App.assets.json'), JSON.stringify({ version: '36.0.0', files: {}, dockerImages: {} }));
  writeFileSync(join(dir, 'App.metadata.json'), JSON.stringify({ '/App': [] }));
  writeFileSync(join(dir, 'tree.json'), JSON.stringify({ version: 'tree-0.1', tree: { id: 'App', path: 'App' } }));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('cloudAssemblyOwnFiles: the files a cloud assembly manifest names as its own', () => {
  it('names the manifest, stack templates, asset manifests, the tree and stack metadata, and nothing else', () => {
    writeFileSync(join(dir, 'extra.json'), '{}');
    expect([...cloudAssemblyOwnFiles(dir)].sort()).toEqual(
      ['App.assets.json', 'App.metadata.json', 'App.template.json', 'manifest.json', 'tree.json']
        .map((file) => join(dir, file))
        .sort(),
    );
  });

  it('names nothing where there is no manifest, or none the loader can read (the template loader reports it)', () => {
    rmSync(join(dir, 'manifest.json'));
    expect(cloudAssemblyOwnFiles(dir).size).toBe(0);
    writeFileSync(join(dir, 'manifest.json'), '{"artifacts": ');
    expect(cloudAssemblyOwnFiles(dir).size).toBe(0);
    writeFileSync(join(dir, 'manifest.json'), '{"artifacts": []}');
    expect(cloudAssemblyOwnFiles(dir).size).toBe(0);
  });
});

describe('the content probes leave a cloud assembly’s own files to the template loader', () => {
  it('reads no file the manifest names as a plan or a Kubernetes manifest, whatever it holds', () => {
    // Files the manifest names, holding what the probes look for: they are still not the probes' to read.
    copyFileSync(PLAN, join(dir, 'App.assets.json'));
    writeFileSync(join(dir, 'tree.json'), JSON.stringify(SECRET_MANIFEST));
    const own = cloudAssemblyOwnFiles(dir);
    expect(loadPlanAndStateFiles(dir, undefined, own).files).toEqual([]);
    expect(kubernetesManifestFiles(dir, own)).toEqual([]);
    // Without the assembly's files set aside, both would read them.
    expect(loadPlanAndStateFiles(dir).files).toEqual([join(dir, 'App.assets.json')]);
    expect(kubernetesManifestFiles(dir)).toEqual([join(dir, 'tree.json')]);
  });

  it('still reads a plan and a manifest the manifest does not name, beside the stack it does', () => {
    copyFileSync(PLAN, join(dir, 'plan.json'));
    writeFileSync(join(dir, 'secret.json'), JSON.stringify(SECRET_MANIFEST));
    const checked = runCheck({ paths: [dir], format: 'json', cwd: dir, toolVersion: 'test' });
    expect(checked.errors).toEqual([]);
    const findings = (JSON.parse(checked.output) as { findings: { ruleId: string; resource: { file?: string } }[] })
      .findings;
    const files = new Set(findings.map((finding) => finding.resource.file));
    expect([...files].sort()).toEqual(['App.template.json', 'plan.json', 'secret.json']);
    expect(
      findings.filter((finding) => finding.resource.file === 'App.template.json').map((finding) => finding.ruleId),
    ).toContain('no-wildcard-privilege');
    expect(
      findings.filter((finding) => finding.resource.file === 'secret.json').map((finding) => finding.ruleId),
    ).toEqual(['no-long-lived-credentials', 'require-owner']);
  });
});
