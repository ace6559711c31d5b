import { lookupTable } from '../util/records.js';
/**
 * Where a change came from: the commit, branch, pull request, actor and run of the CI system that audited it, read
 * from the environment variables each system documents, or given with `--source key=value`. Recorded in the audit
 * (`source`) so a reviewer sees which change an audit describes, and carried into the privilege diff, which dates
 * every removal by the head's source.
 *
 * Variables, from each system's documentation of its predefined variables:
 * - GitHub Actions: https://docs.github.com/en/actions/reference/workflows-and-actions/variables
 * - GitLab CI: https://docs.gitlab.com/ci/variables/predefined_variables/
 * - Azure Pipelines: https://learn.microsoft.com/en-us/azure/devops/pipelines/build/variables
 * - Jenkins: https://www.jenkins.io/doc/book/pipeline/jenkinsfile/#using-environment-variables (Git plugin, multibranch CHANGE_*)
 * - CircleCI: https://circleci.com/docs/reference/variables/
 */

export const SOURCE_KEYS = ['system', 'repository', 'commit', 'branch', 'pullRequest', 'actor', 'url'] as const;
export type SourceKey = (typeof SOURCE_KEYS)[number];

/** The change an audit describes; every field optional, and the object absent when nothing is known. */
export type AuditSource = Partial<Record<SourceKey, string>>;

export type Environment = Readonly<Record<string, string | undefined>>;

interface CiSystem {
  system: string;
  /** True when the job runs on this system. */
  detect: (env: Environment) => boolean;
  read: (env: Environment) => AuditSource;
}

const CI_SYSTEMS: CiSystem[] = [
  {
    system: 'github-actions',
    detect: (env) => env.GITHUB_ACTIONS === 'true',
    read: (env) => ({
      repository: env.GITHUB_REPOSITORY,
      commit: env.GITHUB_SHA,
      // A pull request's run has GITHUB_HEAD_REF (its branch) and GITHUB_REF refs/pull/<n>/merge.
      branch: env.GITHUB_HEAD_REF || env.GITHUB_REF_NAME,
      pullRequest: /^refs\/pull\/(\d+)\//.exec(env.GITHUB_REF ?? '')?.[1],
      actor: env.GITHUB_ACTOR,
      url:
        env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
          ? `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
          : undefined,
    }),
  },
  {
    system: 'gitlab-ci',
    detect: (env) => env.GITLAB_CI === 'true',
    read: (env) => ({
      repository: env.CI_PROJECT_PATH,
      commit: env.CI_COMMIT_SHA,
      branch: env.CI_MERGE_REQUEST_SOURCE_BRANCH_NAME || env.CI_COMMIT_BRANCH || env.CI_COMMIT_REF_NAME,
      pullRequest: env.CI_MERGE_REQUEST_IID,
      actor: env.GITLAB_USER_LOGIN,
      url: env.CI_PIPELINE_URL ?? env.CI_JOB_URL,
    }),
  },
  {
    system: 'azure-pipelines',
    detect: (env) => env.TF_BUILD?.toLowerCase() === 'true',
    read: (env) => ({
      repository: env.BUILD_REPOSITORY_NAME,
      commit: env.BUILD_SOURCEVERSION,
      branch:
        withoutRefsPrefix(env.SYSTEM_PULLREQUEST_SOURCEBRANCH || env.BUILD_SOURCEBRANCH) ?? env.BUILD_SOURCEBRANCHNAME,
      // GitHub-hosted repositories number pull requests; Azure Repos give their id.
      pullRequest: env.SYSTEM_PULLREQUEST_PULLREQUESTNUMBER || env.SYSTEM_PULLREQUEST_PULLREQUESTID,
      actor: env.BUILD_REQUESTEDFOREMAIL || env.BUILD_REQUESTEDFOR,
      url:
        env.SYSTEM_COLLECTIONURI && env.SYSTEM_TEAMPROJECT && env.BUILD_BUILDID
          ? `${env.SYSTEM_COLLECTIONURI.replace(/\/?$/, '/')}${encodeURIComponent(env.SYSTEM_TEAMPROJECT)}/_build/results?buildId=${env.BUILD_BUILDID}`
          : undefined,
    }),
  },
  {
    system: 'jenkins',
    detect: (env) => Boolean(env.JENKINS_URL),
    read: (env) => ({
      repository: env.GIT_URL,
      commit: env.GIT_COMMIT,
      branch: env.CHANGE_BRANCH || env.BRANCH_NAME || env.GIT_BRANCH?.replace(/^origin\//, ''),
      pullRequest: env.CHANGE_ID,
      actor: env.CHANGE_AUTHOR || env.BUILD_USER_ID,
      url: env.BUILD_URL,
    }),
  },
  {
    system: 'circleci',
    detect: (env) => env.CIRCLECI === 'true',
    read: (env) => ({
      repository:
        env.CIRCLE_PROJECT_USERNAME && env.CIRCLE_PROJECT_REPONAME
          ? `${env.CIRCLE_PROJECT_USERNAME}/${env.CIRCLE_PROJECT_REPONAME}`
          : env.CIRCLE_REPOSITORY_URL,
      commit: env.CIRCLE_SHA1,
      branch: env.CIRCLE_BRANCH,
      pullRequest: env.CIRCLE_PR_NUMBER || /\/pull\/(\d+)$/.exec(env.CIRCLE_PULL_REQUEST ?? '')?.[1],
      actor: env.CIRCLE_USERNAME,
      url: env.CIRCLE_BUILD_URL,
    }),
  },
];

/** The environment variables a CI system sets that lineage reads (tests clear them so a run in CI audits the same). */
export const CI_MARKERS = ['GITHUB_ACTIONS', 'GITLAB_CI', 'TF_BUILD', 'JENKINS_URL', 'CIRCLECI'] as const;

/** Where the change came from, as the first CI system that the environment shows says; undefined outside CI. */
export function sourceFromEnvironment(env: Environment): AuditSource | undefined {
  const ci = CI_SYSTEMS.find((candidate) => candidate.detect(env));
  if (!ci) return undefined;
  return compact({ system: ci.system, ...ci.read(env) });
}

/**
 * The `--source key=value` options over what the CI says: `commit=…`, `branch=…`, `pull-request=…` (or `pr`),
 * `actor=…`, `repository=…`, `url=…`, `system=…`. Returns a reason for a malformed option.
 */
export function parseSourceOptions(options: readonly string[]): AuditSource | string {
  const source: AuditSource = {};
  for (const option of options) {
    const at = option.indexOf('=');
    const name = at < 0 ? option : option.slice(0, at);
    const key = SOURCE_ALIASES[name.trim().toLowerCase()];
    if (at < 0 || key === undefined)
      return `--source ${JSON.stringify(option)}: expected key=value with key one of ${Object.keys(SOURCE_ALIASES)
        .filter((alias) => alias !== 'pr' && alias !== 'pullrequest')
        .join(', ')}`;
    const value = option.slice(at + 1).trim();
    if (value === '') return `--source ${JSON.stringify(option)}: the value is empty`;
    source[key] = value;
  }
  return source;
}

const SOURCE_ALIASES: Record<string, SourceKey> = lookupTable({
  system: 'system',
  repository: 'repository',
  commit: 'commit',
  branch: 'branch',
  'pull-request': 'pullRequest',
  pullrequest: 'pullRequest',
  pr: 'pullRequest',
  actor: 'actor',
  url: 'url',
});

/** The CI's lineage with the options on top (an option set by hand wins); undefined when neither says anything. */
export function mergeSources(
  fromCi: AuditSource | undefined,
  fromOptions: AuditSource | undefined,
): AuditSource | undefined {
  const byHand = fromOptions !== undefined && Object.keys(fromOptions).length > 0;
  return compact({ ...(byHand && !fromCi ? { system: 'manual' } : {}), ...(fromCi ?? {}), ...(fromOptions ?? {}) });
}

/** One line for a person: `commit 1a2b3c4 on feature/x, pull request #42, by alice (github-actions)`. */
export function describeSource(source: AuditSource): string {
  const parts = [
    source.commit !== undefined
      ? `commit ${source.commit.length === 40 && /^[0-9a-f]+$/i.test(source.commit) ? source.commit.slice(0, 12) : source.commit}`
      : undefined,
    source.branch !== undefined ? `on ${source.branch}` : undefined,
    source.pullRequest !== undefined ? `pull request #${source.pullRequest}` : undefined,
    source.actor !== undefined ? `by ${source.actor}` : undefined,
    source.repository !== undefined ? `in ${source.repository}` : undefined,
  ].filter((part): part is string => part !== undefined);
  const text = parts.join(', ') || 'source given without commit, branch or pull request';
  return source.system !== undefined ? `${text} (${source.system})` : text;
}

function withoutRefsPrefix(ref: string | undefined): string | undefined {
  return ref ? ref.replace(/^refs\/heads\//, '') : undefined;
}

/** Keeps the fields with a value, in SOURCE_KEYS order; undefined when none has one. */
function compact(source: AuditSource): AuditSource | undefined {
  const kept: AuditSource = {};
  for (const key of SOURCE_KEYS) {
    const value = source[key];
    if (value !== undefined && value !== '') kept[key] = value;
  }
  return Object.keys(kept).length ? kept : undefined;
}
