/**
 * Credentials a Terraform plan's AWS resources write into their own configuration (Model.plainCredentials), in
 * Terraform's words: a password argument judged on the configuration (a constant, a variable's default or module
 * argument: written; a resource's or data source's value, or a variable given at plan time: not; a local, or a value
 * without configuration: undecidable, advisory), and a credential by its format, or a literal under a secret's name, in
 * a function's, container's or CodeBuild project's environment and in user data, read from the planned values.
 */
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { modelFromTerraformPlan } from '../../src/adapters/terraform/index.js';
import { runRules } from '../../src/engine/evaluate.js';
import rule from '../../src/rules/no-long-lived-credentials.js';
import { catalog } from '../support/builders.js';
import { terraformPlan, type PlannedResource, type PlanOptions } from './support.js';

// AWS's documented example key pair (IAM User Guide, "Managing access keys").
const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET_KEY = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

function plain(resources: PlannedResource[], options?: PlanOptions, json = terraformPlan(resources, options)) {
  return (modelFromTerraformPlan(json, { file: 'plan.json' }).plainCredentials ?? []).map((credential) => [
    credential.source.name,
    credential.kind,
    credential.places,
    credential.valueInProgram ?? false,
  ]);
}

const db = (name: string, values: Record<string, unknown>, references?: Record<string, string[]>): PlannedResource => ({
  address: `aws_db_instance.${name}`,
  values: { engine: 'postgres', instance_class: 'db.t3.micro', username: 'admin', ...values },
  unknown: { id: true, arn: true, endpoint: true },
  ...(references ? { references } : {}),
});

describe('Terraform: credentials written in plain configuration', () => {
  it('a password argument written as a constant, in a nested block, or as the default or module argument a variable reads', () => {
    expect(
      plain(
        [
          db('literal', { password: 'hunter2hunter2' }),
          {
            address: 'aws_rds_cluster.aurora',
            values: { engine: 'aurora-postgresql', master_username: 'admin', master_password: 'Defaulted-Pw1' },
            unknown: { id: true, arn: true },
            references: { master_password: ['var.db_password'] },
          },
          {
            address: 'aws_redshift_cluster.warehouse',
            values: { cluster_identifier: 'warehouse', master_username: 'admin', master_password: 'Redshift1Pass' },
            unknown: { id: true, arn: true },
          },
          {
            address: 'aws_mq_broker.broker',
            values: { broker_name: 'broker', user: [{ username: 'mq', password: 'mq-password-1' }] },
            unknown: { id: true, arn: true },
          },
          {
            address: 'module.docs.aws_docdb_cluster.docs',
            values: { cluster_identifier: 'docs', master_username: 'admin', master_password: 'Module-Arg-Pw1' },
            unknown: { id: true, arn: true },
            references: { master_password: ['var.password'] },
          },
        ],
        {
          variables: { '': { db_password: { default: 'Defaulted-Pw1', sensitive: true } } },
          moduleConstants: { docs: { password: 'Module-Arg-Pw1' } },
        },
      ),
    ).toEqual([
      ['aws_db_instance.literal', 'password', ['password'], false],
      ['aws_rds_cluster.aurora', 'password', ['master_password (the default of variable db_password)'], false],
      ['aws_redshift_cluster.warehouse', 'password', ['master_password'], false],
      ['aws_mq_broker.broker', 'password', ['user[0].password'], false],
      ['module.docs.aws_docdb_cluster.docs', 'password', ['master_password (argument password of module.docs)'], false],
    ]);
  });

  it('reads a nested block as the configuration writes it, a list of expression objects', () => {
    const json = terraformPlan([
      {
        address: 'aws_mq_broker.broker',
        values: { broker_name: 'broker', user: [{ username: 'mq', password: 'mq-password-1' }] },
      },
    ]);
    const configuration = json.configuration as { root_module: { resources: { expressions: object }[] } };
    configuration.root_module.resources[0]!.expressions = {
      broker_name: { constant_value: 'broker' },
      user: [{ username: { constant_value: 'mq' }, password: { constant_value: 'mq-password-1' } }],
    };
    expect(plain([], undefined, json)).toEqual([['aws_mq_broker.broker', 'password', ['user[0].password'], false]]);
  });

  it('no password written: a random_password, a secret store, a variable given at plan time, a managed password; a constant is', () => {
    expect(
      plain(
        [
          db(
            'generated',
            { password: 'Zq8#kL2!pX' },
            { password: ['random_password.db.result', 'random_password.db'] },
          ),
          db(
            'stored',
            { password: 'From-Secrets-Mgr1' },
            {
              password: [
                'data.aws_secretsmanager_secret_version.db.secret_string',
                'data.aws_secretsmanager_secret_version.db',
              ],
            },
          ),
          db('tfvars', { password: 'From-Tfvars-Pw1' }, { password: ['var.given_at_plan'] }),
          db('managed', { manage_master_user_password: true }),
          // Beside them, a constant: the one written.
          db('constant', { password: 'hunter2hunter2' }),
          // The provider generates it: an output, never an argument of the configuration.
          {
            address: 'aws_iam_user_login_profile.console',
            values: { user: 'alice' },
            unknown: { password: true, encrypted_password: true },
          },
        ],
        { variables: { '': { given_at_plan: { sensitive: true } } } },
      ),
    ).toEqual([['aws_db_instance.constant', 'password', ['password'], false]]);
  });

  it('a password from a local, or in a plan without configuration, is undecidable: valueInProgram', () => {
    expect(plain([db('local', { password: 'From-A-Local-1' }, { password: ['local.db_password'] })])).toEqual([
      ['aws_db_instance.local', 'password', ['password'], true],
    ]);
    expect(plain([db('trimmed', { password: 'hunter2hunter2' })], { noConfiguration: true })).toEqual([
      ['aws_db_instance.trimmed', 'password', ['password'], true],
    ]);
  });

  it("a function's environment, a task definition's container_definitions, a CodeBuild project's PLAINTEXT variables", () => {
    expect(
      plain([
        {
          address: 'aws_lambda_function.fn',
          values: {
            function_name: 'fn',
            environment: [
              { variables: { AWS_ACCESS_KEY_ID: KEY_ID, AWS_SECRET_ACCESS_KEY: SECRET_KEY, STAGE: 'prod' } },
            ],
          },
          unknown: { arn: true, role: true },
        },
        {
          address: 'aws_ecs_task_definition.web',
          values: {
            family: 'web',
            container_definitions: JSON.stringify([
              {
                name: 'web',
                image: 'wordpress',
                environment: [
                  { name: 'WORDPRESS_DB_PASSWORD', value: 'Wp-Db-Pa55word' },
                  { name: 'WORDPRESS_DB_HOST', value: 'db.example.com' },
                ],
                secrets: [{ name: 'API_TOKEN', valueFrom: 'arn:aws:ssm:eu-west-1:111122223333:parameter/api-token' }],
              },
            ]),
          },
          unknown: { arn: true },
        },
        {
          address: 'aws_codebuild_project.build',
          values: {
            name: 'build',
            environment: [
              {
                type: 'LINUX_CONTAINER',
                compute_type: 'BUILD_GENERAL1_SMALL',
                image: 'aws/codebuild/standard:7.0',
                environment_variable: [
                  { name: 'GITHUB_TOKEN', value: 'Gh-Build-Token-1234', type: 'PLAINTEXT' },
                  { name: 'NPM_TOKEN', value: 'ci/npm-token', type: 'SECRETS_MANAGER' },
                  { name: 'DB_PASSWORD', value: 'Ci-Db-Pa55word', type: 'PARAMETER_STORE' },
                  { name: 'STAGE', value: 'prod', type: 'PLAINTEXT' },
                ],
              },
            ],
          },
          unknown: { arn: true },
        },
        {
          // A value known only at apply (a data source read then) is not written in the configuration.
          address: 'aws_lambda_function.pending',
          values: { function_name: 'pending', environment: [{ variables: { STAGE: 'prod' } }] },
          unknown: { environment: [{ variables: { API_TOKEN: true } }] },
        },
      ]),
    ).toEqual([
      [
        'aws_lambda_function.fn',
        'access-key',
        ['environment[0].variables["AWS_ACCESS_KEY_ID"]', 'environment[0].variables["AWS_SECRET_ACCESS_KEY"]'],
        false,
      ],
      [
        'aws_ecs_task_definition.web',
        'password',
        ['container_definitions[web].environment.WORDPRESS_DB_PASSWORD'],
        false,
      ],
      ['aws_codebuild_project.build', 'token', ['environment[0].environment_variable[0] (GITHUB_TOKEN)'], false],
    ]);
  });

  it('user data: the planned text, base64 (user_data_base64, a launch template), and the constant a hashed plan leaves out', () => {
    const script = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\nexport AWS_SECRET_ACCESS_KEY=${SECRET_KEY}\n`;
    const hashed = terraformPlan([
      { address: 'aws_instance.hashed', values: { ami: 'ami-12345678', user_data: script }, unknown: { id: true } },
    ]);
    // AWS providers before 5.0 plan the hash of user_data; the configuration still writes the script.
    const change = (hashed.resource_changes as { change: { after: Record<string, unknown> } }[])[0]!;
    change.change.after.user_data = '3f786850e387550fdab836ed7e6dc881de23001b';
    expect(
      plain([
        { address: 'aws_instance.text', values: { ami: 'ami-12345678', user_data: script }, unknown: { id: true } },
        {
          address: 'aws_instance.encoded',
          values: { ami: 'ami-12345678', user_data_base64: Buffer.from(script).toString('base64') },
          unknown: { id: true },
        },
        {
          address: 'aws_launch_template.lt',
          values: {
            image_id: 'ami-12345678',
            user_data: Buffer.from(
              '#!/bin/bash\necho "-----BEGIN OPENSSH PRIVATE KEY-----" > /root/.ssh/id\n',
            ).toString('base64'),
          },
          unknown: { id: true },
        },
        {
          address: 'aws_launch_configuration.clean',
          values: {
            image_id: 'ami-12345678',
            user_data: 'export AWS_ACCESS_KEY_ID=FOO\nexport AWS_SECRET_ACCESS_KEY=bar\n',
          },
          unknown: { id: true },
        },
      ]).concat(plain([], undefined, hashed)),
    ).toEqual([
      ['aws_instance.text', 'access-key', ['user_data'], false],
      ['aws_instance.encoded', 'access-key', ['user_data_base64'], false],
      ['aws_launch_template.lt', 'private-key', ['user_data'], false],
      ['aws_instance.hashed', 'access-key', ['user_data'], false],
    ]);
  });

  it('user data that cloudinit_config renders (gzip, then base64, its defaults) is inflated and read; base64 of other bytes is not text', () => {
    const part = `Content-Type: text/x-shellscript\n\n#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n`;
    const random = Buffer.from(Array.from({ length: 96 }, (_, index) => (index * 151 + 7) % 256));
    expect(
      plain([
        {
          address: 'aws_launch_template.gzipped',
          values: { image_id: 'ami-12345678', user_data: gzipSync(part).toString('base64') },
          unknown: { id: true },
        },
        {
          address: 'aws_launch_template.bytes',
          values: { image_id: 'ami-12345678', user_data: random.toString('base64') },
          unknown: { id: true },
        },
      ]),
    ).toEqual([['aws_launch_template.gzipped', 'access-key', ['user_data'], false]]);
  });

  it("an AzureRM VM's or database server's administrator password written in the configuration (h101: it passed)", () => {
    // terraform-compliance's issue-294 and case_sensitivity plans (test/corpus/terraform-multicloud) write them so.
    expect(
      plain([
        {
          address: 'azurerm_windows_virtual_machine.win',
          values: { name: 'win', admin_username: 'azureuser', admin_password: 'ComplxP@ssw0rd!' },
          unknown: { id: true },
        },
        // The legacy VM's os_profile block (a module argument there: the corpus plan issue-294).
        {
          address: 'azurerm_virtual_machine.legacy',
          values: { name: 'legacy', os_profile: [{ computer_name: 'legacy', admin_password: 'Legacy-Pw-123' }] },
          unknown: { id: true },
        },
        {
          address: 'azurerm_postgresql_server.db',
          values: { name: 'db', administrator_login: 'psqladmin', administrator_login_password: 'H@Sh1CoR3!' },
          unknown: { id: true },
        },
        // Not written: a random_password.
        {
          address: 'azurerm_mssql_server.sql',
          values: { name: 'sql', administrator_login: 'sqladmin', administrator_login_password: 'Zq8#kL2!pX' },
          unknown: { id: true },
          references: { administrator_login_password: ['random_password.sql.result', 'random_password.sql'] },
        },
        // An output the service generates, never an argument: a container registry's admin password.
        {
          address: 'azurerm_container_registry.acr',
          values: { name: 'acr', admin_enabled: true, admin_password: 'generated-by-azure-1' },
          unknown: { id: true },
        },
      ]),
    ).toEqual([
      ['azurerm_windows_virtual_machine.win', 'password', ['admin_password'], false],
      ['azurerm_virtual_machine.legacy', 'password', ['os_profile[0].admin_password'], false],
      ['azurerm_postgresql_server.db', 'password', ['administrator_login_password'], false],
    ]);
    // Without the configuration a known value may come from anywhere (a Key Vault secret): not judged.
    expect(
      plain(
        [
          {
            address: 'azurerm_linux_virtual_machine.vm',
            values: { name: 'vm', admin_username: 'azureuser', admin_password: 'From-Somewhere-1' },
          },
        ],
        { noConfiguration: true },
      ),
    ).toEqual([]);
  });

  it("an AKS cluster's Windows administrator password and its service principal's client secret written in the configuration (passed before h144)", () => {
    const cluster = {
      name: 'aks',
      dns_prefix: 'aks',
      default_node_pool: [{ name: 'system', vm_size: 'Standard_D2s_v5' }],
    };
    expect(
      plain([
        {
          address: 'azurerm_kubernetes_cluster.legacy',
          values: {
            ...cluster,
            service_principal: [
              { client_id: '05e50491-3987-4381-8c5d-513947369cab', client_secret: 'Sp-Secret~0123456789' },
            ],
            windows_profile: [{ admin_username: 'azureuser', admin_password: 'Win-Admin-Pw-123!' }],
          },
          unknown: { id: true },
        },
        // Not written: a secret known only at apply (an azuread_service_principal_password's value).
        {
          address: 'azurerm_kubernetes_cluster.made',
          values: { ...cluster, service_principal: [{ client_id: '05e50491-3987-4381-8c5d-513947369cab' }] },
          unknown: { id: true, service_principal: [{ client_secret: true }] },
        },
      ]),
    ).toEqual([
      [
        'azurerm_kubernetes_cluster.legacy',
        'password',
        ['service_principal[0].client_secret', 'windows_profile[0].admin_password'],
        false,
      ],
    ]);
  });

  it("an Azure VM's custom_data and user_data, a Google Cloud instance's startup script, by format, in Terraform's words", () => {
    const script = `#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\n`;
    const base64 = Buffer.from(script).toString('base64');
    const pem = '#!/bin/bash\necho "-----BEGIN RSA PRIVATE KEY-----" > /etc/app.key\n';
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'azurerm_linux_virtual_machine.vm',
          values: { name: 'vm', custom_data: base64, user_data: base64 },
          unknown: { id: true },
        },
        {
          address: 'azurerm_virtual_machine.legacy',
          values: { name: 'legacy', os_profile: [{ computer_name: 'legacy', custom_data: pem }] },
          unknown: { id: true },
        },
        {
          address: 'google_compute_instance.gce',
          values: { name: 'gce', metadata_startup_script: script, metadata: { 'startup-script': pem } },
          unknown: { id: true },
        },
        {
          address: 'google_compute_instance_template.clean',
          values: { name: 'clean', metadata: { 'startup-script': 'apt-get install -y nginx' } },
          unknown: { id: true },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(
      (model.plainCredentials ?? []).map((credential) => [
        credential.source.name,
        credential.cloud,
        credential.kind,
        credential.places,
      ]),
    ).toEqual([
      ['azurerm_linux_virtual_machine.vm', 'azure', 'access-key', ['custom_data', 'user_data']],
      ['azurerm_virtual_machine.legacy', 'azure', 'private-key', ['os_profile[0].custom_data']],
      ['google_compute_instance.gce', 'gcp', 'access-key', ['metadata_startup_script']],
      ['google_compute_instance.gce', 'gcp', 'private-key', ['metadata["startup-script"]']],
    ]);
  });

  it('no-long-lived-credentials: a constant password mandatory, a local advisory, with the exact messages', () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        db('literal', { password: 'hunter2hunter2' }),
        db('local', { password: 'From-A-Local-1' }, { password: ['local.db_password'] }),
      ]),
      { file: 'plan.json' },
    );
    expect(
      runRules(model, [rule], { catalog: catalog() }).findings.map((finding) => [
        finding.resource.name,
        finding.level,
        finding.detail,
        finding.message,
      ]),
    ).toEqual([
      [
        'aws_db_instance.literal',
        'mandatory',
        'Credential::plaintext',
        'A password is written in the configuration of aws_db_instance.literal (password): whoever may read that ' +
          'configuration, and every copy of the source, template and state, holds it, and nothing rotates it. Let the ' +
          'service keep the password in Secrets Manager (manage_master_user_password where the resource has it), or ' +
          'pass one the configuration does not hold: a random_password, or a value read from a secret store (an ' +
          'ephemeral resource into a write-only argument such as password_wo, Terraform 1.11 and later), and rotate ' +
          'the exposed value.',
      ],
      [
        'aws_db_instance.local',
        'advisory',
        'Credential::plaintext',
        'A password of aws_db_instance.local (password) gets its value from the program that declares it: either a ' +
          'literal in its source, which every copy of the code holds, or a value the front-end keeps secret, which ' +
          'this check cannot tell apart. Keep literals out of the source: let the service keep the password in ' +
          'Secrets Manager (manage_master_user_password where the resource has it), or pass one the configuration ' +
          'does not hold: a random_password, or a value read from a secret store (an ephemeral resource into a ' +
          'write-only argument such as password_wo, Terraform 1.11 and later).',
      ],
    ]);
  });

  it("an Entra ID user's password written in the configuration is one (it passed in silence); a random_password is not", () => {
    const model = modelFromTerraformPlan(
      terraformPlan([
        {
          address: 'azuread_user.me',
          values: {
            user_principal_name: 'me@example.onmicrosoft.com',
            display_name: 'Me',
            password: 'SecretP@sswd99!',
          },
          unknown: { id: true, object_id: true },
        },
        {
          address: 'azuread_user.generated',
          values: {
            user_principal_name: 'generated@example.onmicrosoft.com',
            display_name: 'G',
            password: 'Zq8#kL2!pX',
          },
          unknown: { id: true, object_id: true },
          references: { password: ['random_password.user.result', 'random_password.user'] },
        },
      ]),
      { file: 'plan.json' },
    );
    expect(
      runRules(model, [rule], { catalog: catalog() }).findings.map((finding) => [
        finding.resource.name,
        finding.level,
        finding.detail,
        finding.message,
      ]),
    ).toEqual([
      [
        'azuread_user.me',
        'mandatory',
        'Credential::plaintext',
        'A password is written in the configuration of azuread_user.me (password): whoever may read that ' +
          'configuration, and every copy of the source, template and state, holds it, and nothing rotates it. Pass a ' +
          'password the configuration does not hold (a random_password handed to the person out of band) with ' +
          'force_password_change set, so the person replaces it at first sign-in, or invite the person ' +
          '(azuread_invitation) instead of giving the account a password, and rotate the exposed value.',
      ],
    ]);
  });
});
