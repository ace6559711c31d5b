/**
 * no-privilege-escalation through Amazon Bedrock AgentCore. A runtime, a custom code interpreter and a custom browser
 * each run in a microVM whose metadata service hands out the execution role's credentials to whatever runs there (the
 * AgentCore guide, "Understanding credentials management"). So whoever may pass a role to a new one and run code in
 * it, or run code in every existing one, holds the most privileged role any of them has: pathfinding.cloud
 * bedrock-001 to bedrock-004, bedrock-006 and bedrock-007 (Sonrai Security's and BeyondTrust's research). Found on
 * public templates (awslabs/amazon-bedrock-agentcore-samples 8d214a6, read in session 46, not kept here): roles with `bedrock-agentcore:*` and `iam:PassRole` on `*`, and a gateway
 * role with `bedrock-agentcore:*` beside a runtime that holds AdministratorAccess, opened no path.
 */
import rule from '../../src/rules/no-privilege-escalation.js';
import { allow, model, role } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';
import { PATHFINDING, pathFinding, CONDITIONED } from './support/escalation-findings.js';

const INTERPRETER = 'arn:aws:bedrock-agentcore:us-east-1:111122223333:code-interpreter-custom/analysis-0123456789';
const RUNTIME = 'arn:aws:bedrock-agentcore:us-east-1:111122223333:runtime/support_agent-0123456789';
const BROWSER = 'arn:aws:bedrock-agentcore:us-east-1:111122223333:browser-custom/research-0123456789';

ruleTester(rule, {
  valid: [
    {
      name: "an agent's own code interpreter, runtime and browser, each named: sessions, commands and automation on them are their ordinary use",
      model: model({
        identities: [
          role('Agent', {
            policies: [
              allow(
                [
                  'bedrock-agentcore:StartCodeInterpreterSession',
                  'bedrock-agentcore:InvokeCodeInterpreter',
                  'bedrock-agentcore:InvokeAgentRuntimeCommand',
                  'bedrock-agentcore:StartBrowserSession',
                ],
                [INTERPRETER, RUNTIME, `${RUNTIME}/runtime-endpoint/DEFAULT`, BROWSER],
              ),
            ],
          }),
        ],
      }),
    },
    {
      name: 'AWS-owned code interpreters and browsers only (arn:…:aws:code-interpreter/*): they run as no role of the account',
      model: model({
        identities: [
          role('Tools', {
            policies: [
              allow(
                ['bedrock-agentcore:StartCodeInterpreterSession', 'bedrock-agentcore:InvokeCodeInterpreter'],
                'arn:aws:bedrock-agentcore:*:aws:code-interpreter/*',
              ),
            ],
          }),
        ],
      }),
    },
    {
      name: 'bedrock-agentcore:InvokeAgentRuntime on every runtime: the payload goes to the agent, whose code decides what it runs',
      model: model({ identities: [role('Caller', { policies: [allow('bedrock-agentcore:InvokeAgentRuntime')] })] }),
    },
    {
      name: 'iam:PassRole only to Lambda beside creating code interpreters, runtimes and browsers: AgentCore receives no role',
      model: model({
        identities: [
          role('Builder', {
            policies: [
              allow('iam:PassRole', '*', {
                Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
              }),
              allow(
                [
                  'bedrock-agentcore:CreateCodeInterpreter',
                  'bedrock-agentcore:CreateAgentRuntime',
                  'bedrock-agentcore:CreateAgentRuntimeEndpoint',
                  'bedrock-agentcore:CreateWorkloadIdentity',
                  'bedrock-agentcore:CreateBrowser',
                ],
                '*',
              ),
              allow(
                [
                  'bedrock-agentcore:StartCodeInterpreterSession',
                  'bedrock-agentcore:InvokeCodeInterpreter',
                  'bedrock-agentcore:InvokeAgentRuntimeCommand',
                  'bedrock-agentcore:StartBrowserSession',
                ],
                [INTERPRETER, RUNTIME, `${RUNTIME}/runtime-endpoint/DEFAULT`, BROWSER],
              ),
            ],
          }),
        ],
      }),
    },
  ],
  invalid: [
    {
      name: 'bedrock-001: pass a role to a new code interpreter, start a session and run code in it',
      model: model({
        identities: [
          role('Analyst', {
            policies: [
              allow('iam:PassRole', 'arn:aws:iam::111122223333:role/*', {
                Condition: { StringEquals: { 'iam:PassedToService': 'bedrock-agentcore.amazonaws.com' } },
              }),
              allow([
                'bedrock-agentcore:CreateCodeInterpreter',
                'bedrock-agentcore:StartCodeInterpreterSession',
                'bedrock-agentcore:InvokeCodeInterpreter',
              ]),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Analyst',
          "run code in every AgentCore code interpreter and take its execution role's credentials",
          'bedrock-agentcore:StartCodeInterpreterSession (AnalystPolicy2) and ' +
            'bedrock-agentcore:InvokeCodeInterpreter (AnalystPolicy2)',
          'agentcore-any-code-interpreter',
          `${PATHFINDING}/bedrock-002`,
        ),
        pathFinding(
          'Analyst',
          'create an AgentCore code interpreter with a privileged execution role and run code in it',
          'iam:PassRole (AnalystPolicy, on arn:aws:iam::111122223333:role/*), ' +
            'bedrock-agentcore:CreateCodeInterpreter (AnalystPolicy2), ' +
            'bedrock-agentcore:StartCodeInterpreterSession (AnalystPolicy2) and ' +
            'bedrock-agentcore:InvokeCodeInterpreter (AnalystPolicy2)',
          'passrole-agentcore-code-interpreter',
          `${PATHFINDING}/bedrock-001`,
          CONDITIONED,
        ),
      ],
    },
    {
      name: 'bedrock-003: pass a role to a new runtime and run a shell command in it (the command allowed on one runtime is enough: the new one may be named so)',
      model: model({
        identities: [
          role('Deployer', {
            policies: [
              allow('iam:PassRole', 'arn:aws:iam::111122223333:role/agents-*'),
              allow([
                'bedrock-agentcore:CreateAgentRuntime',
                'bedrock-agentcore:CreateAgentRuntimeEndpoint',
                'bedrock-agentcore:CreateWorkloadIdentity',
              ]),
              allow('bedrock-agentcore:InvokeAgentRuntimeCommand', RUNTIME),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Deployer',
          'create an AgentCore runtime with a privileged execution role and run a shell command in it',
          'iam:PassRole (DeployerPolicy, on arn:aws:iam::111122223333:role/agents-*), ' +
            'bedrock-agentcore:CreateAgentRuntime (DeployerPolicy2), ' +
            'bedrock-agentcore:CreateAgentRuntimeEndpoint (DeployerPolicy2), ' +
            'bedrock-agentcore:CreateWorkloadIdentity (DeployerPolicy2) and ' +
            `bedrock-agentcore:InvokeAgentRuntimeCommand (DeployerPolicy3, on ${RUNTIME})`,
          'passrole-agentcore-runtime',
          `${PATHFINDING}/bedrock-003`,
        ),
      ],
    },
    {
      name: 'bedrock-006 and bedrock-007: pass a role to a new browser, or drive every existing one over CDP',
      model: model({
        identities: [
          role('Browser', {
            policies: [
              allow(['iam:PassRole', 'bedrock-agentcore:CreateBrowser']),
              allow(['bedrock-agentcore:StartBrowserSession', 'bedrock-agentcore:ConnectBrowserAutomationStream']),
            ],
          }),
        ],
      }),
      findings: [
        pathFinding(
          'Browser',
          "drive every AgentCore browser over CDP and take its execution role's credentials",
          'bedrock-agentcore:StartBrowserSession (BrowserPolicy2) and ' +
            'bedrock-agentcore:ConnectBrowserAutomationStream (BrowserPolicy2)',
          'agentcore-any-browser',
          `${PATHFINDING}/bedrock-007`,
        ),
        pathFinding(
          'Browser',
          "create an AgentCore browser with a privileged execution role and read the role's credentials through it",
          'iam:PassRole (BrowserPolicy), bedrock-agentcore:CreateBrowser (BrowserPolicy), ' +
            'bedrock-agentcore:StartBrowserSession (BrowserPolicy2) and ' +
            'bedrock-agentcore:ConnectBrowserAutomationStream (BrowserPolicy2)',
          'passrole-agentcore-browser',
          `${PATHFINDING}/bedrock-006`,
        ),
      ],
    },
    {
      // GatewayAgentCoreRole of amazon-bedrock-agentcore-samples' customer support assistant.
      name: 'bedrock-agentcore:* on every resource: every existing code interpreter, runtime and browser',
      model: model({ identities: [role('Gateway', { policies: [allow('bedrock-agentcore:*')] })] }),
      findings: [
        pathFinding(
          'Gateway',
          "drive every AgentCore browser over CDP and take its execution role's credentials",
          'bedrock-agentcore:StartBrowserSession (GatewayPolicy via bedrock-agentcore:*) and ' +
            'bedrock-agentcore:ConnectBrowserAutomationStream (GatewayPolicy via bedrock-agentcore:*)',
          'agentcore-any-browser',
          `${PATHFINDING}/bedrock-007`,
        ),
        pathFinding(
          'Gateway',
          "run code in every AgentCore code interpreter and take its execution role's credentials",
          'bedrock-agentcore:StartCodeInterpreterSession (GatewayPolicy via bedrock-agentcore:*) and ' +
            'bedrock-agentcore:InvokeCodeInterpreter (GatewayPolicy via bedrock-agentcore:*)',
          'agentcore-any-code-interpreter',
          `${PATHFINDING}/bedrock-002`,
        ),
        pathFinding(
          'Gateway',
          "run a shell command in every AgentCore runtime and take its execution role's credentials",
          'bedrock-agentcore:InvokeAgentRuntimeCommand (GatewayPolicy via bedrock-agentcore:*)',
          'agentcore-any-runtime-command',
          `${PATHFINDING}/bedrock-004`,
        ),
      ],
    },
  ],
});
