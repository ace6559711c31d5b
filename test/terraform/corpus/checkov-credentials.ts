/**
 * Checkov's CKV_AWS_45 (credentials in a Lambda function's environment) and CKV_AWS_46 (credentials in EC2 user data)
 * Terraform fixtures, bridgecrewio/checkov @ 03d5fdad8d6154b1565799a7b1fb8070c158866f (Apache License 2.0), copied
 * verbatim to test/corpus/checkov-credentials/terraform_{Lambda,EC2}Credentials/main.tf, as the plan of each configuration would carry it.
 * Written here by hand (no Terraform binary runs in the tests): each resource's arguments as planned by an AWS provider
 * 5.x (which plans user_data as written, not its hash), every user data heredoc read from main.tf as written (a heredoc
 * ends with its newline), ids known after apply. Departures, needed for a plan to exist: `tags` naming
 * `local.resource_prefix`, which neither fixture declares, are left out; `image_id = data.aws_ami.ubuntu.id` names an
 * undeclared data source, and is written here as a value known after apply. Checkov's verdicts (the checks' own tests):
 * CKV_AWS_45 fails `aws_lambda_function.fail`, passes `pass` and `no_env`; CKV_AWS_46 fails `aws_instance.fail`,
 * `aws_launch_template.fail`, `aws_launch_configuration.fail`, passes the three `pass`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PlannedResource } from '../support.js';

const CORPUS = join(import.meta.dirname, '../../corpus/checkov-credentials');

/** The `user_data = <<EOF … EOF` heredoc of a resource block of main.tf (a commented-out block is no resource). */
function heredoc(tf: string, type: string, name: string): string {
  const start = tf.search(new RegExp(`^resource "${type}" "${name}" \\{`, 'm'));
  const body = /user_data\s*=\s*<<EOF\n([\s\S]*?\n)EOF/.exec(tf.slice(start));
  if (start < 0 || !body) throw new Error(`no user_data heredoc in ${type}.${name}`);
  return body[1]!;
}

const lambda = (name: string, functionName: string, variables?: Record<string, string>): PlannedResource => ({
  address: `aws_lambda_function.${name}`,
  values: {
    function_name: functionName,
    role: '',
    runtime: 'python3.9',
    ...(variables ? { environment: [{ variables }] } : {}),
  },
  unknown: { arn: true, id: true, invoke_arn: true, qualified_arn: true, version: true },
});

export const CHECKOV_LAMBDA_CREDENTIALS: PlannedResource[] = [
  lambda('pass', 'test-env', { AWS_DEFAULT_REGION: 'us-west-2' }),
  lambda('no_env', 'test-env'),
  lambda('fail', 'stest-env', {
    AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    AWS_DEFAULT_REGION: 'us-west-2',
  }),
];

export function checkovEc2Credentials(): PlannedResource[] {
  const tf = readFileSync(join(CORPUS, 'terraform_EC2Credentials/main.tf'), 'utf8');
  const instance = (name: string): PlannedResource => ({
    address: `aws_instance.${name}`,
    values: { ami: 'ami-04169656fea786776', instance_type: 't2.nano', user_data: heredoc(tf, 'aws_instance', name) },
    unknown: { arn: true, id: true, private_ip: true, public_ip: true },
  });
  return [
    instance('pass'),
    instance('fail'),
    {
      address: 'aws_launch_template.fail',
      values: {
        image_id: 'ami-12345667',
        instance_type: 't2.small',
        user_data: heredoc(tf, 'aws_launch_template', 'fail'),
      },
      unknown: { arn: true, id: true, latest_version: true },
    },
    {
      address: 'aws_launch_template.pass',
      values: { image_id: 'ami-12345667', instance_type: 't2.small' },
      unknown: { arn: true, id: true, latest_version: true },
    },
    {
      address: 'aws_launch_configuration.fail',
      values: {
        name: 'web_config',
        instance_type: 't2.micro',
        user_data: heredoc(tf, 'aws_launch_configuration', 'fail'),
      },
      unknown: { arn: true, id: true, image_id: true },
      references: { image_id: ['data.aws_ami.ubuntu.id', 'data.aws_ami.ubuntu'] },
    },
    {
      address: 'aws_launch_configuration.pass',
      values: { name: 'web_config', instance_type: 't2.micro' },
      unknown: { arn: true, id: true, image_id: true },
      references: { image_id: ['data.aws_ami.ubuntu.id', 'data.aws_ami.ubuntu'] },
    },
  ];
}
