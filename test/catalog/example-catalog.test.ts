/** examples/catalog.yaml is what the demo and the CDK/Pulumi examples run against: it must load and say what they rely on. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../catalog/index.js';

const catalog = loadCatalog('examples/catalog.yaml');
/** ISO dates order as strings; an exception is valid through its expiry day. */
const TODAY = '2026-11-26';

describe('examples/catalog.yaml', () => {
  it('loads as a real catalog, named by its path', () => {
    expect(catalog.isDefault).toBe(false);
    expect(catalog.source).toBe('examples/catalog.yaml');
    expect(catalog.apiVersion).toBe('entitlement-guard/v1');
  });

  it('points editors at the schema', () => {
    expect(readFileSync('examples/catalog.yaml', 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../catalog/entitlement-catalog.schema.json',
    );
  });

  it('has the five teams of Example Co', () => {
    expect(catalog.owners.map((owner) => owner.id)).toEqual([
      'team-platform',
      'team-payments',
      'team-data',
      'team-security',
      'team-ml',
    ]);
  });

  it('holds the identities the examples deploy, with every class used', () => {
    const byId = Object.fromEntries(catalog.identities.map((identity) => [identity.id, identity]));
    expect(byId['payments-api']).toMatchObject({
      match: { name: 'payments-api-*' },
      owner: 'team-payments',
      class: 'service',
    });
    // One workload on three clouds: one match per cloud.
    expect(byId['ci-deployer']).toMatchObject({
      matches: [
        { cloud: 'aws', name: 'ci-deployer' },
        { cloud: 'gcp', name: 'ci-deployer@*.iam.gserviceaccount.com' },
        { cloud: 'kubernetes', name: 'system:serviceaccount:*:ci-deployer' },
      ],
      owner: 'team-platform',
      class: 'workload',
    });
    expect(byId['ci-deployer']!.match).toBeUndefined();
    expect(byId['report-agent']).toMatchObject({
      match: { name: 'report-agent*' },
      owner: 'team-ml',
      class: 'agent',
      expires: '2027-03-31',
    });
    expect(byId['break-glass-admin']).toMatchObject({
      match: { name: 'break-glass-admin' },
      owner: 'team-security',
      class: 'break-glass',
    });
    expect(byId['legacy-sftp-sync']).toMatchObject({
      match: { name: 'legacy-sftp-sync' },
      owner: 'team-data',
      class: 'service',
    });
    expect(byId['alice-admin']).toEqual({
      id: 'alice-admin',
      owner: 'team-platform',
      class: 'human',
      entitlements: ['deploy-admin', 'security-audit'],
    });
    expect(new Set(catalog.identities.map((identity) => identity.class))).toEqual(
      new Set(['human', 'service', 'workload', 'agent', 'break-glass']),
    );
  });

  it('scopes payments-read to the payments tables', () => {
    expect(catalog.entitlements.find((e) => e.id === 'payments-read')).toEqual({
      id: 'payments-read',
      description: 'Read payment records',
      classes: ['service', 'workload', 'agent'],
      privileged: false,
      aws: [{ actions: ['dynamodb:GetItem', 'dynamodb:Query'], resources: ['arn:aws:dynamodb:*:*:table/payments-*'] }],
    });
  });

  it('makes deploy-admin privileged, approved by platform for at most 1 hour (a workload session), granted through the access broker', () => {
    const deployAdmin = catalog.entitlements.find((e) => e.id === 'deploy-admin');
    expect(deployAdmin).toMatchObject({
      privileged: true,
      classes: ['human', 'workload'],
      approval: {
        by: ['team-platform'],
        maxDurationSeconds: 3600,
        via: ['arn:aws:iam::444455556666:role/access-broker'],
      },
    });
  });

  it('declares the MFA-enforcing identity provider and the exception policy', () => {
    expect(catalog.trust.identityProviders).toEqual([
      {
        provider: 'arn:aws:iam::*:saml-provider/ExampleIdP',
        enforcesMfa: true,
        description: 'Corporate SAML identity provider (phishing-resistant MFA on every sign-in)',
      },
    ]);
    expect(catalog.exceptionPolicy).toEqual({
      maxLifetimeDays: 365,
      maxTargets: 3,
      approvers: ['security-lead@example.com'],
    });
    expect(catalog.classes['break-glass'].monitored).toBe(true);
  });

  it('tightens classes over the defaults and keeps the rest', () => {
    expect(catalog.classes.human).toEqual({
      maxSessionSeconds: 8 * 3600,
      credentials: ['federated'],
      standingPrivilege: false,
      federated: true,
      mfa: true,
    });
    expect(catalog.classes.agent).toEqual({
      maxSessionSeconds: 30 * 60,
      credentials: ['workload-identity'],
      standingPrivilege: false,
    });
    expect(catalog.classes.service.maxSecretAgeDays).toBe(60);
    expect(catalog.classes['break-glass']).toMatchObject({
      isolated: true,
      standingPrivilege: true,
      maxSessionSeconds: 3600,
    });
  });

  it('trusts two accounts and GitHub OIDC for named repositories only', () => {
    expect(catalog.trust.accounts.map((account) => [account.id, account.owner])).toEqual([
      ['111122223333', 'team-platform'],
      ['444455556666', 'team-security'],
    ]);
    expect(catalog.trust.oidc).toEqual([
      {
        issuer: 'token.actions.githubusercontent.com',
        subjects: [
          'repo:example-co/payments:ref:refs/heads/main',
          'repo:example-co/platform-infra:environment:production',
        ],
        audiences: ['sts.amazonaws.com'],
      },
    ]);
  });

  it('has one exception still valid on 2026-11-26 and one expired, which loads (the exception-expiry rule reports it)', () => {
    const expiry = catalog.exceptions.map((exception) => [exception.id, exception.target, exception.expires < TODAY]);
    expect(expiry).toEqual([
      ['EXC-101', 'legacy-sftp-sync', false],
      ['EXC-087', 'report-agent', true],
    ]);
  });

  it('adds its privileged actions to the built-in list', () => {
    const ids = catalog.privilegedActions.map((action) => action.id);
    expect(ids).toContain('aws-iam-pass-role');
    expect(ids.slice(-2)).toEqual(['payments-bulk-export', 'cloud-admin-roles']);
  });

  it('sets enforcement for two rules and leaves the rest at their defaults', () => {
    expect(catalog.rules).toEqual({ 'break-glass-isolation': 'mandatory', 'human-federated': 'mandatory' });
  });
});
