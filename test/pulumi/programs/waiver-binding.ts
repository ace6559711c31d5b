// Waivers bound to identities through the Pulumi pack (issue 24 item 1, issue 18 item 5): users with access keys,
// each named so that one form of exception target or catalog match applies. Captured under the SDK's mocks.
import * as aws from '@pulumi/aws';

const service = (owner: string) => ({ owner, 'identity-class': 'service' });

// An access key named after examples/catalog.yaml's exception target (EXC-101) for a user it does not name.
const ciBot = new aws.iam.User('ci-bot', { name: 'ci-bot', tags: service('team-platform') });
new aws.iam.AccessKey('legacy-sftp-sync', { user: ciBot.name });

// Auto-named, as the provider names it (the mocks do not): its bare Pulumi name `vendor` never binds an exception,
// its URN does. Its owner comes from a catalog record matched by that bare name.
const vendor = new aws.iam.User('vendor', { name: 'vendor-4f1c2a9' });
new aws.iam.AccessKey('vendor-key', { user: vendor.name });

// Matched by a catalog record through its URN: the record's id binds.
const partner = new aws.iam.User('partner', { name: 'partner-7d3e1b0' });
new aws.iam.AccessKey('partner-key', { user: partner.name });
