/**
 * The principals an AWS Resource Access Manager share names besides accounts and IAM roles and users (RAM API
 * Reference, CreateResourceShare `principals`; RAM User Guide, "Sharing your AWS resources"): an organization's ARN
 * (`arn:aws:organizations::<management account>:organization/o-<id>`), every account of that organization; an
 * organizational unit's ARN (`arn:aws:organizations::<management account>:ou/o-<id>/ou-<id>`), every account under that
 * OU, all of them in its organization; and a service principal (`pca-connector-scep.amazonaws.com`), which acts for
 * the accounts the share's `sources` name, or for any account that configures it when it names none (confused deputy).
 * An account id or an IAM role's or user's ARN is read as any resource policy's AWS principal.
 */

export type OrganizationPrincipal =
  { kind: 'organization'; organization: string } | { kind: 'organizational-unit'; organization: string; unit: string };

const ORGANIZATION_ARN = /^arn:aws[a-z-]*:organizations::[^:]*:organization\/(o-[a-z0-9]{10,32})$/;
const UNIT_ARN = /^arn:aws[a-z-]*:organizations::[^:]*:ou\/(o-[a-z0-9]{10,32})\/(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32})$/;

/** The organization (and OU) an organization's or OU's ARN names; undefined for anything else. */
export function organizationPrincipal(value: string): OrganizationPrincipal | undefined {
  const organization = ORGANIZATION_ARN.exec(value)?.[1];
  if (organization !== undefined) return { kind: 'organization', organization };
  const unit = UNIT_ARN.exec(value);
  if (unit?.[1] !== undefined && unit[2] !== undefined)
    return { kind: 'organizational-unit', organization: unit[1], unit: unit[2] };
  return undefined;
}

/** A service principal as RAM takes it: the service's DNS name (`pca-connector-ad.amazonaws.com`). */
export function isServicePrincipal(value: string): boolean {
  return /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.amazonaws\.com$/.test(value);
}
