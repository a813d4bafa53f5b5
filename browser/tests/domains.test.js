'use strict';
// A district admin adds an email domain and sees how to prove it; the
// programme admin finds it in the queue of domains waiting and approves it.

const { test, before, after } = require('node:test');
const h = require('../lib/helpers');

const VARIANTS = [{ lang: 'en', js: true }, { lang: 'es', js: true }];
const DISTRICT = 'Columbus City Schools';

let suite;
before(async () => { suite = await h.openSuite('domains'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`an email domain is added, waits for proof and is approved [${variant.lang}]`, () =>
    suite.run('prove an email domain', variant, async (j, t) => {
      const domain = `schools-${j.variant}.example.org`;
      const page = await j.newPage();
      await h.signIn(page, j, t, 'orgadmin@columbus.example.org');
      await page.getByRole('main').getByRole('link', { name: DISTRICT, exact: true }).click();
      await page.getByRole('link', { name: t('org-manage') }).click();
      const tabs = page.getByRole('navigation', { name: t('org-admin-tabs-label') });
      await tabs.getByRole('link', { name: t('org-admin-joining-title') }).click();
      await h.expectHeading(page, t('org-admin-joining-title'));
      await j.check(page, 'joining: the proven demo domain');

      const main = page.getByRole('main');
      await main.getByLabel(t('field-domain'), { exact: true }).fill(domain);
      await main.getByRole('button', { name: t('joining-domain-add') }).click();
      await h.expectFlash(page, t('flash-domain-added'));
      await h.expectHeading(page, t('domain-proof-heading', { domain }));
      await main.getByText(`_lyceum.${domain}`, { exact: true }).waitFor();
      await main.getByRole('button', { name: t('domain-check-button') }).waitFor();
      await j.check(page, 'domain: waiting for proof');

      await main.getByRole('link', { name: t('domain-back') }).click();
      await main.getByRole('link', { name: t('domain-prove-link', { domain }) }).waitFor();
      await j.check(page, 'joining: a domain waiting');

      // The programme team, in their own browser.
      const admin = await j.newPage();
      await h.signIn(admin, j, t, 'admin@lyceum.example.org');
      await admin.goto(`${j.url}/orgs/1/admin/joining`);
      await admin.getByRole('main').getByRole('link', { name: t('domain-approvals-link') }).click();
      await h.expectHeading(admin, t('domain-approvals-title'));
      await j.check(admin, 'domains waiting for approval');
      await admin.getByRole('link', { name: t('domain-approvals-review', { domain }) }).click();
      await h.expectHeading(admin, t('domain-proof-heading', { domain }));
      await admin.getByRole('main').getByRole('button', { name: t('domain-approve-button', { domain }) }).click();
      await h.expectFlash(admin, t('flash-domain-proven'));
      await admin.getByRole('main').getByText(t('domain-status-proven'), { exact: true }).first().waitFor();
      await j.check(admin, 'domain approved');
    }));
}
