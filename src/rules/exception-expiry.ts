import { isPastDate } from '../../catalog/dates.js';
import { isKnownOwner } from '../../catalog/profile.js';
import type { ResourceRef } from '../model/model.js';
import { defineRule } from './define.js';
import { exceptionTargets, isApprovedLater, isExceptionValid, isTooBroad } from '../../catalog/exception-scope.js';
import { daysSince, describeDaysAgo, isExpiryDate } from './support/expiry.js';

type MessageId = 'expired' | 'approvedLater' | 'invalidExpiry' | 'unknownOwner' | 'noApprover' | 'tooBroad' | 'unused';

const EXCEPTION_TYPE = 'entitlement-guard:catalog/exception';

/**
 * Advisory by default: an expired, unowned, unapproved or not yet approved exception already waives nothing (the engine checks
 * that before waiving), so the blocking findings it no longer waives stop the deployment on their own.
 * This rule says why they are no longer waived and keeps the catalog clean.
 */
export default defineRule<MessageId>({
  meta: {
    id: 'exception-expiry',
    title: 'Catalog exceptions are current, owned, approved, narrow and used',
    level: 'advisory',
    rationale:
      'An exception is a reviewed decision to accept a risk for a while. Once it expires, loses its owner or has no ' +
      'approver it waives nothing, and the findings it covered block again. Saying why, and what to renew, keeps the ' +
      'catalog a true record of the risks the organisation accepts.',
    remediation:
      "Renew an expired exception with a new approval and date, or remove it; name an owner from the catalog's owners and an " +
      'approver.',
    frameworks: ['NIST-CSF-2.0:PR.AA-05'],
    messages: {
      expired:
        'Exception {{id}} ({{rule}} for {{target}}) expired on {{expires}}, {{ago}}, and waives nothing. Renew it with a new ' +
        'approval and expiry date, or remove it.',
      approvedLater:
        'Exception {{id}} ({{rule}} for {{target}}) records its approval on {{approved}}, a day that has not come yet, so it ' +
        'waives nothing until then: its lifetime is counted from the approval, and a later day would stretch it. Write the ' +
        'day the approval was given.',
      invalidExpiry:
        'Exception {{id}} ({{rule}} for {{target}}) has expiry "{{expires}}", which is not a date, so it waives nothing. Write a date like 2027-01-31.',
      unknownOwner:
        'Exception {{id}} ({{rule}} for {{target}}) is owned by "{{owner}}", which is not an owner the catalog knows ' +
        '(known: {{known}}), so it waives nothing. Name a known owner, or add "{{owner}}" to owners.',
      noApprover:
        'Exception {{id}} ({{rule}} for {{target}}) has no approver, so it waives nothing. Record who approved it in approvedBy.',
      tooBroad:
        'Exception {{id}} ({{rule}} for {{target}}) matches {{count}} identities and secrets of this change ({{sample}}), more than the ' +
        'exception policy allows ({{max}}), so it waives nothing here. Name the identity it was approved for.',
      unused:
        'Exception {{id}} ({{rule}} for {{target}}) names {{names}} in this change but waives no finding: the risk it accepted is gone. ' +
        'Remove the exception.',
    },
  },
  check(ctx) {
    const { catalog, now } = ctx;
    for (const exception of catalog.exceptions) {
      const resource: ResourceRef = { type: EXCEPTION_TYPE, name: exception.id, file: catalog.source };
      const data = { id: exception.id, rule: exception.rule, target: exception.target };
      const report = (messageId: MessageId, detail: string, extra: Record<string, string> = {}) => {
        ctx.report({ messageId, data: { ...data, ...extra }, resource, detail });
      };
      if (!isExpiryDate(exception.expires)) {
        report('invalidExpiry', `Expires::${exception.expires}`, { expires: exception.expires });
      } else if (isPastDate(exception.expires, now)) {
        report('expired', `Expires::${exception.expires}`, {
          expires: exception.expires,
          ago: describeDaysAgo(daysSince(exception.expires, now)),
        });
      }
      if (isApprovedLater(exception, now))
        report('approvedLater', `Approved::${exception.approved}`, { approved: exception.approved ?? '' });
      if (!isKnownOwner(catalog, exception.owner)) {
        report('unknownOwner', `Owner::${exception.owner}`, {
          owner: exception.owner,
          known: catalog.owners.map((owner) => owner.id).join(', ') || 'none',
        });
      }
      if (exception.approvedBy.trim() === '') report('noApprover', 'ApprovedBy::none');
      if (isTooBroad(exception, ctx.model, catalog)) {
        const names = exceptionTargets(exception, ctx.model, catalog);
        const sample = names.slice(0, 5).join(', ') + (names.length > 5 ? ', …' : '');
        report('tooBroad', `Targets::${names.length}`, {
          count: String(names.length),
          sample,
          max: String(catalog.exceptionPolicy.maxTargets),
        });
      }
    }
  },
  /** A valid exception naming something of this change that waived nothing there: the finding it was for is gone. */
  finish(ctx, findings, ran) {
    const { catalog, now, model } = ctx;
    const used = new Set(findings.flatMap((finding) => finding.waivedBy ?? []));
    for (const exception of catalog.exceptions) {
      if (used.has(exception.id) || !isExceptionValid(exception, catalog, now) || isTooBroad(exception, model, catalog))
        continue;
      // The rule it names must have run: a disabled rule waives nothing because it finds nothing.
      const names = exceptionTargets(exception, model, catalog);
      if (names.length === 0 || !ran.has(exception.rule)) continue;
      ctx.report({
        messageId: 'unused',
        data: { id: exception.id, rule: exception.rule, target: exception.target, names: names.join(', ') },
        resource: { type: EXCEPTION_TYPE, name: exception.id, file: catalog.source },
        detail: 'Unused::this-change',
      });
    }
  },
});
