/**
 * What the tests of no-privilege-escalation expect of a path finding, shared by test/rules/no-privilege-escalation*:
 * the message of the `path` finding (src/rules/no-privilege-escalation.ts), what it adds for a PassRole under an
 * iam:PassedToService condition, and the policy documents the cases write.
 */
import type { ExpectedFinding } from '../../support/rule-tester.js';

export const REMEDY = 'Remove one of these actions or scope it to resources that grant no more privilege';
export const PATHFINDING = 'https://pathfinding.cloud/paths';

/** The finding of path `path` on the builders' identity `name`: it `can` the path's title, allowed `grants`. */
export function pathFinding(
  name: string,
  can: string,
  grants: string,
  path: string,
  source: string,
  conditional = '',
): ExpectedFinding {
  return {
    resource: name,
    identity: `TestStack/${name}`,
    detail: `Path::${path}`,
    message: `${name} can ${can}: it is allowed ${grants}.${conditional} ${REMEDY} (path ${path}, ${source}).`,
  };
}

/** What the message adds for a PassRole whose iam:PassedToService condition admits the path's service. */
export const CONDITIONED = ' Conditions restrict iam:PassRole, but they may be satisfiable, so the path is reported.';

/** A policy document of the given statements. */
export const statements = (...list: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: list });

/** iam:PassRole on `resource` to `service` only. */
export const passRoleTo = (service: string, resource = '*') =>
  statements({
    Effect: 'Allow',
    Action: 'iam:PassRole',
    Resource: resource,
    Condition: { StringEquals: { 'iam:PassedToService': service } },
  });
