// Two audits of a generated change (a base and a head), shaped as `entitlement-guard audit --format json` writes them,
// for the privilege diff's benchmark and its size tests. The head changes a known share of the identities:
// every 10th gets an iam:PassRole statement, every 25th an access key, every 20th a wider trust, every 50th is
// removed, every 40th renamed (new logical id, same role name), and `added` new roles appear.

const NOW = '2026-12-01T00:00:00.000Z';

/** @returns {{ base: object, head: object, expected: { passRole: number, keys: number, widened: number, removed: number, renamed: number, added: number } }} */
export function syntheticAudits(identities, added = Math.round(identities / 100)) {
  const base = audit([...range(identities)].map((index) => role(index, {})));
  const head = audit([
    ...[...range(identities)]
      .filter((index) => index % 50 !== 49)
      .map((index) =>
        role(index, {
          passRole: index % 10 === 0,
          key: index % 25 === 0,
          widened: index % 20 === 5,
          renamed: index % 40 === 7,
        }),
      ),
    ...[...range(added)].map((index) => role(identities + index, {})),
  ]);
  const count = (test) => [...range(identities)].filter((index) => index % 50 !== 49 && test(index)).length;
  return {
    base,
    head,
    expected: {
      passRole: count((i) => i % 10 === 0),
      keys: count((i) => i % 25 === 0),
      widened: count((i) => i % 20 === 5),
      removed: Math.floor(identities / 50),
      renamed: count((i) => i % 40 === 7),
      added,
    },
  };
}

function* range(count) {
  for (let index = 0; index < count; index++) yield index;
}

function audit(identities) {
  return {
    schema: 'entitlement-guard/audit/v1',
    generatedAt: NOW,
    catalog: 'catalog.yaml',
    summary: {
      identities: identities.length,
      catalogOnly: 0,
      privileged: 0,
      secrets: 0,
      findings: { total: 0, blocking: 0, advisory: 0, waived: 0, pending: 0 },
      byClass: {},
      byRule: {},
      byOwner: {},
    },
    identities,
    secrets: [],
    exceptions: [],
    otherFindings: [],
    hygiene: {
      unusedEntitlements: [],
      ownersWithoutIdentities: [],
      expiringExceptions: [],
      expiredExceptions: [],
      expiredIdentities: [],
      standingPrivilege: [],
      unapprovedWaivers: [],
    },
  };
}

function role(index, change) {
  const logicalId = change.renamed ? `ServiceRole${index}Renamed` : `ServiceRole${index}`;
  const resource = {
    type: 'AWS::IAM::Role',
    name: logicalId,
    path: `App/${logicalId}/Resource`,
    file: 'cdk.out/App.template.json',
    stack: 'App',
  };
  const statements = [
    {
      text: `Allow dynamodb:GetItem, dynamodb:Query on arn:aws:dynamodb:*:*:table/service-${index}`,
      entitlements: ['service-read'],
      beyondEntitlements: false,
    },
    {
      text: `Allow s3:GetObject on arn:aws:s3:::bucket-${index}/*`,
      entitlements: ['service-read'],
      beyondEntitlements: false,
    },
  ];
  const findings = [];
  if (change.passRole) {
    statements.push({
      text: 'Allow iam:PassRole on *',
      entitlements: [],
      beyondEntitlements: true,
      privileged: ['privilege-escalation'],
    });
    findings.push(finding('no-wildcard-privilege', 'Resource::*', resource, `${logicalId} may pass every role`));
  }
  const credentials = change.key
    ? [
        {
          kind: 'aws-access-key',
          source: { type: 'AWS::IAM::AccessKey', name: `${logicalId}Key`, stack: 'App' },
          lifetime: 'long-lived',
        },
      ]
    : [];
  if (change.key)
    findings.push(
      finding('no-long-lived-credentials', 'Credential::aws-access-key', credentials[0].source, 'a static key'),
    );
  const subject = change.widened ? 'repo:example/service:*' : `repo:example/service-${index}:ref:refs/heads/main`;
  return {
    id: `App/${logicalId}`,
    name: `service-${index}`,
    origin: 'change',
    cloud: 'aws',
    kind: 'aws-role',
    resource,
    uniqueName: true,
    owner: `team-${index % 17}`,
    class: 'workload',
    entitlements: [{ id: 'service-read', known: true, privileged: false, standing: false, allows: [] }],
    grants: [
      {
        label: `policy service-${index}-policy (${logicalId})`,
        source: resource,
        statements,
        privileged: change.passRole ? [{ category: 'privilege-escalation', count: 1, examples: ['iam:PassRole'] }] : [],
      },
    ],
    credentials,
    session: { maxSeconds: 3600 },
    trust: [
      {
        kind: 'oidc',
        principal: 'token.actions.githubusercontent.com',
        conditions: [
          'StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com',
          `StringLike token.actions.githubusercontent.com:sub = ${subject}`,
        ],
      },
    ],
    runsOn: [],
    exceptions: [],
    findings,
    privilegedPaths: [],
  };
}

function finding(ruleId, detail, resource, message) {
  return { ruleId, level: 'mandatory', blocking: true, resource, detail, message };
}
