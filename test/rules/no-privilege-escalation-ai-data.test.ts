/**
 * no-privilege-escalation through SageMaker and Glue, pathfinding.cloud's paths that were not read: a training or
 * processing job runs its code as the execution role it is passed (sagemaker-002, -003); a presigned URL opens a
 * notebook's Jupyter, and a lifecycle script runs at its start, as the notebook's role (sagemaker-004, -005: on every
 * notebook they reach the most privileged one); a Glue job created or updated with a passed role runs the holder's
 * script when a trigger or a job run starts it (glue-004, -005, -006), and an interactive session runs the statements
 * sent to it as its role (glue-007). AmazonSageMakerFullAccess (sagemaker:* with iam:PassRole to SageMaker) opened only
 * the notebook path. bedrock-005 (an AgentCore harness) needs every action of bedrock-003 and is reported as it.
 */
import rule from '../../src/rules/no-privilege-escalation.js';
import { allow, model, role } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';
import { PATHFINDING, pathFinding, CONDITIONED } from './support/escalation-findings.js';

const TO_SAGEMAKER = { Condition: { StringEquals: { 'iam:PassedToService': 'sagemaker.amazonaws.com' } } };
const TO_LAMBDA = { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } };

const NOTEBOOK = 'arn:aws:sagemaker:us-east-1:111122223333:notebook-instance/research';
const JOB = 'arn:aws:glue:us-east-1:111122223333:job/nightly-etl';

ruleTester(rule, {
  valid: [
    {
      name: "a presigned URL and a restart of one named notebook: its user's own way in",
      model: model({
        identities: [
          role('Researcher', {
            policies: [
              allow(
                [
                  'sagemaker:CreatePresignedNotebookInstanceUrl',
                  'sagemaker:StopNotebookInstance',
                  'sagemaker:UpdateNotebookInstance',
                  'sagemaker:StartNotebookInstance',
                ],
                NOTEBOOK,
              ),
              allow('sagemaker:CreateNotebookInstanceLifecycleConfig'),
            ],
          }),
        ],
      }),
    },
    {
      name: 'jobs, sessions and triggers created and run, iam:PassRole only to Lambda: SageMaker and Glue receive no role',
      model: model({
        identities: [
          role('Orchestrator', {
            policies: [
              allow('iam:PassRole', '*', TO_LAMBDA),
              allow([
                'sagemaker:CreateTrainingJob',
                'sagemaker:CreateProcessingJob',
                'glue:CreateJob',
                'glue:UpdateJob',
                'glue:StartJobRun',
                'glue:CreateTrigger',
                'glue:CreateSession',
                'glue:RunStatement',
              ]),
            ],
          }),
        ],
      }),
    },
    {
      // The Step Functions task that starts a Glue job, or a SageMaker job with a role another identity passes.
      name: 'glue:StartJobRun on one job and sagemaker:CreateTrainingJob with no iam:PassRole',
      model: model({
        identities: [
          role('StateMachine', {
            policies: [allow('glue:StartJobRun', JOB), allow(['sagemaker:CreateTrainingJob', 'glue:UpdateJob'])],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'sagemaker-002 and -003: pass a role to SageMaker beside creating training and processing jobs',
      model: model({
        identities: [
          role('Trainer', {
            policies: [
              allow('iam:PassRole', 'arn:aws:iam::111122223333:role/*', TO_SAGEMAKER),
              allow(['sagemaker:CreateTrainingJob', 'sagemaker:CreateProcessingJob']),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Trainer',
          'create a SageMaker processing job that runs its code as a privileged execution role',
          'iam:PassRole (TrainerPolicy, on arn:aws:iam::111122223333:role/*) and ' +
            'sagemaker:CreateProcessingJob (TrainerPolicy2)',
          'passrole-sagemaker-processing-job',
          `${PATHFINDING}/sagemaker-003`,
          CONDITIONED,
        ),
        pathFinding(
          'Trainer',
          'create a SageMaker training job that runs its code as a privileged execution role',
          'iam:PassRole (TrainerPolicy, on arn:aws:iam::111122223333:role/*) and ' +
            'sagemaker:CreateTrainingJob (TrainerPolicy2)',
          'passrole-sagemaker-training-job',
          `${PATHFINDING}/sagemaker-002`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'sagemaker-004 and -005: presigned URLs, lifecycle scripts and restarts of every notebook',
      model: model({
        identities: [
          role('NotebookAdmin', {
            policies: [
              allow([
                'sagemaker:CreatePresignedNotebookInstanceUrl',
                'sagemaker:CreateNotebookInstanceLifecycleConfig',
                'sagemaker:StopNotebookInstance',
                'sagemaker:UpdateNotebookInstance',
                'sagemaker:StartNotebookInstance',
              ]),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'NotebookAdmin',
          "give every SageMaker notebook instance a lifecycle script and restart it, running it as the notebook's role",
          'sagemaker:CreateNotebookInstanceLifecycleConfig (NotebookAdminPolicy), ' +
            'sagemaker:StopNotebookInstance (NotebookAdminPolicy), ' +
            'sagemaker:UpdateNotebookInstance (NotebookAdminPolicy) and ' +
            'sagemaker:StartNotebookInstance (NotebookAdminPolicy)',
          'sagemaker-any-notebook-lifecycle-config',
          `${PATHFINDING}/sagemaker-005`,
        ),
        pathFinding(
          'NotebookAdmin',
          'open every SageMaker notebook instance through a presigned URL and run code as its execution role',
          'sagemaker:CreatePresignedNotebookInstanceUrl (NotebookAdminPolicy)',
          'sagemaker-any-notebook-url',
          `${PATHFINDING}/sagemaker-004`,
        ),
      ],
    },
    {
      name: 'glue-004, -006 and -007: jobs created or updated and started by a trigger, and interactive sessions, with a passed role',
      model: model({
        identities: [
          role('GlueDeveloper', {
            policies: [
              allow('iam:PassRole', 'arn:aws:iam::111122223333:role/glue-*'),
              allow([
                'glue:CreateJob',
                'glue:UpdateJob',
                'glue:CreateTrigger',
                'glue:CreateSession',
                'glue:RunStatement',
              ]),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'GlueDeveloper',
          'create a Glue job with a privileged role and a trigger that runs it',
          'iam:PassRole (GlueDeveloperPolicy, on arn:aws:iam::111122223333:role/glue-*), ' +
            'glue:CreateJob (GlueDeveloperPolicy2) and glue:CreateTrigger (GlueDeveloperPolicy2)',
          'passrole-glue-job-trigger',
          `${PATHFINDING}/glue-004`,
        ),
        pathFinding(
          'GlueDeveloper',
          'start a Glue interactive session with a privileged role and run code in it',
          'iam:PassRole (GlueDeveloperPolicy, on arn:aws:iam::111122223333:role/glue-*), ' +
            'glue:CreateSession (GlueDeveloperPolicy2) and glue:RunStatement (GlueDeveloperPolicy2)',
          'passrole-glue-session',
          `${PATHFINDING}/glue-007`,
        ),
        pathFinding(
          'GlueDeveloper',
          'give a Glue job a privileged role and its own script, and a trigger that runs it',
          'iam:PassRole (GlueDeveloperPolicy, on arn:aws:iam::111122223333:role/glue-*), ' +
            'glue:UpdateJob (GlueDeveloperPolicy2) and glue:CreateTrigger (GlueDeveloperPolicy2)',
          'passrole-glue-update-job-trigger',
          `${PATHFINDING}/glue-006`,
        ),
      ],
    },
    {
      // The execution role SageMaker's samples give their notebooks and pipelines: before, only the notebook path and
      // glue-003 (its iam:PassRole to Glue, of roles named *AmazonSageMaker*, beside glue:CreateJob and StartJobRun).
      name: 'AmazonSageMakerFullAccess: sagemaker:* on every resource, iam:PassRole to SageMaker and to Glue',
      model: model({
        identities: [role('Execution', { managedPolicies: ['arn:aws:iam::aws:policy/AmazonSageMakerFullAccess'] })],
      }),
      findings: [
        pathFinding(
          'Execution',
          'create and run a Glue job with a privileged role',
          'iam:PassRole (AmazonSageMakerFullAccess, on arn:aws:iam::*:role/*AmazonSageMaker*), ' +
            'glue:CreateJob (AmazonSageMakerFullAccess) and glue:StartJobRun (AmazonSageMakerFullAccess)',
          'passrole-glue-job',
          `${PATHFINDING}/glue-003`,
          CONDITIONED,
        ),
        pathFinding(
          'Execution',
          'give a Glue job a privileged role and its own script, and run it',
          'iam:PassRole (AmazonSageMakerFullAccess, on arn:aws:iam::*:role/*AmazonSageMaker*), ' +
            'glue:UpdateJob (AmazonSageMakerFullAccess) and glue:StartJobRun (AmazonSageMakerFullAccess)',
          'passrole-glue-update-job',
          `${PATHFINDING}/glue-005`,
          CONDITIONED,
        ),
        pathFinding(
          'Execution',
          'create a SageMaker notebook instance with a privileged execution role',
          'iam:PassRole (AmazonSageMakerFullAccess, on arn:aws:iam::*:role/*) and ' +
            'sagemaker:CreateNotebookInstance (AmazonSageMakerFullAccess via sagemaker:*)',
          'passrole-sagemaker-notebook',
          `${PATHFINDING}/sagemaker-001`,
          CONDITIONED,
        ),
        pathFinding(
          'Execution',
          'create a SageMaker processing job that runs its code as a privileged execution role',
          'iam:PassRole (AmazonSageMakerFullAccess, on arn:aws:iam::*:role/*) and ' +
            'sagemaker:CreateProcessingJob (AmazonSageMakerFullAccess via sagemaker:*)',
          'passrole-sagemaker-processing-job',
          `${PATHFINDING}/sagemaker-003`,
          CONDITIONED,
        ),
        pathFinding(
          'Execution',
          'create a SageMaker training job that runs its code as a privileged execution role',
          'iam:PassRole (AmazonSageMakerFullAccess, on arn:aws:iam::*:role/*) and ' +
            'sagemaker:CreateTrainingJob (AmazonSageMakerFullAccess via sagemaker:*; AmazonSageMakerFullAccess)',
          'passrole-sagemaker-training-job',
          `${PATHFINDING}/sagemaker-002`,
          CONDITIONED,
        ),
        pathFinding(
          'Execution',
          "give every SageMaker notebook instance a lifecycle script and restart it, running it as the notebook's role",
          'sagemaker:CreateNotebookInstanceLifecycleConfig (AmazonSageMakerFullAccess via sagemaker:*), ' +
            'sagemaker:StopNotebookInstance (AmazonSageMakerFullAccess via sagemaker:*), ' +
            'sagemaker:UpdateNotebookInstance (AmazonSageMakerFullAccess via sagemaker:*) and ' +
            'sagemaker:StartNotebookInstance (AmazonSageMakerFullAccess via sagemaker:*)',
          'sagemaker-any-notebook-lifecycle-config',
          `${PATHFINDING}/sagemaker-005`,
        ),
        pathFinding(
          'Execution',
          'open every SageMaker notebook instance through a presigned URL and run code as its execution role',
          'sagemaker:CreatePresignedNotebookInstanceUrl (AmazonSageMakerFullAccess via sagemaker:*)',
          'sagemaker-any-notebook-url',
          `${PATHFINDING}/sagemaker-004`,
        ),
      ],
    },
    {
      name: 'glue-005: update one named job with a passed role and run it',
      model: model({
        identities: [
          role('JobMaintainer', {
            policies: [allow('iam:PassRole'), allow(['glue:UpdateJob', 'glue:StartJobRun'], JOB)],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'JobMaintainer',
          'give a Glue job a privileged role and its own script, and run it',
          `iam:PassRole (JobMaintainerPolicy), glue:UpdateJob (JobMaintainerPolicy2, on ${JOB}) and ` +
            `glue:StartJobRun (JobMaintainerPolicy2, on ${JOB})`,
          'passrole-glue-update-job',
          `${PATHFINDING}/glue-005`,
        ),
      ],
    },
  ],
});
