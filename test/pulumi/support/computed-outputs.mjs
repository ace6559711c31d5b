/**
 * What each cloud returns once a resource exists, for the capture harness's mocks: ARNs, object and principal ids,
 * service-account emails, resource names, and the `id` Pulumi keeps apart from the state. One table per cloud, keyed
 * by resource type; values are derived from the inputs (or a hash of the name), so captures are deterministic.
 */
import { createHash } from 'node:crypto';

const AWS_ACCOUNT = '111122223333';
const AWS_REGION = 'eu-west-1';
const AZURE_SUBSCRIPTION = '00000000-0000-0000-0000-00000000c0de';
const GCP_PROJECT_NUMBER = '123456789012';

/** The name AWS gives the resource: the one the program set, else the Pulumi name. */
const awsName = (name, inputs) => inputs.name ?? inputs.roleName ?? name;
const iamArn = (segment, name, inputs) => `arn:aws:iam::${AWS_ACCOUNT}:${segment}/${awsName(name, inputs)}`;
/**
 * A role, user or group: the name the program set, else the one Pulumi's auto-naming gives it (the resource's name, a
 * dash and seven random hex digits; here a hash of the name), and the id and ARN of that name.
 */
const iamIdentity = (segment) => (name, inputs) => {
  const physical = inputs.name ?? `${name}-${createHash('sha256').update(name).digest('hex').slice(0, 7)}`;
  return { id: physical, arn: `arn:aws:iam::${AWS_ACCOUNT}:${segment}/${physical}`, name: physical };
};

/** An API Gateway id: ten lower-case letters and digits, here from a hash of the name. */
const apiId = (name) => createHash('sha256').update(name).digest('hex').slice(0, 10);

const AWS = {
  'aws:iam/role:Role': iamIdentity('role'),
  'aws-native:iam:Role': iamIdentity('role'),
  'aws:iam/user:User': iamIdentity('user'),
  'aws:iam/group:Group': iamIdentity('group'),
  'aws:iam/policy:Policy': (name, inputs) => ({
    id: iamArn('policy', name, inputs),
    arn: iamArn('policy', name, inputs),
  }),
  'aws:secretsmanager/secret:Secret': (name, inputs) => {
    const arn = `arn:aws:secretsmanager:${AWS_REGION}:${AWS_ACCOUNT}:secret:${awsName(name, inputs)}-a1B2c3`;
    return { id: arn, arn };
  },
  // A queue's id is its URL (the provider's import id); its ARN names the account and region.
  'aws:sqs/queue:Queue': (name, inputs) => {
    const queue = awsName(name, inputs);
    const url = `https://sqs.${AWS_REGION}.amazonaws.com/${AWS_ACCOUNT}/${queue}`;
    return { id: url, url, arn: `arn:aws:sqs:${AWS_REGION}:${AWS_ACCOUNT}:${queue}` };
  },
  // A bucket's name is its id (`bucket` the program set, else the provider's name for it).
  'aws:s3/bucket:Bucket': (name, inputs) => ({
    id: inputs.bucket ?? name,
    bucket: inputs.bucket ?? name,
    arn: `arn:aws:s3:::${inputs.bucket ?? name}`,
  }),
  'aws:dynamodb/table:Table': (name, inputs) => ({
    id: awsName(name, inputs),
    name: awsName(name, inputs),
    arn: `arn:aws:dynamodb:${AWS_REGION}:${AWS_ACCOUNT}:table/${awsName(name, inputs)}`,
  }),
  'aws:lambda/function:Function': (name, inputs) => ({
    id: awsName(name, inputs),
    arn: `arn:aws:lambda:${AWS_REGION}:${AWS_ACCOUNT}:function:${awsName(name, inputs)}`,
  }),
  // A Resource Access Manager share's ARN, which is also its id (what an association's resourceShareArn names it by),
  // and a subnet's id and ARN (what a resource association shares).
  'aws:ram/resourceShare:ResourceShare': (name) => {
    const arn = `arn:aws:ram:${AWS_REGION}:${AWS_ACCOUNT}:resource-share/${guid(name, 'share')}`;
    return { id: arn, arn };
  },
  'aws:ec2/subnet:Subnet': (name) => {
    const id = `subnet-${createHash('sha256').update(name).digest('hex').slice(0, 17)}`;
    return { id, arn: `arn:aws:ec2:${AWS_REGION}:${AWS_ACCOUNT}:subnet/${id}` };
  },
  // An instance's addresses (pulumi/examples' openclaw-aws-typescript names its Tailscale host after the private IP).
  'aws:ec2/instance:Instance': (name) => ({
    id: `i-${createHash('sha256').update(name).digest('hex').slice(0, 17)}`,
    privateIp: '10.0.1.15',
    publicIp: '203.0.113.20',
  }),
  // An API's id (ten characters AWS picks) and the execute-api ARN a Lambda permission's sourceArn is built from
  // (pulumi/examples' aws-ts-lambda-slack and aws-ts-apigatewayv2-http-api: `${api.executionArn}/*/*`).
  'aws:apigateway/restApi:RestApi': (name) => {
    const id = apiId(name);
    return {
      id,
      arn: `arn:aws:apigateway:${AWS_REGION}::/restapis/${id}`,
      executionArn: `arn:aws:execute-api:${AWS_REGION}:${AWS_ACCOUNT}:${id}`,
      rootResourceId: apiId(`${name}/`),
    };
  },
  'aws:apigatewayv2/api:Api': (name) => {
    const id = apiId(name);
    return {
      id,
      arn: `arn:aws:apigateway:${AWS_REGION}::/apis/${id}`,
      executionArn: `arn:aws:execute-api:${AWS_REGION}:${AWS_ACCOUNT}:${id}`,
      apiEndpoint: `https://${id}.execute-api.${AWS_REGION}.amazonaws.com`,
    };
  },
  // An EventBridge rule's ARN: what a Lambda permission's sourceArn names it by (aws-ts-apigateway-eventbridge).
  'aws:cloudwatch/eventRule:EventRule': (name, inputs) => ({
    id: awsName(name, inputs),
    arn: `arn:aws:events:${AWS_REGION}:${AWS_ACCOUNT}:rule/${awsName(name, inputs)}`,
  }),
};

/** A stable GUID per resource and purpose. */
function guid(...parts) {
  const hex = createHash('sha256').update(parts.join('/')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const entraObject = (name) => ({ id: guid(name, 'object'), objectId: guid(name, 'object') });

const AZURE = {
  'azuread:index/application:Application': (name) => ({
    id: `/applications/${guid(name, 'object')}`,
    objectId: guid(name, 'object'),
    clientId: guid(name, 'client'),
  }),
  'azuread:index/servicePrincipal:ServicePrincipal': entraObject,
  'azuread:index/group:Group': entraObject,
  // An activated directory role's object id, which a DirectoryRoleMember's roleObjectId takes.
  'azuread:index/directoryRole:DirectoryRole': entraObject,
  // azure-native names a resource after its Pulumi name when the program sets no resourceName.
  'azure-native:managedidentity:UserAssignedIdentity': (name, inputs) => ({
    id: `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${inputs.resourceName ?? name}`,
    name: inputs.resourceName ?? name,
    principalId: guid(name, 'principal'),
    clientId: guid(name, 'client'),
  }),
  'azure-native:resources:ResourceGroup': (name, inputs) => ({
    id: `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${inputs.resourceGroupName ?? name}`,
    name: inputs.resourceGroupName ?? name,
  }),
  // A resource with a system-assigned identity gets that identity's principal id from Azure.
  'azure-native:synapse:Workspace': (name, inputs) => ({
    id: `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.Synapse/workspaces/${inputs.workspaceName ?? name}`,
    name: inputs.workspaceName ?? name,
    identity: { ...inputs.identity, principalId: guid(name, 'principal'), tenantId: guid('tenant') },
  }),
  // A vault's name and a key's versioned URI (pulumi/pulumi-self-hosted-installers' aks-hosted/01-infrastructure
  // exports the key's version, the URI after `https://<vault>.vault.azure.net/keys/<key>/`).
  'azure-native:keyvault:Vault': (name, inputs) => ({
    id: `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.KeyVault/vaults/${inputs.vaultName ?? name}`,
    name: inputs.vaultName ?? name,
  }),
  'azure-native:keyvault:Key': (name, inputs) => {
    const key = inputs.keyName ?? name;
    return {
      id: `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.KeyVault/vaults/${inputs.vaultName}/keys/${key}`,
      name: key,
      keyUriWithVersion: `https://${inputs.vaultName}.vault.azure.net/keys/${key}/${guid(name, 'version').replaceAll('-', '')}`,
    };
  },
  // An AKS cluster's node resource group and, where the program enables it, its OIDC issuer (the issuer a federated
  // identity credential trusts: pulumi/pulumi-self-hosted-installers' aks-hosted/02-kubernetes).
  'azure-native:containerservice:ManagedCluster': (name, inputs) => ({
    id: `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.ContainerService/managedClusters/${inputs.resourceName ?? name}`,
    name: inputs.resourceName ?? name,
    nodeResourceGroup: inputs.nodeResourceGroup ?? `MC_${inputs.resourceGroupName}_${inputs.resourceName ?? name}`,
    ...(inputs.oidcIssuerProfile?.enabled
      ? {
          oidcIssuerProfile: {
            enabled: true,
            issuerURL: `https://eastus.oic.prod-aks.azure.com/${guid('tenant')}/${guid(name, 'issuer')}/`,
          },
        }
      : {}),
  }),
  'azure-native:authorization:RoleDefinition': (name, inputs) => {
    const roleDefinitionId = guid(name, 'role');
    return {
      id: `${inputs.scope}/providers/Microsoft.Authorization/roleDefinitions/${roleDefinitionId}`,
      name: roleDefinitionId,
    };
  },
};

/** The project a resource is in: its own, else the provider's (`gcp:project` of the stack's config), as the provider fills it. */
const gcpProject = (inputs) => inputs.project ?? JSON.parse(process.env.PULUMI_CONFIG ?? '{}')['gcp:project'];

const GCP = {
  'gcp:serviceaccount/account:Account': (_name, inputs) => {
    const project = gcpProject(inputs);
    const email = `${inputs.accountId}@${project}.iam.gserviceaccount.com`;
    const name = `projects/${project}/serviceAccounts/${email}`;
    // The project is an output only where the program left it to the provider (in preview an output is unknown).
    return { id: name, name, email, uniqueId: '1' + GCP_PROJECT_NUMBER, ...(inputs.project ? {} : { project }) };
  },
  'gcp:iam/workloadIdentityPool:WorkloadIdentityPool': (_name, inputs) => {
    const poolName = `projects/${GCP_PROJECT_NUMBER}/locations/global/workloadIdentityPools/${inputs.workloadIdentityPoolId}`;
    return { id: poolName, name: poolName };
  },
  'gcp:secretmanager/secret:Secret': (_name, inputs) => ({
    id: `projects/${inputs.project}/secrets/${inputs.secretId}`,
    name: `projects/${GCP_PROJECT_NUMBER}/secrets/${inputs.secretId}`,
  }),
  'gcp:projects/iAMCustomRole:IAMCustomRole': (_name, inputs) => ({
    id: `projects/${inputs.project}/roles/${inputs.roleId}`,
    name: `projects/${inputs.project}/roles/${inputs.roleId}`,
  }),
  'gcp:iam/workloadIdentityPoolProvider:WorkloadIdentityPoolProvider': (_name, inputs) => {
    const providerName = `projects/${GCP_PROJECT_NUMBER}/locations/global/workloadIdentityPools/${inputs.workloadIdentityPoolId}/providers/${inputs.workloadIdentityPoolProviderId}`;
    return { id: providerName, name: providerName };
  },
  'gcp:pubsub/topic:Topic': (_name, inputs) => ({ id: `projects/${inputs.project}/topics/${inputs.name}` }),
  // A 1st-gen function: the name the program set, else Pulumi's auto-name (the resource's name, a dash and seven
  // random hex digits; here a hash of the name), in the provider's project and region where the program set none
  // (pulumi/pulumi-gcp's CallbackFunction grants its invoker on `name`, `project` and `region`).
  'gcp:cloudfunctions/function:Function': (name, inputs) => {
    const functionName = inputs.name ?? `${name}-${createHash('sha256').update(name).digest('hex').slice(0, 7)}`;
    const project = gcpProject(inputs);
    const region = inputs.region ?? JSON.parse(process.env.PULUMI_CONFIG ?? '{}')['gcp:region'];
    return {
      id: `projects/${project}/locations/${region}/functions/${functionName}`,
      name: functionName,
      project,
      region,
    };
  },
  // The endpoint and CA a kubeconfig is built from (pulumi/examples' GKE programs read masterAuth in an apply), and the
  // name: the program's, else Pulumi's auto-name (pulumi/templates' kubernetes-gcp-typescript names its node pool's
  // service account after it).
  'gcp:container/cluster:Cluster': (name, inputs) => ({
    id: name,
    name: inputs.name ?? `${name}-${createHash('sha256').update(name).digest('hex').slice(0, 7)}`,
    endpoint: '203.0.113.10',
    masterAuth: { clusterCaCertificate: Buffer.from(`CA of ${name}`).toString('base64') },
  }),
};

/** `{ type, identifiers }` blocks as a policy's Principal: `{ AWS: [...], Service: [...] }`, or `"*"` for type `*`. */
function principalOf(blocks) {
  if (blocks.some(({ type }) => type === '*')) return '*';
  const principal = {};
  for (const { type, identifiers } of blocks) principal[type] = [...(principal[type] ?? []), ...identifiers];
  return principal;
}

/**
 * The document aws.iam.getPolicyDocument renders from its statements (argument names of @pulumi/aws 7.48.0's
 * types/input.d.ts GetPolicyDocumentStatement; the rendering of terraform-provider-aws's aws_iam_policy_document:
 * effect Allow unless set, conditions as `{ test: { variable: values } }`). The provider writes a one-item list as a
 * string; lists are kept here, which IAM reads the same. Source and override documents are not merged.
 */
function policyDocument({ statements = [], policyId, version = '2012-10-17' }) {
  const statement = statements.map((s) => {
    const rendered = { ...(s.sid ? { Sid: s.sid } : {}), Effect: s.effect ?? 'Allow' };
    if (s.actions) rendered.Action = s.actions;
    if (s.notActions) rendered.NotAction = s.notActions;
    if (s.resources) rendered.Resource = s.resources;
    if (s.notResources) rendered.NotResource = s.notResources;
    if (s.principals) rendered.Principal = principalOf(s.principals);
    if (s.notPrincipals) rendered.NotPrincipal = principalOf(s.notPrincipals);
    if (s.conditions) {
      rendered.Condition = {};
      for (const { test, variable, values } of s.conditions)
        rendered.Condition[test] = { ...rendered.Condition[test], [variable]: values };
    }
    return rendered;
  });
  const document = { Version: version, ...(policyId ? { Id: policyId } : {}), Statement: statement };
  return { id: 'policy-document', json: JSON.stringify(document, null, 2), minifiedJson: JSON.stringify(document) };
}

/** What a provider function returns, where a program reads it; other functions echo their inputs. */
const INVOKES = {
  'aws:iam/getPolicyDocument:getPolicyDocument': policyDocument,
  'aws:index/getCallerIdentity:getCallerIdentity': () => ({
    id: AWS_ACCOUNT,
    accountId: AWS_ACCOUNT,
    arn: `arn:aws:iam::${AWS_ACCOUNT}:user/deployer`,
    userId: 'AIDAEXAMPLEDEPLOYER',
  }),
  // The organization the deploying account manages (pulumi/examples' aws-ts-organizations reads its root's id).
  'aws:organizations/getOrganization:getOrganization': () => ({
    id: 'o-exampleorg1',
    masterAccountId: AWS_ACCOUNT,
    roots: [{ id: 'r-ex12', arn: `arn:aws:organizations::${AWS_ACCOUNT}:root/o-exampleorg1/r-ex12`, name: 'Root' }],
  }),
  // The region's zones, names and ids (pulumi/examples' aws-ts-wordpress-fargate-rds puts a subnet in each by zoneIds).
  'aws:index/getAvailabilityZones:getAvailabilityZones': (inputs) => ({
    ...inputs,
    id: AWS_REGION,
    names: ['a', 'b', 'c'].map((zone) => `${AWS_REGION}${zone}`),
    zoneIds: [1, 2, 3].map((zone) => `euw1-az${zone}`),
    groupNames: [AWS_REGION],
  }),
  // An Entra ID user the program looks up (pulumi/pulumi-azuread's DirectoryRoleMember and GroupMember examples).
  'azuread:index/getUser:getUser': (inputs) => ({
    ...inputs,
    id: guid(inputs.userPrincipalName ?? 'user', 'object'),
    objectId: guid(inputs.userPrincipalName ?? 'user', 'object'),
  }),
  // The published application ids, keyed as the provider returns them (its data source documents `MicrosoftGraph`).
  'azuread:index/getApplicationPublishedAppIds:getApplicationPublishedAppIds': () => ({
    id: 'appIds',
    result: { MicrosoftGraph: '00000003-0000-0000-c000-000000000000' },
  }),
  // Who runs the deployment (pulumi/examples' azure-ts-synapse grants its user a role by this objectId).
  'azure-native:authorization:getClientConfig': () => ({
    clientId: guid('deployer', 'client'),
    objectId: guid('deployer', 'object'),
    subscriptionId: AZURE_SUBSCRIPTION,
    tenantId: guid('tenant'),
  }),
  // A DNS zone the program looks up (pulumi/pulumi-self-hosted-installers' aks-hosted/02-kubernetes grants DNS Zone
  // Contributor on it, for cert-manager's DNS-01 challenges).
  'azure-native:dns:getZone': (inputs) => ({
    ...inputs,
    id: `/subscriptions/${AZURE_SUBSCRIPTION}/resourceGroups/${inputs.resourceGroupName}/providers/Microsoft.Network/dnszones/${inputs.zoneName}`,
    name: inputs.zoneName,
  }),
  // An AKS cluster's kubeconfig, base64 as Azure returns it.
  'azure-native:containerservice:listManagedClusterAdminCredentials': (inputs) => ({
    kubeconfigs: [
      { name: 'clusterAdmin', value: Buffer.from(`apiVersion: v1\n# ${inputs.resourceName}\n`).toString('base64') },
    ],
  }),
  // A Cosmos DB account's keys (pulumi/examples' azure-ts-cosmosdb-logicapp hands the primary one to a Logic App
  // connection). Placeholders derived from the account's name, not real keys.
  'azure-native:cosmosdb:listDatabaseAccountKeys': (inputs) => {
    const key = (which) => createHash('sha256').update(`${inputs.accountName}/${which}`).digest('base64');
    return {
      primaryMasterKey: key('primary'),
      secondaryMasterKey: key('secondary'),
      primaryReadonlyMasterKey: key('primary-readonly'),
      secondaryReadonlyMasterKey: key('secondary-readonly'),
    };
  },
  'azure-native:containerservice:listManagedClusterUserCredentials': (inputs) => ({
    kubeconfigs: [
      { name: 'clusterUser', value: Buffer.from(`apiVersion: v1\n# ${inputs.resourceName}\n`).toString('base64') },
    ],
  }),
};

export function invokeResult(token, inputs) {
  return INVOKES[token]?.(inputs) ?? inputs;
}

/**
 * A key pair the tls provider generates: its PEM and OpenSSH forms (pulumi/examples' openclaw programs hash the public
 * key into a gateway token and export the private key). Placeholders derived from the name, not real keys.
 */
const TLS = {
  'tls:index/privateKey:PrivateKey': (name) => {
    const material = createHash('sha256').update(name).digest('base64');
    return {
      id: createHash('sha1').update(name).digest('hex'),
      privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${material}\n-----END PRIVATE KEY-----\n`,
      privateKeyOpenssh: `-----BEGIN OPENSSH PRIVATE KEY-----\n${material}\n-----END OPENSSH PRIVATE KEY-----\n`,
      publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${material}\n-----END PUBLIC KEY-----\n`,
      publicKeyOpenssh: `ssh-ed25519 ${material}\n`,
    };
  },
};

/**
 * A random.RandomString's `result`, which programs use as a name or a password (pulumi/pulumi-kubernetes'
 * tests/sdk/nodejs/examples/mariadb base64-encodes it into a Secret: without a result `Buffer.from` threw). Letters
 * derived from the name, `length` of them, which every option set allows.
 */
const RANDOM = {
  'random:index/randomString:RandomString': (name, inputs) => {
    const letters = [...createHash('sha256').update(name).digest()].map((byte) =>
      String.fromCharCode(97 + (byte % 26)),
    );
    const result = letters
      .join('')
      .repeat(8)
      .slice(0, Number(inputs.length) || 16);
    return { id: result, result };
  },
};

/**
 * A Helm release's status, as the provider reports it once installed: the release's name (the one the program set,
 * else the resource's name) and namespace (pulumi/pulumi-self-hosted-installers' aks-hosted/02-kubernetes names
 * cert-manager's service account after `status.name`).
 */
const KUBERNETES = {
  'kubernetes:helm.sh/v3:Release': (name, inputs) => ({
    id: `${inputs.namespace ?? 'default'}/${inputs.name ?? name}`,
    status: { name: inputs.name ?? name, namespace: inputs.namespace ?? 'default', status: 'deployed' },
  }),
};

const COMPUTED = { ...AWS, ...AZURE, ...GCP, ...TLS, ...RANDOM, ...KUBERNETES };

/** The resource's id and the outputs its cloud computes; other types get only an id. */
export function computedOutputs(type, name, inputs) {
  return COMPUTED[type]?.(name, inputs) ?? { id: `${name}-id` };
}
