import type { CatalogException } from '../../catalog/types.js';
import rule from '../../src/rules/exception-expiry.js';
import { catalog, model, role, secret, user } from '../support/builders.js';
import { ruleTester } from '../support/rule-tester.js';

// The tester's clock is 2026-11-26T12:00:00Z.
const OWNERS = [{ id: 'team-data' }, { id: 'team-platform' }];

const exception = (parts: Partial<CatalogException> = {}): CatalogException => ({
  id: 'EXC-42',
  rule: 'no-long-lived-credentials',
  target: 'legacy-sftp-sync',
  reason: 'vendor cannot federate',
  owner: 'team-data',
  approvedBy: 'security-lead@example.com',
  ticket: 'SEC-1234',
  expires: '2027-01-31',
  ...parts,
});

const withExceptions = (...exceptions: CatalogException[]) => catalog({ owners: OWNERS, exceptions });
const sftpUser = model({ identities: [user('legacy-sftp-sync', { credentials: ['aws-access-key'] })] });

ruleTester(rule, {
  valid: [
    { name: 'a current, owned, approved exception whose target is in the change', catalog: withExceptions(exception()), model: sftpUser },
    {
      name: 'a glob target matching a secret',
      catalog: withExceptions(exception({ id: 'EXC-7', rule: 'secret-rotation', target: 'Vendor*' })),
      model: model({ secrets: [secret('VendorApiKey')] }),
    },
    {
      name: 'a target naming the resource a finding points at (the access key, not the user)',
      catalog: withExceptions(exception({ target: 'legacy-sftp-syncCredential' })),
      model: sftpUser,
    },
    { name: 'an exception that expires at the end of today is still current', catalog: withExceptions(exception({ expires: '2026-11-26' })), model: sftpUser },
    { name: 'a catalog with no exceptions', model: model({ identities: [role('AppRole')] }) },
    {
      name: 'an exception for a stack that is not this one (one catalog serves many stacks)',
      catalog: withExceptions(exception({ id: 'EXC-9', target: 'old-batch-*' })),
      model: sftpUser,
    },
  ],
  invalid: [
    {
      name: 'an exception that expired, naming the date and how long ago',
      catalog: withExceptions(exception({ expires: '2026-01-31' })),
      model: sftpUser,
      findings: [
        {
          resource: 'EXC-42',
          detail: 'Expires::2026-01-31',
          level: 'advisory',
          message:
            'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) expired on 2026-01-31, 299 days ago, and waives nothing. ' +
            'Renew it with a new approval and expiry date, or remove it.',
        },
      ],
    },
    {
      name: 'an exception owned by a team the catalog does not know, and without an approver',
      catalog: withExceptions(exception({ owner: 'team-vendor', approvedBy: ' ' })),
      model: sftpUser,
      findings: [
        {
          resource: 'EXC-42',
          detail: 'ApprovedBy::none',
          message: 'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) has no approver, so it waives nothing. Record who approved it in approvedBy.',
        },
        {
          resource: 'EXC-42',
          detail: 'Owner::team-vendor',
          message:
            'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) is owned by "team-vendor", which is not an owner the catalog knows ' +
            '(known: team-data, team-platform), so it waives nothing. Name a known owner, or add "team-vendor" to owners.',
        },
      ],
    },
    {
      name: 'an expiry that is not a date waives nothing',
      catalog: withExceptions(exception({ expires: 'next year' })),
      model: sftpUser,
      findings: [
        {
          resource: 'EXC-42',
          detail: 'Expires::next year',
          message:
            'Exception EXC-42 (no-long-lived-credentials for legacy-sftp-sync) has expiry "next year", which is not a date, so it waives nothing. ' +
            'Write a date like 2027-01-31.',
        },
      ],
    },
  ],
});
