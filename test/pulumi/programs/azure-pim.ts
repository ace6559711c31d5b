// Owner on a subscription for a platform team's Entra group, granted three ways with @pulumi/azure-native: a plain role
// assignment (standing), a PIM eligibility for 180 days (held only once activated), and a PIM eligibility whose end
// comes from another resource's output (known only at apply; an eligibility is no standing privilege whatever its end).
// Captured under the SDK's mocks.
import { authorization, resources } from '@pulumi/azure-native';
import * as azuread from '@pulumi/azuread';

const subscription = '/subscriptions/00000000-0000-0000-0000-00000000c0de';
const owner = `${subscription}/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635`;

const admins = new azuread.Group('platform-admins', { displayName: 'platform-admins', securityEnabled: true });

new authorization.RoleAssignment('admins-owner', {
  scope: subscription,
  roleDefinitionId: owner,
  principalId: admins.objectId,
  principalType: 'Group',
});

new authorization.PimRoleEligibilitySchedule('admins-owner-eligible', {
  scope: subscription,
  roleDefinitionId: owner,
  principalId: admins.objectId,
  justification: 'platform on-call',
  scheduleInfo: { expiration: { type: 'AfterDuration', duration: 'P180D' } },
});

// Any output stands for an end the program learns only at apply.
const window = new resources.ResourceGroup('pim-window', { location: 'westeurope' });
new authorization.PimRoleEligibilitySchedule('admins-owner-eligible-window', {
  scope: subscription,
  roleDefinitionId: owner,
  principalId: admins.objectId,
  scheduleInfo: { expiration: { type: 'AfterDateTime', endDateTime: window.name.apply(() => '2027-01-01T00:00:00Z') } },
});
