import { modelFromTemplates } from '../../src/adapters/cloudformation/index.js';
import type { CfnTemplate } from '../../src/adapters/cloudformation/template.js';
import { parseManifests } from '../../src/adapters/kubernetes/load.js';
import { modelFromKubernetesObjects } from '../../src/adapters/kubernetes/to-model.js';
import { modelFromPulumiResources } from '../../src/adapters/pulumi/index.js';
import rule from '../../src/rules/no-unseen-content.js';
import { ruleTester } from '../support/rule-tester.js';

const template = (parts: Partial<CfnTemplate> & Record<string, unknown>) =>
  modelFromTemplates([{ stack: 'App', template: { Resources: {}, ...parts } as CfnTemplate }]);
const trust = {
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const adminRoleBody = JSON.stringify({
  Resources: {
    Admin: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: trust,
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/AdministratorAccess'],
      },
    },
  },
});

/**
 * A custom resource whose provider function runs as a role allowed `actions` on `resource`, beside a bucket with
 * `bucket` properties: SAM's S3CrudPolicy shape (object writes and s3:PutObjectAcl on the bucket the resource fills);
 * `roleProperties` adds to the role's.
 */
const fillsBucket = (
  resource: unknown,
  bucket: Record<string, unknown> = {},
  actions = ['s3:PutObject', 's3:PutObjectAcl'],
  roleProperties: Record<string, unknown> = {},
) =>
  template({
    Resources: {
      Bucket: { Type: 'AWS::S3::Bucket', Properties: bucket },
      ProviderRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          ...roleProperties,
          AssumeRolePolicyDocument: trust,
          Policies: [
            {
              PolicyName: 'fill',
              PolicyDocument: { Statement: [{ Effect: 'Allow', Action: actions, Resource: resource }] },
            },
          ],
        },
      },
      Provider: {
        Type: 'AWS::Lambda::Function',
        Properties: {
          Role: { 'Fn::GetAtt': ['ProviderRole', 'Arn'] },
          Runtime: 'python3.12',
          Handler: 'index.handler',
          Code: { ZipFile: 'pass' },
        },
      },
      Fill: { Type: 'Custom::Fill', Properties: { ServiceToken: { 'Fn::GetAtt': ['Provider', 'Arn'] } } },
    },
  });
const objectsOfBucket = { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' };
const bucketItself = { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' };
const fillMessage = (actions: string) =>
  'App/Fill is a custom resource whose code runs while CloudFormation deploys it: Lambda function Provider runs for it ' +
  `as ProviderRole, and ProviderRole may call ${actions}. What that code makes (an identity, a credential, a secret, a ` +
  'policy) is no resource of the template and cannot be seen here, so it cannot be verified. Define what it makes with ' +
  'the resources the check reads, narrow the role to the actions the code needs, or have the code reviewed and set this ' +
  'rule to advisory in the catalog.';
const fillFinding = (actions: string) => ({
  resource: 'Fill',
  detail: 'Unseen::Provider',
  message: fillMessage(actions),
  level: 'advisory' as const,
  pending: true as const,
});

ruleTester(rule, {
  valid: [
    {
      name: 'a language-extensions loop over a literal list: expanded, its roles judged by the other rules',
      model: template({
        Transform: 'AWS::LanguageExtensions',
        Resources: {
          'Fn::ForEach::Roles': ['Name', ['A', 'B'], { '${Name}Role': { Type: 'AWS::IAM::Role' } }],
        } as never,
      }),
    },
    {
      name: 'a plain template',
      model: template({
        Resources: { Role: { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: trust } } },
      }),
    },
    {
      name: 'SAM (expanded) and language extensions without loops',
      model: template({
        Transform: ['AWS::LanguageExtensions', 'AWS::Serverless-2016-10-31'],
        Resources: {
          Fn: {
            Type: 'AWS::Serverless::Function',
            Properties: { Runtime: 'nodejs22.x', Handler: 'i.h', InlineCode: 'x' },
          },
        },
      }),
    },
    {
      name: 'a nested stack whose template was read (the input Parent/LogicalId is present)',
      model: modelFromTemplates([
        {
          stack: 'App',
          template: {
            Resources: {
              Child: {
                Type: 'AWS::CloudFormation::Stack',
                Properties: { TemplateURL: 'https://s3.amazonaws.com/b/child.json' },
              },
            },
          },
        },
        { stack: 'App/Child', template: { Resources: {} } },
      ]),
    },
    {
      name: 'an AWS::Include of an API definition (a property value that grants nothing; aws-samples/serverless-patterns apigw-sqs-lambda)',
      model: template({
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Api: {
            Type: 'AWS::Serverless::HttpApi',
            Properties: {
              DefinitionBody: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 'api.yaml' } } },
            },
          },
        },
      }),
    },
    {
      name: 'a stack set whose TemplateBody is read',
      model: template({
        Resources: { Set: { Type: 'AWS::CloudFormation::StackSet', Properties: { TemplateBody: adminRoleBody } } },
      }),
    },
    {
      name: 'IAM types that grant nothing by themselves',
      model: template({
        Resources: {
          Mfa: { Type: 'AWS::IAM::VirtualMFADevice' },
          Slr: { Type: 'AWS::IAM::ServiceLinkedRole', Properties: { AWSServiceName: 'ecs.amazonaws.com' } },
        },
      }),
    },
    {
      name: "a custom resource whose provider may write object ACLs only in the change's bucket, whose ACLs are disabled by S3's default: an ACL there grants nothing",
      model: fillsBucket(objectsOfBucket),
    },
    {
      name: 'the same on the bucket ARN as the CDK writes it (Fn::GetAtt Arn joined with /*), Object Ownership BucketOwnerEnforced written out',
      model: fillsBucket(
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/*']] },
        { OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] } },
      ),
    },
    {
      name: 'bucket ACL writes on that bucket, with a private canned ACL',
      model: fillsBucket([{ 'Fn::GetAtt': ['Bucket', 'Arn'] }], { AccessControl: 'Private' }, ['s3:PutBucketAcl']),
    },
    {
      // KICS's lambda_functions_with_full_privileges negative1.yaml (test/corpus/kics-cloudformation): iam:ChangePassword
      // on a user, for the role a custom resource's function runs as.
      name: "a custom resource whose provider may call iam:ChangePassword only: it changes the caller's own console password, which a role has none of",
      model: fillsBucket('arn:aws:iam::111122223333:user/Bob', {}, ['iam:ChangePassword']),
    },
    {
      // KICS's lambda_functions_with_full_privileges positive1.yaml: `*` on arn:aws:logs:*:*:* was reported as a role
      // that may call acm-pca:CreatePermission and 434 more access-changing actions.
      name: "a custom resource whose provider's access-changing actions are granted on ARNs of no resource type of theirs (log groups): they grant nothing",
      model: fillsBucket('arn:aws:logs:*:*:*', {}, ['acm-pca:CreatePermission', 'iam:CreateUser', 'kms:PutKeyPolicy']),
    },
    {
      name: 'a resource whose Condition is false at plan time is not created',
      model: template({
        Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
        Resources: { Hidden: { Type: 'AWS::IAM::FutureGrant', Condition: 'Never' } },
      }),
    },
  ],
  invalid: [
    {
      name: 'object ACL writes on a bucket whose Object Ownership is ObjectWriter (ACLs enabled): the code may make objects public',
      model: fillsBucket(objectsOfBucket, { OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }),
      findings: [fillFinding('s3:PutObjectAcl')],
    },
    {
      name: 'object ACL writes on a bucket with a public canned ACL (ACLs enabled)',
      model: fillsBucket(objectsOfBucket, { AccessControl: 'PublicRead' }),
      findings: [fillFinding('s3:PutObjectAcl')],
    },
    {
      name: 'object ACL writes on a bucket the change does not create, and on every bucket whose name starts with the own one',
      model: fillsBucket(['arn:aws:s3:::partner-uploads/*', { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}*' }]),
      findings: [fillFinding('s3:PutObjectAcl')],
    },
    {
      name: "iam:ChangePassword beside iam:CreateLoginProfile: the latter sets another user's console password",
      model: fillsBucket('*', {}, ['iam:ChangePassword', 'iam:CreateLoginProfile']),
      findings: [fillFinding('iam:CreateLoginProfile')],
    },
    {
      name: 'object ACL writes on the own bucket beside s3:PutBucketOwnershipControls, which turns its ACLs back on',
      // On the bucket's ARN: on its objects' ARNs alone s3:PutBucketOwnershipControls names no bucket.
      model: fillsBucket([bucketItself, objectsOfBucket], {}, ['s3:PutObjectAcl', 's3:PutBucketOwnershipControls']),
      findings: [fillFinding('s3:PutBucketOwnershipControls, s3:PutObjectAcl')],
    },
    {
      name: 'object ACL writes on the own bucket by a role that also holds a managed policy the change does not show: it may turn the ACLs back on',
      model: fillsBucket(objectsOfBucket, {}, undefined, {
        ManagedPolicyArns: ['arn:aws:iam::111122223333:policy/bucket-admin'],
      }),
      findings: [fillFinding('s3:PutObjectAcl')],
    },
    {
      name: "a Pulumi Helm release: Helm installs the chart's objects inside the provider, so none reaches the check, at preview or at apply",
      model: modelFromPulumiResources([
        {
          type: 'kubernetes:helm.sh/v3:Release',
          name: 'wpdev',
          urn: 'urn:pulumi:dev::wordpress::kubernetes:helm.sh/v3:Release::wpdev',
          props: { chart: 'wordpress', repositoryOpts: { repo: 'https://charts.bitnami.com/bitnami' } },
        },
      ]),
      findings: [
        {
          resource: 'wpdev',
          detail: 'Unseen::kubernetes:helm.sh/v3:Release',
          message:
            "dev/wpdev is a Helm release of chart wordpress: Helm installs the chart's objects (service accounts, RBAC, Secrets) itself, " +
            'from inside the provider, so none of them is a resource this check is given, and the identities and grants they create ' +
            'cannot be verified. Check the rendered chart (helm template <release> <chart> > rendered.yaml; entitlement-guard check ' +
            'rendered.yaml), or deploy its objects as resources (Pulumi kubernetes.helm.v4.Chart, Terraform kubernetes_manifest).',
          level: 'mandatory',
        },
      ],
    },
    {
      name: 'a Kustomization that rewrites the manifests it lists: what the cluster gets is not what was checked',
      model: modelFromKubernetesObjects(
        parseManifests(
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches: [{path: prod.yaml}]\nresources: [rbac.yaml]\n',
          'overlays/prod/kustomization.yaml',
        ),
      ),
      findings: [
        {
          resource: 'kustomization.yaml',
          detail: 'Unseen::patches',
          message:
            'kustomization.yaml is a Kustomization that changes the manifests it lists (patches) when `kustomize build` or `kubectl apply -k` ' +
            'renders them: what the cluster gets is not the files checked here, so its identities and grants cannot be verified. ' +
            'Check the rendered output instead (kustomize build <dir> > rendered.yaml).',
          level: 'advisory',
          pending: true,
        },
      ],
    },
    {
      name: 'an OLM Subscription: the ClusterServiceVersion OLM installs from the catalog, and the RBAC it asks for, are not in the change',
      model: modelFromKubernetesObjects(
        parseManifests(
          'apiVersion: operators.coreos.com/v1alpha1\nkind: Subscription\nmetadata: {name: my-etcd, namespace: operators}\nspec: {name: etcd, source: operatorhubio-catalog, sourceNamespace: olm}\n',
          'subscription.yaml',
        ),
      ),
      findings: [
        {
          resource: 'my-etcd',
          detail: 'Unseen::etcd',
          message:
            "my-etcd is an OLM Subscription to operator package etcd from catalog operatorhubio-catalog: OLM installs the package's " +
            'ClusterServiceVersion from the catalog itself, running as cluster-admin, and with it the ClusterRoles, Roles, bindings ' +
            'and service accounts its clusterPermissions and permissions ask for, so none of them is in the change and what they ' +
            "grant cannot be verified. Check the ClusterServiceVersion of the version the subscription installs (the bundle's " +
            'manifests), or have the subscription reviewed and set this rule to advisory in the catalog.',
          level: 'mandatory',
        },
      ],
    },
    {
      name: 'a macro: its generated resources are unknown (said once for the template)',
      model: template({ Transform: ['AWS::Serverless-2016-10-31', 'AcmeExpander'] }),
      findings: [
        {
          resource: 'AcmeExpander',
          detail: 'Unseen::the transform (macro) AcmeExpander',
          message:
            'Template App/AcmeExpander uses the transform (macro) AcmeExpander, whose generated resources exist only once CloudFormation processes ' +
            'the template: the identities and grants it creates cannot be verified here. Check the processed template instead.',
          // Pending: advisory where values are verified later (this tester); the CLI and CDK gates fail closed (mandatory).
          level: 'advisory',
          pending: true,
        },
      ],
    },
    {
      name: 'Fn::Transform AWS::Include inside Resources and inside a resource',
      model: template({
        Resources: {
          'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://acme/roles.yaml' } } as never,
          Role: {
            Type: 'AWS::IAM::Role',
            Properties: {
              AssumeRolePolicyDocument: trust,
              Policies: {
                'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://acme/policies.yaml' } },
              },
            },
          },
        },
      }),
      findings: [
        {
          resource: 'Fn::Transform',
          detail: 'Unseen::the AWS::Include snippet s3://acme/roles.yaml',
          message:
            'App/Fn::Transform inserts the AWS::Include snippet s3://acme/roles.yaml at deploy time: its content cannot be seen here, so the ' +
            'identities and grants it adds cannot be verified. Inline the snippet, or check the processed template.',
          pending: true,
        },
        {
          resource: 'Role',
          detail: 'Unseen::the AWS::Include snippet s3://acme/policies.yaml',
          message:
            'App/Role inserts the AWS::Include snippet s3://acme/policies.yaml at deploy time: its content cannot be seen here, so the ' +
            'identities and grants it adds cannot be verified. Inline the snippet, or check the processed template.',
          pending: true,
        },
      ],
    },
    {
      name: 'a nested stack with a remote TemplateURL that was not read',
      model: template({
        Resources: {
          Child: {
            Type: 'AWS::CloudFormation::Stack',
            Properties: { TemplateURL: 'https://s3.amazonaws.com/acme/child.yaml' },
          },
        },
      }),
      findings: [
        {
          resource: 'Child',
          detail: 'Unseen::https://s3.amazonaws.com/acme/child.yaml',
          message:
            'App/Child deploys the template at https://s3.amazonaws.com/acme/child.yaml, which is fetched at deploy time and cannot be read here: ' +
            'its identities and grants cannot be verified. Keep the template beside the parent (a local TemplateURL) or check it on its own.',
          pending: true,
        },
      ],
    },
    {
      name: 'a stack set with a TemplateURL, and one whose TemplateBody does not parse',
      model: template({
        Resources: {
          Remote: {
            Type: 'AWS::CloudFormation::StackSet',
            Properties: { TemplateURL: 'https://s3.amazonaws.com/acme/baseline.yaml' },
          },
          Broken: {
            Type: 'AWS::CloudFormation::StackSet',
            Properties: { TemplateBody: '{"Resources": {"A": {}, "A": {}}}' },
          },
        },
      }),
      findings: [
        {
          resource: 'Broken',
          detail: 'Unseen::TemplateBody line 1: invalid JSON: duplicate key "A"',
          message:
            'App/Broken holds a template that cannot be read (TemplateBody line 1: invalid JSON: duplicate key "A"): the identities and grants ' +
            'it creates cannot be verified. Fix the template so it parses.',
          pending: true,
        },
        {
          resource: 'Remote',
          detail: 'Unseen::https://s3.amazonaws.com/acme/baseline.yaml',
          message:
            'Stack set App/Remote deploys the template at https://s3.amazonaws.com/acme/baseline.yaml into other accounts; it cannot be read ' +
            'here, so the identities and grants it creates cannot be verified. Put the template in TemplateBody, or check the template file on its own.',
          pending: true,
        },
      ],
    },
    {
      name: 'an AWS::IAM type the adapter does not model, and SAM types whose permissions are not modelled',
      model: template({
        Transform: 'AWS::Serverless-2016-10-31',
        Resources: {
          Grant: {
            Type: 'AWS::IAM::RolePolicyAttachmentV2',
            Properties: { Role: 'x', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
          },
          Link: {
            Type: 'AWS::Serverless::Connector',
            Properties: { Source: { Id: 'Fn' }, Destination: { Id: 'Table' }, Permissions: ['Write'] },
          },
          App: {
            Type: 'AWS::Serverless::Application',
            Properties: {
              Location: {
                ApplicationId: 'arn:aws:serverlessrepo:us-east-1:123456789012:applications/x',
                SemanticVersion: '1.0.0',
              },
            },
          },
        },
      }),
      findings: [
        {
          resource: 'App',
          detail:
            'Unseen::the AWS::Serverless::Application at arn:aws:serverlessrepo:us-east-1:123456789012:applications/x 1.0.0',
          message:
            'App/App deploys the template at the AWS::Serverless::Application at arn:aws:serverlessrepo:us-east-1:123456789012:applications/x 1.0.0, ' +
            'which is fetched at deploy time and cannot be read here: its identities and grants cannot be verified. Keep the template beside the ' +
            'parent (a local TemplateURL) or check it on its own.',
          pending: true,
        },
        {
          resource: 'Grant',
          detail: 'Unseen::AWS::IAM::RolePolicyAttachmentV2',
          message:
            'App/Grant is a AWS::IAM::RolePolicyAttachmentV2, a resource type that manages IAM but that this check does not model: what it grants ' +
            'cannot be verified. Express the grant with AWS::IAM::Role, Policy or ManagedPolicy resources, which the check reads.',
          pending: true,
        },
        {
          resource: 'Link',
          // Why it was not expanded: here, SAM refuses a connector to a resource the template does not have.
          detail:
            'Unseen::AWS::Serverless::Connector (not expanded: its Destination names Table, not a resource of the template)',
          message:
            'App/Link is a AWS::Serverless::Connector (not expanded: its Destination names Table, not a resource of the template), ' +
            'a resource type that manages IAM but that this check does not model: what it grants cannot be verified. Express the ' +
            'grant with AWS::IAM::Role, Policy or ManagedPolicy resources, which the check reads.',
          pending: true,
        },
      ],
    },
    {
      name: 'a language-extensions loop over a list known only at deployment generates resources the check cannot see',
      model: template({
        Transform: 'AWS::LanguageExtensions',
        Parameters: { Names: { Type: 'CommaDelimitedList' } },
        Resources: {
          'Fn::ForEach::Roles': ['Name', { Ref: 'Names' }, { '${Name}Role': { Type: 'AWS::IAM::Role' } }],
        } as never,
      }),
      findings: [
        {
          resource: 'Fn::ForEach::Roles',
          detail: 'Unseen::the Fn::ForEach::Roles loop of AWS::LanguageExtensions',
          message:
            'Template App/Fn::ForEach::Roles uses the Fn::ForEach::Roles loop of AWS::LanguageExtensions, whose generated resources exist only once ' +
            'CloudFormation processes the template: the identities and grants it creates cannot be verified here. Check the processed template instead.',
          pending: true,
        },
      ],
    },
  ],
});
