// Not cdk-nag's file: a stand-in for cdk-nag's src/rules/iam, which ../../test/rules/IAM.test.ts imports. The rules
// are not run here (see ../../test/rules/utils.ts); each is its name.
export const IAMGroupHasUsers = 'IAMGroupHasUsers';
export const IAMNoInlinePolicy = 'IAMNoInlinePolicy';
export const IAMNoManagedPolicies = 'IAMNoManagedPolicies';
export const IAMNoWildcardPermissions = 'IAMNoWildcardPermissions';
export const IAMPolicyNoStatementsWithAdminAccess = 'IAMPolicyNoStatementsWithAdminAccess';
export const IAMPolicyNoStatementsWithFullAccess = 'IAMPolicyNoStatementsWithFullAccess';
export const IAMUserGroupMembership = 'IAMUserGroupMembership';
export const IAMUserNoPolicies = 'IAMUserNoPolicies';
