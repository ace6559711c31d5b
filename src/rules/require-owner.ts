import type { Identity, Secret } from '../model/model.js';
import { defineRule, type RuleContext } from './define.js';
import { capitalized, tagMark } from './support/tag-marks.js';

type MessageId =
  | 'missingOwner'
  | 'missingOwnerNoCatalog'
  | 'missingOwnerUntaggable'
  | 'missingOwnerUntaggableNoCatalog'
  | 'unknownOwner'
  | 'ownerAtDeployment';

const KIND_LABELS: Record<Identity['kind'], string> = {
  'aws-role': 'Role',
  'aws-user': 'User',
  'aws-group': 'Group',
  'aws-permission-set': 'Permission set',
  'azure-application': 'Application',
  'azure-service-principal': 'Service principal',
  'azure-managed-identity': 'Managed identity',
  'gcp-service-account': 'Service account',
  'k8s-service-account': 'Service account',
};

export default defineRule<MessageId>({
  meta: {
    id: 'require-owner',
    title: 'Every identity and secret has an owner the catalog knows',
    level: 'mandatory',
    rationale:
      'An identity or secret nobody owns is never reviewed, rotated or offboarded: when its service is retired or its author ' +
      'leaves, it stays active with whatever access it had. An owner that is not in the catalog is as good as none, because ' +
      'nobody can be asked about it.',
    remediation: {
      aws:
        "Record the owner: a catalog identity record (identities[].owner) or the catalog's owner tag on the resource, naming one " +
        'of the owners listed under owners. Add a new team to owners first.',
      azure:
        "Record the owner: a catalog identity record (identities[].owner), the catalog's owner tag, or the owners of the application " +
        'or service principal (a group named like the catalog owner), naming one of the owners listed under owners. Add a new team to owners first.',
      gcp: 'Record the owner: a catalog identity record (identities[].owner) naming one of the owners listed under owners. Add a new team to owners first.',
      kubernetes:
        "Record the owner: a catalog identity record (identities[].owner) or the catalog's owner label or annotation on the " +
        'object, naming one of the owners listed under owners. Add a new team to owners first.',
    },
    frameworks: ['OWASP-NHI1:2025', 'NIST-CSF-2.0:PR.AA-01'],
    messages: {
      missingOwner:
        "{{kind}} {{name}} has no owner. {{mark}} {{tagKey}}: <owner> with one of the catalog's owners ({{known}}), or add a " +
        'catalog identity record with an owner.',
      missingOwnerNoCatalog:
        '{{kind}} {{name}} has no owner. {{mark}} {{tagKey}}: <team>. No catalog was given, so owners cannot be checked ' +
        'against known owners; pass a catalog that lists them.',
      missingOwnerUntaggable:
        '{{kind}} {{name}} has no owner, and a {{kindLower}} takes no tags: add a catalog identity record that matches it, ' +
        "with one of the catalog's owners ({{known}}) as its owner.",
      missingOwnerUntaggableNoCatalog:
        '{{kind}} {{name}} has no owner, and a {{kindLower}} takes no tags: only a catalog identity record can name its ' +
        'owner. No catalog was given; pass a catalog that records it and its owner.',
      unknownOwner:
        '{{kind}} {{name}} names owner "{{owner}}", which is not an owner the catalog ({{catalog}}) knows (known: {{known}}). ' +
        'Use one of the known owners, or add "{{owner}}" to the catalog\'s owners.',
      ownerAtDeployment:
        '{{kind}} {{name}} takes its {{tagKey}} tag from {{setBy}}: which owner it names is known only at deployment. ' +
        "Give the deployment's values (--parameters), write the tag as one of the catalog's owners ({{known}}), or add a " +
        'catalog identity record with an owner.',
    },
  },
  check(ctx) {
    for (const identity of ctx.model.identities) {
      // An identity the change only grants to is defined elsewhere, with tags the change cannot see: its owner is
      // that definition's concern (what the change grants it is judged by the privilege rules).
      if (identity.external) continue;
      checkOwner(ctx, identity, KIND_LABELS[identity.kind]);
    }
    for (const secret of ctx.model.secrets) checkOwner(ctx, secret, 'Secret');
  },
});

function checkOwner(ctx: RuleContext<MessageId>, subject: Identity | Secret, kind: string): void {
  const profile = ctx.profile(subject);
  if (profile.owner) return;
  const { catalog } = ctx;
  const named = profile.unknownOwner?.trim();
  const base = { resource: subject.resource, identity: subject };
  const lower = tagMark(subject);
  const mark = lower === undefined ? undefined : capitalized(lower);
  const data = {
    kind,
    kindLower: kind.toLowerCase(),
    name: subject.name,
    mark: mark ?? '',
    tagKey: catalog.tags.owner,
    known: catalog.owners.map((owner) => owner.id).join(', ') || 'none',
  };
  const setBy = subject.deploymentTags?.[catalog.tags.owner];
  if (!named && setBy !== undefined) {
    ctx.report({
      ...base,
      messageId: 'ownerAtDeployment',
      data: { ...data, setBy },
      detail: 'Owner::deployment',
      pending: true,
    });
    return;
  }
  if (!named) {
    const messageId =
      mark === undefined
        ? catalog.isDefault
          ? 'missingOwnerUntaggableNoCatalog'
          : 'missingOwnerUntaggable'
        : catalog.isDefault
          ? 'missingOwnerNoCatalog'
          : 'missingOwner';
    ctx.report({ ...base, messageId, data, detail: 'Owner::missing' });
    return;
  }
  // Without a catalog every named owner is "unknown"; the tag is all that can be asked for.
  if (catalog.isDefault) return;
  ctx.report({
    ...base,
    messageId: 'unknownOwner',
    data: { ...data, owner: named, catalog: catalog.source },
    detail: `Owner::${named}`,
  });
}
