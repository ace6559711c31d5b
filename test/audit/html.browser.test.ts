/// <reference lib="dom" />
/**
 * The HTML audit in a real headless browser (the Chromium that `@sparticuz/chromium` ships, driven by playwright-core):
 * the page shows the identities, findings and exceptions, sorts and filters, makes no network request, and renders
 * hostile names as text. Nothing outside `npm install` is needed (see test/support/chromium.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAudit, type Audit } from '../../src/audit/index.js';
import { renderAudit } from '../../src/reporters/audit.js';
import { runRules } from '../../src/engine/evaluate.js';
import { emptyModel } from '../../src/model/model.js';
import { allRules } from '../../src/rules/index.js';
import { identity } from '../support/builders.js';
import { launchChromium } from '../support/chromium.js';
import { loadTemplates } from '../../src/adapters/cloudformation/load.js';
import { modelFromTemplates } from '../../src/adapters/cloudformation/to-model.js';
import { evaluate } from '../../src/engine/index.js';
import { runAudit } from '../../src/cli/audit.js';
import { auditOf, exampleCatalog, NOW, REPO } from './support.js';

/** The page and its screenshot stay here for a person to look at after the run. */
const OUT = join(tmpdir(), 'entitlement-guard-html-audit');

let browser: Browser;
let audit: Audit;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  ({ audit } = auditOf([
    'examples/cloudformation/bad-stack.template.yaml',
    'examples/cloudformation/good-stack.template.yaml',
  ]));
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, 'audit.html');
  writeFileSync(file, renderAudit(audit, 'html'));
  await page.goto(`file://${file}`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const visibleNames = () =>
  page
    .locator('#identities tbody tr:visible')
    .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.name));

describe('HTML audit in Chromium', () => {
  it('shows every identity, planned and catalog-only, with owner, class and findings', async () => {
    expect(await visibleNames()).toEqual([
      'OrphanRole',
      'batch-admin',
      'ci-bot',
      'github-deploy',
      'legacy-sftp-sync',
      'ops-automation',
      'partner-upload',
      'ci-deployer',
      'payments-api-runtime',
      'alice-admin',
      'analytics-etl',
      'break-glass-admin',
      'jit-admin',
      'report-agent',
    ]);
    const sftp = page.locator('#identities tr[data-name="legacy-sftp-sync"]');
    expect(await sftp.locator('td').nth(2).innerText()).toBe('team-data');
    expect(await sftp.locator('td').nth(3).innerText()).toBe('service');
    expect(await sftp.locator('td').nth(5).innerText()).toContain('aws-access-key long-lived');
    expect(await sftp.locator('td').nth(8).innerText()).toBe('1 waived');
    const ops = audit.identities.find((i) => i.name === 'ops-automation')!;
    expect(await page.locator('#identities tr[data-name="ops-automation"] td').nth(8).innerText()).toBe(
      `${ops.findings.length} blocking`,
    );
    expect(await page.locator('#identities tr[data-name="alice-admin"] td').nth(1).innerText()).toBe('catalog');
    expect(await page.locator('#row-count').innerText()).toBe('14 of 14 identities');
  });

  it('highlights privileged identities', async () => {
    const privileged = await page
      .locator('#identities tbody tr.privileged')
      .evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.name));
    expect(privileged).toEqual([
      'batch-admin',
      'ops-automation',
      'ci-deployer',
      'alice-admin',
      'break-glass-admin',
      'jit-admin',
    ]);
    const border = await page
      .locator('#identities tr[data-name="batch-admin"] td')
      .first()
      .evaluate((cell) => getComputedStyle(cell).borderLeftColor);
    expect(border).toBe('rgb(180, 35, 24)');
  });

  it('shows exceptions with approver and countdown', async () => {
    const rows = await page
      .locator('#exceptions tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent)));
    expect(rows.map((cells) => [cells[0], cells[4], cells[5], cells[6], cells[7], cells[8]])).toEqual([
      ['EXC-101', 'security-lead@example.com (SEC-1234) on 2026-07-01', '2027-06-30', '364 days left', 'active', '1'],
      [
        'EXC-087',
        'security-lead@example.com (SEC-1187) on 2025-11-01',
        '2026-01-31',
        'expired 151 days ago',
        'expired',
        '0',
      ],
    ]);
  });

  it('draws findings by rule and by owner', async () => {
    const bars = (id: string) =>
      page
        .locator(`#${id} .bar-row`)
        .evaluateAll((gs) => gs.map((g) => `${(g as SVGElement).dataset.label}=${(g as SVGElement).dataset.value}`));
    const expected = (counts: Record<string, number>) =>
      Object.entries(counts)
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))
        .map(([label, value]) => `${label}=${value}`);
    expect(await bars('chart-by-owner')).toEqual(expected(audit.summary.byOwner));
    expect(await bars('chart-by-rule')).toEqual(expected(audit.summary.byRule));
    expect((await bars('chart-by-owner')).slice(-3)).toEqual(['(no owner)=3', 'team-ml=1', 'team-payments=1']);
  });

  it('sorts by a column, both ways', async () => {
    await page.click('th button[data-sort="findings"]');
    expect((await visibleNames()).slice(0, 3)).toEqual(['alice-admin', 'analytics-etl', 'break-glass-admin']);
    await page.click('th button[data-sort="findings"]');
    // Most blocking findings first; ties fall back to the name.
    const byFindings = audit.identities
      .map((i) => ({ name: i.name, key: i.findings.filter((f) => f.blocking).length * 10_000 + i.findings.length }))
      .sort((a, b) => b.key - a.key || a.name.localeCompare(b.name))
      .map((i) => i.name);
    expect(await visibleNames()).toEqual(byFindings);
    expect(byFindings[0]).toBe('ops-automation');
    expect(await page.locator('th:has(button[data-sort="findings"])').getAttribute('aria-sort')).toBe('descending');
    await page.click('th button[data-sort="owner"]');
    // "(no owner)" sorts first, then team-data's identities by name.
    expect((await visibleNames()).slice(0, 3)).toEqual(['OrphanRole', 'analytics-etl', 'batch-admin']);
  });

  it('filters by text, class, owner, privilege and findings', async () => {
    // Any text of the row: names, purposes, trust conditions.
    await page.fill('#filter', 'github');
    expect((await visibleNames()).sort()).toEqual(['ci-deployer', 'github-deploy']);
    await page.fill('#filter', 'EXC-101');
    expect(await visibleNames()).toEqual(['legacy-sftp-sync']);
    await page.fill('#filter', '');
    await page.selectOption('#class-filter', 'service');
    expect((await visibleNames()).sort()).toEqual(['analytics-etl', 'legacy-sftp-sync', 'payments-api-runtime']);
    await page.check('#findings-only');
    expect(await visibleNames()).toEqual(['legacy-sftp-sync']);
    await page.selectOption('#class-filter', '');
    await page.uncheck('#findings-only');
    await page.selectOption('#owner-filter', 'team-platform');
    await page.check('#privileged-only');
    expect((await visibleNames()).sort()).toEqual(['alice-admin', 'ci-deployer', 'ops-automation']);
    expect(await page.locator('#row-count').innerText()).toBe('3 of 14 identities');
    await page.uncheck('#privileged-only');
    await page.selectOption('#owner-filter', '');
    await page.click('th button[data-sort="name"]');
    await page.screenshot({ path: join(OUT, 'audit.png'), fullPage: false });
  });

  it('loads nothing from the network', () => {
    expect(requests).toEqual([]);
  });

  it('renders hostile names and tags as text, never as markup', async () => {
    const catalog = exampleCatalog();
    const model = emptyModel();
    const hostile = '<img src=x onerror="document.title=\'pwned\'">';
    model.identities.push(
      identity('aws-role', hostile, {
        tags: { owner: '"><script>document.title="pwned"</script>', purpose: '</td></tr><b>x</b>' },
      }),
    );
    const audit = buildAudit(model, runRules(model, allRules, { catalog, now: NOW }), catalog, NOW);
    const other = await browser.newPage();
    await other.setContent(renderAudit(audit, 'html'));
    expect(await other.title()).toBe('Entitlement audit — 2026-07-01');
    expect(await other.locator('#identities img, #identities script, #identities b').count()).toBe(0);
    expect(await other.locator('#identities tbody tr').first().locator('td strong').innerText()).toBe(hostile);
    expect(await other.locator('#identities tbody tr').first().getAttribute('data-name')).toBe(hostile);
    await other.close();
  });
});

describe('HTML audit in Chromium: standing or just in time, and exception hygiene', () => {
  let privileged: Page;

  beforeAll(async () => {
    const inputs = [
      'examples/privileged-access/bad.template.yaml',
      'examples/privileged-access/good.template.yaml',
    ].flatMap((template) => loadTemplates(join(REPO, template)));
    const model = modelFromTemplates(inputs);
    const base = exampleCatalog();
    // An exception for the just-in-time admin, which has no key to waive: a risk accepted for nothing.
    const unused = {
      id: 'EXC-200',
      rule: 'no-long-lived-credentials',
      target: 'jit-admin',
      reason: 'old admin tooling',
      owner: 'team-security',
      approvedBy: 'security-lead@example.com',
      approved: '2026-05-01',
      expires: '2026-12-31',
    };
    const catalog = { ...base, exceptions: [...base.exceptions, unused] };
    const privilegedAudit = buildAudit(model, evaluate(model, { catalog, now: NOW }), catalog, NOW);
    privileged = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const file = join(OUT, 'privileged-access.html');
    writeFileSync(file, renderAudit(privilegedAudit, 'html'));
    await privileged.goto(`file://${file}`);
  }, 60_000);

  const texts = (selector: string) =>
    privileged
      .locator(selector)
      .evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim()));

  it('shows per identity and entitlement whether it is held just in time, with session, maxDuration, approvers, path and trust', async () => {
    const modes = await privileged
      .locator('tr[data-name="jit-admin"] .holding')
      .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.mode));
    // Rows by stack: the bad template's standing admin first, then the good one's just-in-time admin.
    expect(modes).toEqual(['standing', 'just-in-time']);
    const [standing, justInTime] = await texts('tr[data-name="jit-admin"] .holding');
    expect(justInTime).toBe(
      'account-admin-jit just in time session: 1h; maxDuration: 1h; approvers: team-security; approval path: arn:aws:iam::*:saml-provider/ExampleIdP; ' +
        'assumable by: Federated arn:aws:iam::<own-account>:saml-provider/ExampleIdP',
    );
    expect(standing).toContain('account-admin-jit standing session: 12h; maxDuration: 1h; approvers: team-security');
    expect(standing).toContain(
      "its sessions last up to 12h (MaxSessionDuration), longer than the approval's maxDuration 1h",
    );
    // The badge in the table says the same.
    expect(await texts('tr[data-name="jit-admin"] td:nth-child(5) .badge')).toEqual(['standing', 'just in time']);
    // Break-glass holds its privilege standing by design, shown with its evidence but not as a violation.
    expect(
      await privileged
        .locator('tr[data-name="break-glass-admin"] .holding')
        .evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).dataset.mode)),
    ).toEqual(['standing', 'standing']);
    expect(await texts('tr[data-name="break-glass-admin"] td:nth-child(5) .badge')).toEqual([
      'privileged',
      'privileged',
    ]);
  });

  it('shows exception hygiene: the unused exception, its approval date, and standing privilege where the class forbids it', async () => {
    const row = privileged.locator('#exceptions tr[data-exception="EXC-200"]');
    expect((await row.locator('td').nth(4).textContent())?.trim()).toBe('security-lead@example.com on 2026-05-01');
    expect((await row.locator('td').nth(8).textContent())?.trim()).toBe('0 unused');
    const hygiene = Object.fromEntries(
      await privileged
        .locator('#hygiene dt')
        .evaluateAll((terms) =>
          terms.map((term) => [term.textContent, (term.nextElementSibling?.textContent ?? '').trim()]),
        ),
    );
    expect(hygiene['Exceptions that waive nothing in this change']).toBe(
      'EXC-200 (no-long-lived-credentials for jit-admin)',
    );
    expect(hygiene['Privileged entitlements held as standing privilege']).toBe('jit-admin: account-admin-jit');
    expect(hygiene['Exceptions broader than the exception policy']).toBe('none');
  });
});

describe('HTML audit in Chromium: the change since a baseline and the review queue', () => {
  let review: Page;
  const reviewRequests: string[] = [];

  beforeAll(async () => {
    // The good stack as the baseline; the head adds an access key, widens the CI trust and grants iam:PassRole.
    const result = runAudit({
      paths: ['test/diff/fixtures/privilege-head/good-stack.template.yaml'],
      baseline: 'examples/cloudformation/good-stack.template.yaml',
      catalogPath: 'examples/catalog.yaml',
      format: 'html',
      now: NOW,
      cwd: REPO,
      source: { system: 'github-actions', commit: 'abc1234', pullRequest: '42', actor: 'octocat' },
      reportUrl: 'https://ci.example.com/runs/42/audit.html',
    });
    review = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    review.on('request', (request) => {
      if (!request.url().startsWith('file:')) reviewRequests.push(request.url());
    });
    const file = join(OUT, 'review.html');
    writeFileSync(file, result.output);
    await review.goto(`file://${file}`);
    await review.screenshot({ path: join(OUT, 'review.png'), fullPage: true });
  }, 60_000);

  const texts = (selector: string) =>
    review
      .locator(selector)
      .evaluateAll((nodes) => nodes.map((node) => (node.textContent ?? '').replace(/\s+/g, ' ').trim()));

  it('says where the change came from and links the full report', async () => {
    expect(await texts('#lineage')).toEqual(['Change: commit abc1234, pull request #42, by octocat (github-actions)']);
    expect(await review.locator('#report-url a').getAttribute('href')).toBe(
      'https://ci.example.com/runs/42/audit.html',
    );
  });

  it('shows exactly the access key, the widened trust and iam:PassRole as the change, privileged first', async () => {
    expect(await texts('#baseline-summary')).toEqual([
      '3 new blocking identities +0 −0 ~2 (0 renamed) · grants +1 −0 · credentials +1 −0 · trust 1 widened, 0 narrowed · findings 4 new, 0 resolved',
    ]);
    const rows = await review
      .locator('#identity-changes tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          (tr as HTMLElement).dataset.key,
          (tr as HTMLElement).dataset.change,
          (tr as HTMLElement).dataset.privileged,
        ]),
      );
    expect(rows).toEqual([
      ['catalog:ci-deployer', 'changed', 'true'],
      ['catalog:legacy-sftp-sync', 'changed', 'true'],
    ]);
    const entries = (key: string, kind: string) =>
      texts(`#identity-changes tr[data-key="${key}"] li[data-entry="${kind}"]`);
    expect(await entries('catalog:ci-deployer', 'grant')).toEqual([
      '+ grant Allow iam:PassRole on * privileged: privilege-escalation via policy cdk-deploy (CiDeployerRole)',
    ]);
    expect(await entries('catalog:ci-deployer', 'trust')).toEqual([
      'trust widened: oidc token.actions.githubusercontent.com (token.actions.githubusercontent.com:sub now admits repo:example-co/payments:*)',
    ]);
    expect(await entries('catalog:ci-deployer', 'credential')).toEqual([]);
    expect(await entries('catalog:legacy-sftp-sync', 'credential')).toEqual([
      '+ credential aws-access-key long-lived LegacySftpKey',
    ]);
    expect(await entries('catalog:legacy-sftp-sync', 'grant')).toEqual([]);
    // A widened trust is shown in the bad colour, as an addition.
    const color = await review
      .locator('#identity-changes li[data-entry="trust"]')
      .first()
      .evaluate((node) => getComputedStyle(node).color);
    expect(color).toBe('rgb(180, 35, 24)');
  });

  it('lists what to review per owner, standing before just in time, new before unchanged, each with a stable id', async () => {
    expect(
      await review
        .locator('#review-queue .review-owner')
        .evaluateAll((groups) => groups.map((group) => (group as HTMLElement).dataset.owner)),
    ).toEqual(['team-data', 'team-ml', 'team-platform', 'team-security']);
    const rows = await review.locator('#review-queue tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = Array.from(tr.querySelectorAll('td')).map((td) =>
          (td as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
        );
        return [
          (tr as HTMLElement).dataset.kind,
          (tr as HTMLElement).dataset.mode,
          (tr as HTMLElement).dataset.since,
          cells[1],
          cells[4],
        ].join(' | ');
      }),
    );
    expect(rows).toEqual([
      'long-lived-credential | standing | new | long-lived credentials legacy-sftp-sync (aws) | team-data',
      'exception |  | changed | exception EXC-101 | security-lead@example.com',
      'exception |  | unchanged | exception EXC-087 | security-lead@example.com',
      'privileged-access | standing | changed | privileged grants ci-deployer (aws) | team-platform',
      'privileged-access | just-in-time | unchanged | entitlement deploy-admin alice-admin | team-platform',
      'privileged-access | standing | unchanged | entitlement emergency-admin break-glass-admin | team-security',
      'privileged-access | just-in-time | unchanged | entitlement account-admin-jit jit-admin | team-security',
    ]);
    const ids = await review
      .locator('#review-queue tbody tr')
      .evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.reviewId!));
    expect(ids.every((id) => /^R-[0-9a-f]{10}$/.test(id))).toBe(true);
    expect(await texts('#review-queue tr[data-review-id="' + ids[3] + '"] td:nth-child(6) li')).toEqual([
      'grants Allow sts:AssumeRole on arn:aws:iam::111122223333:role/cdk-hnb659fds-* [privilege-escalation] (policy cdk-deploy (CiDeployerRole))',
      'grants Allow iam:PassRole on * [privilege-escalation] (policy cdk-deploy (CiDeployerRole))',
      'assumable by oidc token.actions.githubusercontent.com if StringEquals token.actions.githubusercontent.com:aud = sts.amazonaws.com and StringLike token.actions.githubusercontent.com:sub = repo:example-co/payments:*',
      'beyond every entitlement the identity holds',
      '3 blocking findings',
    ]);
    expect(await texts('#review-counts')).toEqual([
      expect.stringMatching(/^7 items, 3 standing, 3 new or changed since the baseline\. /),
    ]);
  });

  it('shows a catalog identity deployed on two clouds as one row, each cloud beneath', async () => {
    const both = runAudit({
      paths: ['examples/cloudformation/good-stack.template.yaml', 'examples/k8s/good.yaml'],
      catalogPath: 'examples/catalog.yaml',
      format: 'html',
      now: NOW,
      cwd: REPO,
    });
    const page = await browser.newPage();
    await page.setContent(both.output);
    const rows = page.locator('#identities tbody tr[data-name="ci-deployer"]');
    expect(await rows.count()).toBe(1);
    expect(await rows.locator('td').nth(1).innerText()).toBe('change aws, kubernetes');
    expect(
      await rows
        .locator('li.placement')
        .evaluateAll((items) =>
          items.map(
            (item) =>
              `${(item as HTMLElement).dataset.cloud}: ${(item as HTMLElement).innerText.replace(/\s+/g, ' ').trim()}`,
          ),
        ),
    ).toEqual([
      // The template does not say which account the role is in; the manifest says the namespace.
      'aws: aws ci-deployer AWS::IAM::Role CiDeployerRole · 1 grant, 0 credentials, 0 findings',
      'kubernetes: kubernetes ci-deployer in namespace payments kubernetes:core/v1:ServiceAccount ci-deployer · 1 grant, 0 credentials, 0 findings',
    ]);
    await page.close();
  });

  it('loads nothing from the network', () => {
    expect(reviewRequests).toEqual([]);
  });
});
