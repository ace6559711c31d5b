import fc from 'fast-check';
import { lookupAction } from '../../src/iam/aws/actions.js';
import { describe, expect, it } from 'vitest';
import { parsePolicyDocument } from '../../src/iam/aws/document.js';
import {
  actionsNamed,
  actionSubset,
  allowancesFor,
  effectiveAllows,
  isActionAllowed,
  narrowAllowance,
  unknownGrantOf,
  type ActionSubset,
} from '../../src/iam/aws/evaluate.js';
import { expandActionPattern } from '../../src/iam/aws/actions.js';
import { unknownValue, type PolicyDocument } from '../../src/model/model.js';

const doc = (...statements: Record<string, unknown>[]): PolicyDocument =>
  parsePolicyDocument({ Version: '2012-10-17', Statement: statements });
const allowedNames = (...documents: PolicyDocument[]) =>
  effectiveAllows(documents).map((allowed) => allowed.action.name);

describe('effectiveAllows', () => {
  it('grants an action AWS cannot scope (no resource type) only through a statement that applies to "*"', () => {
    const names = (document: PolicyDocument) =>
      effectiveAllows([document])
        .map((allowed) => allowed.action.name)
        .filter((name) => ['logs:PutResourcePolicy', 'logs:PutLogEvents'].includes(name));
    expect(lookupAction('logs:PutResourcePolicy')!.scopable).toBe(false);
    expect(
      names(
        doc({
          Effect: 'Allow',
          Action: 'logs:*',
          Resource: 'arn:aws:logs:eu-west-1:111122223333:log-group:/aws/lambda/app*:*',
        }),
      ),
    ).toEqual(['logs:PutLogEvents']);
    expect(names(doc({ Effect: 'Allow', Action: 'logs:*', Resource: 'arn:aws:logs:*:*:*' }))).toEqual([
      'logs:PutLogEvents',
    ]);
    expect(names(doc({ Effect: 'Allow', Action: 'logs:*', Resource: ['arn:aws:logs:*:*:log-group:x', '*'] }))).toEqual([
      'logs:PutLogEvents',
      'logs:PutResourcePolicy',
    ]);
    expect(
      names(doc({ Effect: 'Allow', Action: 'logs:*', NotResource: 'arn:aws:logs:*:*:log-group:secret*' })),
    ).toEqual(['logs:PutLogEvents', 'logs:PutResourcePolicy']);
    // A resource not known yet may be "*" (fail closed).
    expect(
      names(doc({ Effect: 'Allow', Action: 'logs:PutResourcePolicy', Resource: unknownValue('Ref Target') })),
    ).toEqual(['logs:PutResourcePolicy']);
  });

  it('expands Action patterns and keeps the resources and statements that allow each action', () => {
    const document = doc({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:Get?bject'],
      Resource: 'arn:aws:s3:::bucket/*',
    });
    expect(effectiveAllows([document])).toEqual([
      {
        action: lookupAction('s3:GetObject'),
        resources: ['arn:aws:s3:::bucket/*'],
        conditional: false,
        statements: document.statements,
      },
    ]);
  });

  it('unions resources across statements and sorts by action name', () => {
    const allowed = effectiveAllows([
      doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws:sqs:us-east-1:111122223333:a' }),
      doc({
        Effect: 'Allow',
        Action: ['SQS:sendmessage', 'sqs:DeleteMessage'],
        Resource: ['arn:aws:sqs:us-east-1:111122223333:b'],
      }),
    ]);
    expect(allowed.map((entry) => [entry.action.name, entry.resources])).toEqual([
      ['sqs:DeleteMessage', ['arn:aws:sqs:us-east-1:111122223333:b']],
      ['sqs:SendMessage', ['arn:aws:sqs:us-east-1:111122223333:a', 'arn:aws:sqs:us-east-1:111122223333:b']],
    ]);
  });

  it('Allow + NotAction allows every action except those listed', () => {
    const names = allowedNames(doc({ Effect: 'Allow', NotAction: ['iam:*', 'organizations:*'], Resource: '*' }));
    expect(names).toContain('ec2:RunInstances');
    expect(names).toContain('s3:PutBucketPolicy');
    expect(names.some((name) => name.startsWith('iam:') || name.startsWith('organizations:'))).toBe(false);
    expect(names.length).toBe(
      expandActionPattern('*').length -
        expandActionPattern('iam:*').length -
        expandActionPattern('organizations:*').length,
    );
  });

  it('NotResource records * with the excluded resources kept', () => {
    const [allowed] = effectiveAllows([
      doc({ Effect: 'Allow', Action: 's3:DeleteBucket', NotResource: 'arn:aws:s3:::prod-*' }),
    ]);
    expect(allowed?.resources).toEqual(['*']);
    expect(allowed?.notResources).toEqual(['arn:aws:s3:::prod-*']);
  });

  it('an unconditional Deny on Resource * removes the action entirely', () => {
    const names = allowedNames(
      doc(
        { Effect: 'Allow', Action: 'iam:*', Resource: '*' },
        { Effect: 'Deny', Action: 'iam:Create*', Resource: '*' },
      ),
    );
    expect(names).toContain('iam:PassRole');
    expect(names).not.toContain('iam:CreateAccessKey');
    expect(names).not.toContain('iam:CreateRole');
  });

  it('a Deny in another document also removes the action', () => {
    expect(
      allowedNames(
        doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }),
        doc({ Effect: 'Deny', Action: 'sqs:*', Resource: '*' }),
      ),
    ).toEqual([]);
  });

  it('Deny + NotAction on * removes everything but the listed actions', () => {
    const names = allowedNames(
      doc(
        { Effect: 'Allow', Action: '*', Resource: '*' },
        { Effect: 'Deny', NotAction: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
      ),
    );
    expect(names).toEqual(['s3:GetObject', 's3:ListBucket']);
  });

  it('a conditional or narrower Deny does not remove the action', () => {
    const names = allowedNames(
      doc(
        { Effect: 'Allow', Action: ['iam:PassRole', 'iam:CreateAccessKey'], Resource: '*' },
        {
          Effect: 'Deny',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringNotEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        },
        { Effect: 'Deny', Action: 'iam:CreateAccessKey', Resource: 'arn:aws:iam::111122223333:user/admin' },
      ),
    );
    expect(names).toEqual(['iam:CreateAccessKey', 'iam:PassRole']);
  });

  it('conditional is true only when every allowing statement has a Condition', () => {
    const condition = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    const onlyConditional = effectiveAllows([
      doc({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: condition }),
    ]);
    expect(onlyConditional[0]?.conditional).toBe(true);
    const mixed = effectiveAllows([
      doc(
        { Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: condition },
        { Effect: 'Allow', Action: 'ec2:Stop*', Resource: '*' },
      ),
    ]);
    expect(mixed[0]?.conditional).toBe(false);
    expect(mixed[0]?.statements).toHaveLength(2);
  });

  it('ignores unknown actions and unreadable documents (unknownGrantOf reports them)', () => {
    const unknown = unknownValue('output of aws:iam/policy:Policy');
    expect(allowedNames(doc({ Effect: 'Allow', Action: ['sqs:SendMessage', unknown], Resource: '*' }))).toEqual([
      'sqs:SendMessage',
    ]);
    expect(effectiveAllows([parsePolicyDocument('{not json')])).toEqual([]);
  });

  it('an Unknown NotAction exclusion widens an Allow and keeps a Deny from removing anything', () => {
    const unknown = unknownValue('Fn::ImportValue ExcludedActions');
    expect(allowedNames(doc({ Effect: 'Allow', NotAction: [unknown], Resource: '*' })).length).toBe(
      expandActionPattern('*').length,
    );
    expect(
      allowedNames(
        doc(
          { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
          { Effect: 'Deny', NotAction: [unknown], Resource: '*' },
        ),
      ),
    ).toEqual(['sqs:SendMessage']);
  });
});

describe('allowancesFor', () => {
  const subset = (...names: string[]): ActionSubset => actionSubset(names.map((name) => lookupAction(name)!));
  /** effectiveAllows, kept to the subset's actions: what allowancesFor must equal entry by entry. */
  const expected = (documents: PolicyDocument[], wanted: ActionSubset) =>
    new Map(
      effectiveAllows(documents)
        .filter((allowed) => wanted.names.has(allowed.action.name))
        .map((allowed) => [allowed.action.name, allowed]),
    );

  it('gives the entries effectiveAllows gives for the asked actions only, Denies applied', () => {
    const documents = [
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 'iam:Create*', Resource: '*' }),
      doc({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::111122223333:role/app',
        Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
      }),
    ];
    const found = allowancesFor(documents, subset('iam:PassRole', 'iam:CreateRole', 'sqs:SendMessage'));
    expect([...found.keys()].sort()).toEqual(['iam:PassRole', 'sqs:SendMessage']);
    expect(found.get('iam:PassRole')).toEqual({
      action: lookupAction('iam:PassRole'),
      resources: ['*', 'arn:aws:iam::111122223333:role/app'],
      conditional: false,
      statements: [documents[0]!.statements[0], documents[1]!.statements[0]],
    });
    expect(found).toEqual(expected(documents, subset('iam:PassRole', 'iam:CreateRole', 'sqs:SendMessage')));
  });

  // Generated documents over a vocabulary where statements overlap: wildcards and exact names in any case, NotAction,
  // NotResource, conditions, Denies of every kind, Unknown values and unreadable documents.
  const unknown = unknownValue('output of aws:iam/policy:Policy');
  const actionValue = fc.constantFrom<unknown>(
    '*',
    'iam:*',
    'iam:Pass*',
    'IAM:passrole',
    'iam:CreateRole',
    'sts:AssumeRole',
    '*Get*',
    '*:CreateRole',
    'i*:Pass*',
    'I?M:*Role',
    '*?:*Key',
    '?:*',
    's3:Get?bject',
    'ec2:RunInstances',
    'nosuch:Thing',
    unknown,
  );
  const resourceValue = fc.constantFrom<unknown>(
    '*',
    'arn:*',
    'arn:aws:s3:::bucket/*',
    'arn:aws:iam::111122223333:role/app',
    unknown,
  );
  const statement = fc
    .record(
      {
        Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
        actions: fc.array(actionValue, { minLength: 1, maxLength: 3 }),
        not: fc.boolean(),
        resources: fc.array(resourceValue, { minLength: 1, maxLength: 2 }),
        notResource: fc.boolean(),
        conditional: fc.boolean(),
      },
      { noNullPrototype: true },
    )
    .map(({ Effect, actions, not, resources, notResource, conditional }) => ({
      Effect,
      [not ? 'NotAction' : 'Action']: actions,
      [notResource ? 'NotResource' : 'Resource']: resources,
      ...(conditional ? { Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } } : {}),
    }));
  const documents = fc.array(
    fc.oneof(
      fc.array(statement, { minLength: 1, maxLength: 4 }).map((statements) => doc(...statements)),
      fc.constant(parsePolicyDocument('{not json')),
    ),
    {
      minLength: 1,
      maxLength: 3,
    },
  );
  const SOME_ACTIONS = [
    'iam:PassRole',
    'iam:CreateRole',
    'iam:CreateAccessKey',
    'sts:AssumeRole',
    's3:GetObject',
    'ec2:RunInstances',
    'lambda:CreateFunction',
    'kms:CreateKey',
  ];
  const wanted = fc.subarray(
    [
      'iam:PassRole',
      'iam:CreateRole',
      'iam:CreateAccessKey',
      'sts:AssumeRole',
      's3:GetObject',
      'ec2:RunInstances',
      'lambda:CreateFunction',
      'kms:CreateKey',
    ],
    { minLength: 1 },
  );
  /** The names as a rule writes them for actionsNamed: any case, some the data does not know. */
  const named = (names: string[]) => actionsNamed([...names.map((name) => name.toUpperCase()), 'iam:NoSuchAction']);

  it('equals effectiveAllows kept to the asked actions, on generated documents', () => {
    fc.assert(
      fc.property(documents, wanted, (generated, names) => {
        // Asked first, a list not expanded yet that may span services (`*`, NotAction, `i*:Pass*`) is matched by its
        // patterns; asked again once effectiveAllows has expanded it, through the expansion.
        const byPatterns = allowancesFor(generated, subset(...names));
        const byPatternsNamed = allowancesFor(generated, named(names));
        const want = expected(generated, subset(...names));
        expect(byPatterns).toEqual(want);
        expect(byPatternsNamed).toEqual(want);
        expect(allowancesFor(generated, subset(...names))).toEqual(want);
        expect(allowancesFor(generated, named(names))).toEqual(want);
      }),
      { seed: 2026_12_02, numRuns: 300 },
    );
  });

  it("narrowAllowance to some of an allowance's statements is what those statements alone allow, on generated documents", () => {
    fc.assert(
      fc.property(documents, fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (generated, keep) => {
        // The asked actions only: "*" alone allows every action AWS has, and each is judged alone again below.
        for (const entry of allowancesFor(generated, subset(...SOME_ACTIONS)).values()) {
          const statements = entry.statements.filter((_, index) => keep[index % keep.length]);
          const narrowed = narrowAllowance(entry, statements);
          if (statements.length === 0) expect(narrowed).toBeUndefined();
          else if (statements.length === entry.statements.length) expect(narrowed).toBe(entry);
          else {
            const alone = allowancesFor([{ statements }], subset(entry.action.name)).get(entry.action.name);
            expect(narrowed).toEqual(alone);
          }
        }
      }),
      { seed: 2026_12_05, numRuns: 200 },
    );
  });
});

describe('isActionAllowed', () => {
  const bucketReader = doc({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' });

  it('allows a matching action on a matching resource, case-insensitively for actions', () => {
    expect(isActionAllowed([bucketReader], 'S3:getobject', 'arn:aws:s3:::reports/2026/q1.csv')).toBe('allow');
  });

  it('matches resources case-sensitively', () => {
    expect(isActionAllowed([bucketReader], 's3:GetObject', 'arn:aws:s3:::Reports/q1.csv')).toBe('implicit-deny');
  });

  it('resource * asks about every resource: a narrower Resource does not allow it', () => {
    expect(isActionAllowed([bucketReader], 's3:GetObject')).toBe('implicit-deny');
    expect(isActionAllowed([doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })], 's3:GetObject')).toBe(
      'allow',
    );
  });

  it('is an implicit deny when nothing allows the action', () => {
    expect(isActionAllowed([bucketReader], 's3:PutObject', 'arn:aws:s3:::reports/x')).toBe('implicit-deny');
    expect(isActionAllowed([], 'iam:PassRole')).toBe('implicit-deny');
  });

  it('an explicit Deny overrides an Allow, wherever it is', () => {
    const documents = [
      doc({ Effect: 'Allow', Action: '*', Resource: '*' }),
      doc({ Effect: 'Deny', Action: 'iam:*', Resource: '*' }),
    ];
    expect(isActionAllowed(documents, 'iam:CreateUser')).toBe('deny');
    expect(isActionAllowed(documents, 'ec2:RunInstances')).toBe('allow');
  });

  it('a Deny on one resource denies only that resource', () => {
    const documents = [
      doc(
        { Effect: 'Allow', Action: 's3:*', Resource: '*' },
        { Effect: 'Deny', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::audit/*' },
      ),
    ];
    expect(isActionAllowed(documents, 's3:DeleteObject', 'arn:aws:s3:::audit/log')).toBe('deny');
    expect(isActionAllowed(documents, 's3:DeleteObject', 'arn:aws:s3:::scratch/tmp')).toBe('allow');
    expect(isActionAllowed(documents, 's3:DeleteObject')).toBe('allow');
  });

  it('NotAction and NotResource invert the match', () => {
    const documents = [doc({ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*' })];
    expect(isActionAllowed(documents, 'iam:PassRole', 'arn:aws:iam::111122223333:role/x')).toBe('implicit-deny');
    expect(isActionAllowed(documents, 's3:GetObject', 'arn:aws:s3:::secret/key')).toBe('implicit-deny');
    expect(isActionAllowed(documents, 's3:GetObject', 'arn:aws:s3:::public/key')).toBe('allow');
  });

  it('a conditional Allow may allow; a conditional Deny does not decide', () => {
    const condition = { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } };
    expect(
      isActionAllowed(
        [doc({ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: condition })],
        'ec2:RunInstances',
      ),
    ).toBe('allow');
    expect(
      isActionAllowed(
        [
          doc(
            { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
            { Effect: 'Deny', Action: 'ec2:*', Resource: '*', Condition: condition },
          ),
        ],
        'ec2:RunInstances',
      ),
    ).toBe('allow');
  });

  it('Unknown values widen an Allow and never make a Deny', () => {
    const unknown = unknownValue('output of aws:s3/bucket:Bucket');
    expect(
      isActionAllowed(
        [doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: [unknown] })],
        's3:GetObject',
        'arn:aws:s3:::any/x',
      ),
    ).toBe('allow');
    expect(
      isActionAllowed(
        [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Effect: 'Deny', Action: [unknown], Resource: '*' })],
        's3:GetObject',
      ),
    ).toBe('allow');
  });

  it('does not backtrack on a hostile resource pattern', () => {
    const hostile = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'a*a*a*a*a*a*a*a*a*b' });
    expect(isActionAllowed([hostile], 's3:GetObject', 'a'.repeat(30_000))).toBe('implicit-deny');
  });
});

describe('unknownGrantOf', () => {
  it('reports an Unknown in the Action of an Allow', () => {
    const unknown = unknownValue('Fn::ImportValue SharedActions');
    expect(unknownGrantOf(doc({ Effect: 'Allow', Action: ['s3:GetObject', unknown], Resource: '*' }))).toBe(unknown);
  });

  it('reports an Unknown in the NotAction of an Allow', () => {
    const unknown = unknownValue('output of aws:iam/policy:Policy');
    expect(unknownGrantOf(doc({ Effect: 'Allow', NotAction: [unknown], Resource: '*' }))).toBe(unknown);
  });

  it('reports an unreadable document', () => {
    expect(unknownGrantOf(parsePolicyDocument('{"Statement": 3}'))?.description).toBe(
      'Statement[0]: statement is not an object',
    );
    expect(unknownGrantOf(parsePolicyDocument('not json'))?.description).toMatch(/^policy document is not valid JSON/);
    // A role written without AssumeRolePolicyDocument: said as missing, not as a value of the wrong kind.
    expect(unknownGrantOf(parsePolicyDocument(undefined))?.description).toBe('there is no policy document');
    expect(unknownGrantOf(parsePolicyDocument(null))?.description).toBe('policy document is not an object');
    // A statement without Effect (KICS's iam_policy_grants_assumerole_permission_across_all_services positive2): said as
    // missing, not as "got undefined".
    expect(
      unknownGrantOf(parsePolicyDocument({ Statement: [{ Action: 'sts:AssumeRole', Principal: { AWS: '*' } }] }))
        ?.description,
    ).toBe('Statement[0]: it has no Effect (IAM requires "Allow" or "Deny")');
    expect(
      unknownGrantOf(parsePolicyDocument({ Statement: [{ Effect: 'allow', Action: '*', Resource: '*' }] }))
        ?.description,
    ).toBe('Statement[0]: Effect must be "Allow" or "Deny", got "allow"');
  });

  it('reports a statement with both elements of a pair, which IAM refuses (parliament test_analyze_policy_string_opposites)', () => {
    // Read as its NotAction alone, the Allow below would claim every action but one: IAM refuses it instead.
    expect(
      parsePolicyDocument({
        Statement: { Effect: 'Allow', Action: 's3:listallmybuckets', NotAction: 's3:listallmybuckets', Resource: '*' },
      }).unreadable?.description,
    ).toBe('Statement[0]: statement has both Action and NotAction (IAM takes one of them)');
    expect(
      parsePolicyDocument({
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', NotResource: 'arn:aws:s3:::private/*' }],
      }).unreadable?.description,
    ).toBe('Statement[0]: statement has both Resource and NotResource (IAM takes one of them)');
    expect(
      parsePolicyDocument({
        Statement: [
          { Effect: 'Deny', Principal: '*', NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:*' },
        ],
      }).unreadable?.description,
    ).toBe('Statement[0]: statement has both Principal and NotPrincipal (IAM takes one of them)');
  });

  it('reports a document written as text with a key twice in one object, whichever value comes last', () => {
    // JSON.parse reads the last Effect (Deny, harmless); IAM documents no reading of a repeated key.
    const allowThenDeny = '{"Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": "*", "Effect": "Deny"}]}';
    expect(unknownGrantOf(parsePolicyDocument(allowThenDeny))?.description).toBe(
      'policy document text writes the same key twice (duplicate key "Effect" at 1:72); IAM documents no reading of a repeated key',
    );
    const twoActions =
      '{"Statement": {"Effect": "Allow", "Action": "iam:*", "Action": "s3:GetObject", "Resource": "*"}}';
    expect(parsePolicyDocument(twoActions).unreadable?.description).toMatch(/duplicate key "Action"/);
    // The same key in two objects is no repetition.
    expect(
      parsePolicyDocument(
        '{"Statement": [{"Effect": "Deny", "Action": "s3:*", "Resource": "*"}, {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}]}',
      ).unreadable,
    ).toBeUndefined();
  });

  it('ignores Unknowns in Deny statements and in resources', () => {
    const unknown = unknownValue('output of aws:s3/bucket:Bucket');
    expect(
      unknownGrantOf(
        doc(
          { Effect: 'Deny', Action: [unknown], Resource: '*' },
          { Effect: 'Allow', Action: 's3:GetObject', Resource: [unknown] },
        ),
      ),
    ).toBeUndefined();
  });
});
