import type { CatalogException } from '../../catalog/types.js';
import { isPastDate } from '../engine/evaluate.js';
import type { Model, ResourceRef } from '../model/model.js';
import { globMatch } from '../util/glob.js';
import { defineRule } from './define.js';
import { daysSince, describeDaysAgo, isExpiryDate } from './support/expiry.js';

type MessageId = 'expired' | 'invalidExpiry' | 'unknownOwner' | 'noApprover' | 'noTarget';

const EXCEPTION_TYPE = 'entitlement-guard:catalog/exception';

/**
 * Advisory by default: an expired, unowned or unapproved exception already waives nothing (the engine checks
 * that before waiving), so the blocking findings it no longer waives stop the deployment on their own.
 * This rule says why they are no longer waived and keeps the catalog clean.
 */
export default defineRule<MessageId>({
  meta: {
    id: 'exception-expiry',
    title: 'Catalog exceptions are current, owned, approved and used',
    level: 'advisory',
    rationale:
      'An exception is a reviewed decision to accept a risk for a while. Once it expires, loses its owner or has no ' +
      'approver it waives nothing, and the findings it covered block again; an exception whose target matches nothing ' +
      'is stale and hides what the catalog really accepts.',
    remediation:
      'Renew an expired exception with a new approval and date, or remove it; name an owner from the catalog\'s owners and an ' +
      'approver; point the target at the identity or resource name it is meant for, or remove it.',
    frameworks: ['NIST-CSF-2.0:PR.AA-05'],
    messages: {
      expired:
        'Exception {{id}} ({{rule}} for {{target}}) expired on {{expires}}, {{ago}}, and waives nothing. Renew it with a new ' +
        'approval and expiry date, or remove it.',
      invalidExpiry:
        'Exception {{id}} ({{rule}} for {{target}}) has expiry "{{expires}}", which is not a date, so it waives nothing. Write a date like 2027-01-31.',
      unknownOwner:
        'Exception {{id}} ({{rule}} for {{target}}) is owned by "{{owner}}", which is not an owner the catalog knows ' +
        '(known: {{known}}), so it waives nothing. Name a known owner, or add "{{owner}}" to owners.',
      noApprover: 'Exception {{id}} ({{rule}} for {{target}}) has no approver, so it waives nothing. Record who approved it in approvedBy.',
      noTarget:
        'Exception {{id}} ({{rule}}) targets "{{target}}", which matches no identity or resource in this change. Correct the ' +
        'target, or remove the exception if what it covered is gone.',
    },
  },
  check(ctx) {
    const { catalog, now } = ctx;
    const names = resourceNames(ctx.model);
    // An exception to this rule targets another exception, so exception ids are names too.
    for (const exception of catalog.exceptions) names.add(exception.id);
    for (const exception of catalog.exceptions) {
      const resource: ResourceRef = { type: EXCEPTION_TYPE, name: exception.id, file: catalog.source };
      const data = { id: exception.id, rule: exception.rule, target: exception.target };
      const report = (messageId: MessageId, detail: string, extra: Record<string, string> = {}) =>
        ctx.report({ messageId, data: { ...data, ...extra }, resource, detail });
      if (!isExpiryDate(exception.expires)) {
        report('invalidExpiry', `Expires::${exception.expires}`, { expires: exception.expires });
      } else if (isPastDate(exception.expires, now)) {
        report('expired', `Expires::${exception.expires}`, { expires: exception.expires, ago: describeDaysAgo(daysSince(exception.expires, now)) });
      }
      if (!catalog.owners.some((owner) => owner.id === exception.owner)) {
        report('unknownOwner', `Owner::${exception.owner}`, { owner: exception.owner, known: catalog.owners.map((owner) => owner.id).join(', ') || 'none' });
      }
      if (exception.approvedBy.trim() === '') report('noApprover', 'ApprovedBy::none');
      if (!targetsAnything(exception, names)) report('noTarget', `Target::${exception.target}`);
    }
  },
});

/** Every name a waiver can match: identities and secrets by name and resource name, and the resources findings point at. */
function resourceNames(model: Model): Set<string> {
  const names = new Set<string>();
  for (const identity of model.identities) {
    names.add(identity.name).add(identity.resource.name);
    for (const grant of identity.grants) names.add(grant.source.name);
    for (const credential of identity.credentials) names.add(credential.source.name);
    for (const attachment of identity.attachments) names.add(attachment.source.name);
  }
  for (const secret of model.secrets) {
    names.add(secret.name).add(secret.resource.name);
    if (secret.rotationSource) names.add(secret.rotationSource.name);
  }
  for (const policy of model.unattachedPolicies) names.add(policy.source.name);
  return names;
}

function targetsAnything(exception: CatalogException, names: Set<string>): boolean {
  for (const name of names) if (globMatch(exception.target, name)) return true;
  return false;
}
