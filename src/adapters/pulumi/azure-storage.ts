/**
 * Azure storage accounts' own keys. A storage account holds two account keys that stay valid until someone rotates
 * them; a request signed with one (Shared Key), or a SAS token signed with one, is authorized without any identity,
 * unless the account turns Shared Key off. Whether it does is read here, from azure-native and from the classic provider
 * (the Terraform adapter maps azurerm_storage_account onto the classic one, which is bridged from it):
 *
 * - azure-native `allowSharedKeyAccess`: "The default value is null, which is equivalent to true" (@pulumi/azure-native
 *   3.28.0 storage/storageAccount.d.ts);
 * - azurerm `shared_access_key_enabled`: optional, default true (hashicorp/terraform-provider-azurerm 5d24eb40
 *   internal/services/storage/storage_account_resource.go); the classic provider's `sharedAccessKeyEnabled` is that
 *   attribute bridged (@pulumi/azure is not installed here: the name is azurerm's in camelCase, as for every bridged
 *   attribute the other classic types are read by).
 *
 * The account is no identity: what it holds is recorded as SharedKeyAccess, judged on the account.
 */
import { booleanProperty, isUnknown, type SharedKeyAccess } from '../../model/model.js';
import type { Entry } from './links.js';
import { knownString } from './values.js';

/** Type -> the property that turns Shared Key on or off, and the one that names the account. */
const SHAPES: Readonly<Record<string, { setting: string; name: string }>> = {
  'azure-native:storage:StorageAccount': { setting: 'allowSharedKeyAccess', name: 'accountName' },
  'azure:storage/account:Account': { setting: 'sharedAccessKeyEnabled', name: 'name' },
};

export function isSharedKeyType(type: string): boolean {
  return Object.hasOwn(SHAPES, type);
}

/** The account's keys where they work or may work; undefined where the account turns Shared Key off. */
export function sharedKeyAccess(entry: Entry): SharedKeyAccess | undefined {
  const shape = SHAPES[entry.resource.type];
  if (!shape) return undefined;
  const name = knownString(entry.props[shape.name]);
  // Storage account names are unique within Azure, each the DNS prefix of the account's endpoints (Microsoft's
  // StorageAccountCreateParameters.Name reference, learn.microsoft.com/previous-versions/azure/mt129701): an exception
  // may name the account.
  if (name !== undefined) entry.ref.physicalName = name;
  const value = entry.props[shape.setting];
  const allowed = value === undefined || value === null ? undefined : booleanProperty(value);
  if (allowed === false) return undefined;
  const reason: SharedKeyAccess['reason'] =
    value === undefined || value === null
      ? { kind: 'unset' }
      : allowed === true
        ? { kind: 'enabled' }
        : isUnknown(allowed)
          ? { kind: 'pending', what: allowed.description }
          : // Neither true nor false (a string the provider would refuse): the keys may work, so it is not passed.
            { kind: 'pending', what: `${entry.ref.name}.${shape.setting} is not a boolean` };
  return {
    cloud: 'azure',
    kind: 'azure-storage-account',
    source: entry.ref,
    name: name ?? entry.ref.name,
    reason,
    setting: shape.setting,
  };
}
