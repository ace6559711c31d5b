/**
 * AWS services that act as a role the account gives them only to make their own management calls, and run no code of
 * the account's (a job's, a function's, a build's, a script's) with its credentials. A role that only such services
 * may assume is acted as by the service alone: what its policies allow is what the service does on behalf of whoever
 * configures it, and no one can take the role's credentials to use its grants some other way.
 *
 * - batch.amazonaws.com: AWS Batch's service role is the one "that allows Batch to make calls to other AWS services
 *   on your behalf" for a compute environment (CreateComputeEnvironment's serviceRole in the Batch API Reference; the
 *   Batch User Guide's "AWS Batch service IAM role": it manages the Auto Scaling groups, Spot Fleets, ECS clusters and
 *   task definitions behind the environment). A job's code runs in an ECS task as its job role (jobRoleArn, which
 *   ECS tasks assume) on an instance whose profile is the compute environment's instance role (which EC2 assumes):
 *   roles the service role's iam:PassRole forwards, named by whoever registers the job definition or creates the
 *   environment. That caller is what pathfinding.cloud batch-001 and batch-003 require iam:PassRole of.
 *
 * Not listed, though they too run no code as their role: services that act on input supplied when they run
 * (EventBridge hands an event's input to its targets, Step Functions runs its definition on an execution's input,
 * EventBridge Scheduler and Pipes likewise), so the role's grants reach whoever may send them that input; and services
 * whose callers' iam:PassRole of the roles they forward is not documented here (AWS Backup, EC2 Spot Fleet). A service
 * missing from the list keeps its roles' findings (fail closed).
 */

const RUN_NO_CODE_AS_ROLE: ReadonlySet<string> = new Set(['batch.amazonaws.com']);

/** Whether the service principal (`batch.amazonaws.com`, any case) acts as a role only for its own management calls. */
export function runsNoCodeAsRole(servicePrincipal: string): boolean {
  return RUN_NO_CODE_AS_ROLE.has(servicePrincipal.toLowerCase());
}
