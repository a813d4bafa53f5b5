'use strict';
// A district admin adds a school and invites a person, who accepts from the email.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [{ lang: 'en', js: true }, { lang: 'es', js: true }, { lang: 'en', js: false }];
const DISTRICT = 'Columbus City Schools';

let suite;
before(async () => { suite = await h.openSuite('admin'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`org admin creates a school and invites a person, who joins [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('create a school and invite', variant, async (j, t) => {
      const school = `Hilltop Elementary ${j.variant}`;
      const invitee = `morgan.${j.variant}@example.net`;
      const page = await j.newPage();

      await page.goto(`${j.url}/`);
      await page.getByRole('navigation', { name: t('nav-label') }).getByRole('link', { name: t('nav-sign-in') }).click();
      await h.expectHeading(page, t('sign-in-title'));
      await j.check(page, 'sign in');
      await page.getByLabel(t('field-email'), { exact: true }).fill('orgadmin@columbus.example.org');
      await page.getByLabel(t('field-password'), { exact: true }).fill(h.PASSWORD);
      await page.getByRole('main').getByRole('button', { name: t('sign-in-button') }).click();
      await h.expectFlash(page, h.either('flash-signed-in')); // in the account's language
      await h.useLanguage(page, j.lang);
      await h.expectHeading(page, /.+/);
      await j.check(page, 'home, org admin');

      await page.getByRole('main').getByRole('link', { name: DISTRICT, exact: true }).click();
      await h.expectHeading(page, DISTRICT);
      await j.check(page, 'district');

      await page.getByRole('link', { name: t('org-manage') }).click();
      await h.expectHeading(page, t('org-admin-overview-title'));
      await j.check(page, 'district: manage');

      const tabs = page.getByRole('navigation', { name: t('org-admin-tabs-label') });
      await tabs.getByRole('link', { name: t('org-admin-new-title') }).click();
      await h.expectHeading(page, t('org-admin-new-title'));
      await j.check(page, 'district: add below');

      const form = page.getByRole('main');
      await form.getByRole('radio', { name: t('org-kind-school'), exact: true }).check();
      await form.getByLabel(t('field-org-name'), { exact: true }).fill(school);
      await form.getByLabel(t('field-locale'), { exact: true }).selectOption({ label: t('locale-suburb') });
      await form.getByRole('radio', { name: t('title-i-yes'), exact: true }).check();
      await form.getByLabel(t('field-poverty-band'), { exact: true }).selectOption({ label: t('poverty-mid-high') });
      await form.getByLabel(t('field-enrolment'), { exact: true }).fill('420');
      await form.getByRole('button', { name: t('org-admin-create') }).click();
      await h.expectFlash(page, t('flash-org-created'));
      await h.expectHeading(page, school);
      const facts = await page.locator('.summary-list').innerText();
      for (const shown of [t('locale-suburb'), t('yes'), t('poverty-mid-high'), '420']) {
        assert.ok(facts.includes(shown), `the school's page shows "${shown}" in:\n${facts}`);
      }
      await j.check(page, 'school created');

      await page.getByRole('link', { name: t('org-manage') }).click();
      await h.expectHeading(page, t('org-admin-overview-title'));
      await tabs.getByRole('link', { name: t('org-admin-invitations-title') }).click();
      await h.expectHeading(page, t('org-admin-invitations-title'));
      await j.check(page, 'school: invitations');

      await form.getByLabel(t('field-email'), { exact: true }).fill(invitee);
      await form.getByLabel(t('field-role'), { exact: true }).selectOption({ label: t('role-educator') });
      await form.getByRole('button', { name: t('invite-button'), exact: true }).click();
      await h.expectFlash(page, t('flash-invitation-sent'));
      await page.getByRole('cell', { name: invitee, exact: true }).waitFor();
      await j.check(page, 'school: invitation sent');

      const mail = await h.waitForMail(suite.server, invitee, /\/invitations\/[A-Za-z0-9_-]+/);
      const link = mail.links.find((l) => /\/invitations\/[A-Za-z0-9_-]+$/.test(l));
      assert.ok(link, `the invitation email has a link: ${mail.links.join(', ')}`);

      // The invited person, in their own browser.
      const guest = await j.newPage();
      await guest.goto(link);
      await h.expectHeading(guest, t('invitation-title'));
      assert.ok((await guest.getByRole('main').innerText()).includes(school), 'the invitation names the school');
      await j.check(guest, 'invitation');
      await guest.getByLabel(t('field-display-name'), { exact: true }).fill('Morgan Lee');
      await guest.getByLabel(t('field-new-password'), { exact: true }).fill('bright morning harbour lanterns');
      await guest.getByRole('radio', { name: t(`lang-${j.lang}`) }).check();
      await guest.getByRole('button', { name: t('invitation-register-button') }).click();
      await h.expectFlash(guest, t('flash-invitation-accepted'));
      await h.expectHeading(guest, school);
      await j.check(guest, 'joined the school');
    }));
}
