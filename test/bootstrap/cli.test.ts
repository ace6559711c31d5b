/** `catalog init` through the CLI: exit codes, located errors, --out, --update and the burn-down in the audit. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { REPO, scratch, TODAY } from './support.js';

const GOOD = join(REPO, 'examples/cloudformation/good-stack.template.yaml');
const BAD = join(REPO, 'examples/cloudformation/bad-stack.template.yaml');

describe('catalog init: usage and input errors exit 2', () => {
  it.each([
    [['catalog', 'init'], 'entitlement-guard: catalog init needs at least one path'],
    [
      ['catalog', 'init', GOOD, '--today', '2026-02-30'],
      'entitlement-guard: --today must be a date YYYY-MM-DD, got "2026-02-30"',
    ],
    [
      ['catalog', 'init', GOOD, '--expires-in', 'soon'],
      'entitlement-guard: --expires-in must be a number of days such as 90d (1 to 3660), got "soon"',
    ],
    [
      ['catalog', 'init', GOOD, '--update'],
      'entitlement-guard: --update merges into the catalog named by --out: give --out FILE',
    ],
    [['catalog', 'init', GOOD, '--bogus'], "entitlement-guard: Unknown option '--bogus'"],
  ])('%j', (argv, message) => {
    const result = main(argv);
    expect(result.exitCode).toBe(2);
    expect(result.errors[0]).toContain(message);
  });

  it('names an input that does not exist', () => {
    const result = main(['catalog', 'init', join(REPO, 'examples/no-such.template.yaml'), '--today', TODAY]);
    expect(result).toMatchObject({
      exitCode: 2,
      errors: ['examples/no-such.template.yaml: no such file or directory'],
    });
  });

  it('locates a template it cannot read', () => {
    const directory = scratch();
    const broken = join(directory, 'broken.template.yaml');
    writeFileSync(broken, 'Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties: [unclosed\n');
    const result = main(['catalog', 'init', broken, '--today', TODAY]);
    expect(result.exitCode).toBe(2);
    expect(result.errors[0]).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
  });

  it('never overwrites a catalog, and --update needs one to merge into', () => {
    const directory = scratch();
    const out = join(directory, 'catalog.yaml');
    writeFileSync(out, 'apiVersion: entitlement-guard/v1\n');
    expect(main(['catalog', 'init', GOOD, '--today', TODAY, '--out', out])).toMatchObject({
      exitCode: 2,
      errors: [
        `${out}: already exists; catalog init never overwrites a catalog: use --update to add what is new to it, or choose another --out`,
      ],
    });
    expect(readFileSync(out, 'utf8')).toBe('apiVersion: entitlement-guard/v1\n');
    const missing = join(directory, 'missing.yaml');
    expect(main(['catalog', 'init', GOOD, '--update', '--out', missing])).toMatchObject({
      exitCode: 2,
      errors: [`${missing}: no such file or directory (--update merges into an existing catalog)`],
    });
  });

  it('--update refuses a catalog with errors, located', () => {
    const out = join(scratch(), 'catalog.yaml');
    writeFileSync(
      out,
      'apiVersion: entitlement-guard/v1\nidentities:\n  - id: x\n    owner: nobody\n    class: service\n    entitlements: []\n',
    );
    const result = main(['catalog', 'init', GOOD, '--update', '--out', out, '--today', TODAY]);
    expect(result.exitCode).toBe(2);
    expect(result.errors).toEqual([`${out}:4:12: identities[0].owner: unknown owner "nobody"; no owners are defined`]);
  });
});

describe('catalog init --out, the loader and catalog validate', () => {
  it('writes the catalog, which validate refuses (exit 2) naming each exception without an approver, and accepts once filled in', () => {
    const out = join(scratch(), 'catalog.yaml');
    const result = main(['catalog', 'init', BAD, '--today', TODAY, '--expires-in', '30d', '--out', out]);
    expect(result.exitCode).toBe(0);
    expect(result.output).toBe('');
    expect(result.errors[0]).toBe(
      `catalog init: 6 identities, 4 entitlements (2 privileged), 4 owners, 0 trusted accounts, 0 OIDC issuers, 11 exceptions to approve; wrote ${out}`,
    );
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('expires: 2027-01-01\n');
    const refused = main(['catalog', 'validate', out]);
    expect(refused.exitCode).toBe(2);
    expect(refused.errors).toHaveLength(11);
    expect(refused.errors[0]).toMatch(
      new RegExp(
        `^${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:17: exceptions\\[0\\]\\.approvedBy: exception "init-batch-admin-no-privilege-escalation" still lacks an approver: replace FILL-IN-APPROVER, written by catalog init, with who approved it \\(not its owner "team-data"\\), or remove the exception$`,
      ),
    );
    const check = main(['check', BAD, '--catalog', out]);
    expect(check.exitCode).toBe(2);
    writeFileSync(out, text.replaceAll('FILL-IN-APPROVER', 'security-lead@example.com'));
    expect(main(['catalog', 'validate', out])).toMatchObject({ exitCode: 0 });
    expect(main(['check', BAD, '--catalog', out, '--now', TODAY]).exitCode).toBe(0);
  });
});

describe('catalog init --update', () => {
  it('adds what is new after what a person wrote, keeps their comments and order, and reports what matches nothing', () => {
    const out = join(scratch(), 'catalog.yaml');
    expect(main(['catalog', 'init', GOOD, '--today', TODAY, '--out', out]).exitCode).toBe(0);
    // A person edits it: a comment, a purpose, an owner contact.
    const edited = readFileSync(out, 'utf8')
      .replace(
        '  - id: payments-api-runtime\n',
        '  # Reviewed by team-payments on 2026-12-03.\n  - id: payments-api-runtime\n    purpose: Payments API runtime\n',
      )
      .replace(
        '  - id: team-platform\n',
        '  - id: team-platform\n    contact: platform-oncall@example.com # the on-call rota\n',
      );
    writeFileSync(out, edited);

    const result = main(['catalog', 'init', BAD, '--update', '--out', out, '--today', '2026-12-10']);
    expect(result.exitCode).toBe(0);
    expect(result.errors[0]).toBe(
      `catalog init --update: added 6 identities, 4 entitlements (2 privileged), 2 owners, 0 trusted accounts, 0 OIDC issuers, 11 exceptions to approve to ${out}`,
    );
    const updated = readFileSync(out, 'utf8');
    // Every line the person's file had is still there, in the same order.
    const lines = updated.split('\n');
    let at = 0;
    for (const line of edited.split('\n')) {
      const found = lines.indexOf(line, at);
      expect(found, line).toBeGreaterThanOrEqual(at);
      at = found + 1;
    }
    expect(updated).toContain('  - id: batch-admin\n');
    expect(updated).toContain('expires: 2027-03-10\n');
    // The good stack's identities are not in these inputs: reported, located, not removed.
    const stale = result.errors.filter((line) => line.includes('matches nothing in these inputs any more'));
    expect(stale).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:5: identities\\[0\\]: identity "ci-deployer" matches nothing`,
        ),
      ),
      expect.stringMatching(/identities\[1\]: identity "payments-api-runtime" matches nothing/),
    ]);

    // Nothing new the second time: the file is left byte for byte.
    const again = main(['catalog', 'init', BAD, '--update', '--out', out, '--today', '2026-12-11']);
    expect(again.exitCode).toBe(0);
    expect(again.errors[0]).toBe(`catalog init --update: nothing new for ${out}; the file is unchanged`);
    expect(readFileSync(out, 'utf8')).toBe(updated);
  });
});

describe('the burn-down in the audit', () => {
  it('lists the exceptions catalog init wrote per owner, with their days left, in JSON, Markdown and HTML', () => {
    const out = join(scratch(), 'catalog.yaml');
    main(['catalog', 'init', BAD, '--today', TODAY, '--out', out]);
    writeFileSync(out, readFileSync(out, 'utf8').replaceAll('FILL-IN-APPROVER', 'security-lead@example.com'));
    const json = JSON.parse(
      main(['audit', BAD, '--catalog', out, '--format', 'json', '--now', '2026-12-12']).output,
    ) as {
      burnDown: {
        owner: string;
        open: number;
        expired: number;
        nextExpiryDays: number;
        exceptions: { id: string; daysLeft: number; status: string; waives: number }[];
      }[];
    };
    expect(json.burnDown.map((owner) => [owner.owner, owner.open, owner.expired, owner.nextExpiryDays])).toEqual([
      ['placeholder-owner', 1, 0, 80],
      ['team-data', 4, 0, 80],
      ['team-payments', 1, 0, 80],
      ['team-platform', 5, 0, 80],
    ]);
    expect(json.burnDown[0]!.exceptions).toEqual([
      {
        id: 'init-legacy-sftp-sync-no-long-lived-credentials',
        rule: 'no-long-lived-credentials',
        target: 'legacy-sftp-sync',
        expires: '2027-03-02',
        daysLeft: 80,
        status: 'active',
        waives: 1,
      },
    ]);
    const markdown = main(['audit', BAD, '--catalog', out, '--format', 'markdown', '--now', '2026-12-12']).output;
    expect(markdown).toContain(
      '| team-payments | 1 | 0 | in 80 days | init-payments-ledger-db-secret-rotation (secret-rotation for payments/ledger-db: 80 days left) |',
    );
    const html = main(['audit', BAD, '--catalog', out, '--format', 'html', '--now', '2026-12-12']).output;
    expect(html).toContain('<table id="burn-down">');
    expect(html).toContain('<tr data-owner="team-platform"><td>team-platform</td><td>5</td><td>0</td>');
  });
});
