'use strict';
// An organisation admin's daily work: the admin area opens on an overview of
// what waits; a person in the directory opens their record; an invitation is
// sent again (the demo's, sent yesterday; once sent, sending it again at once
// is refused, naming the invitation); a roster checked is imported with
// "Import now", without choosing the files again.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [{ lang: 'en', js: true }, { lang: 'es', js: true }, { lang: 'en', js: false }];
const DISTRICT = 'Columbus City Schools';
const INVITED = 'jamie.ortiz@columbus.example.org';

const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const roster = (who) => [
  csv('manifest.csv', 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,bulk\n'),
  csv('orgs.csv', `sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd,,,${DISTRICT},district,,\ns7,,,Hilltop Primary,school,,d\n`),
  csv('users.csv', `sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\nu1,,,true,${who},Rowan,Vega,${who}@columbus.example.org\n`),
  csv('roles.csv', 'sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\nr1,,,u1,primary,teacher,s7\n'),
];

let suite;
before(async () => { suite = await h.openSuite('admin_daily'); });
after(async () => { await suite?.close(); });

VARIANTS.forEach((variant, index) => {
  const label = `${variant.lang}${variant.js ? '' : ', without JavaScript'}`;

  test(`org admin: overview, a person's record, an invitation sent again [${label}]`, () =>
    suite.run('overview, record, resend', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, 'orgadmin@columbus.example.org');
      await page.getByRole('main').getByRole('link', { name: t('home-manage', { name: DISTRICT }), exact: true }).click();
      await h.expectHeading(page, t('org-admin-overview-title'));
      const main = page.getByRole('main');
      const waiting = await main.innerText();
      assert.ok(waiting.includes(t('org-admin-overview-people')), waiting);
      await j.check(page, 'admin overview');

      // The directory opens a person's record.
      await main.getByRole('link', { name: t('org-admin-overview-people'), exact: true }).click();
      await h.expectHeading(page, t('people-title'));
      if (variant.js) {
        // A click while a search is still on its way wins: the search's late
        // answer must never replace the page clicked to (htmx's requests
        // from the body share one queue, the last replacing the one before).
        let searched;
        const late = new Promise((resolve) => { searched = resolve; });
        await page.route(/\/people\?.*q=slow/, async (route) => {
          await new Promise((r) => setTimeout(r, 1500));
          await route.continue().catch(() => {});
          searched();
        });
        await main.getByLabel(t('people-search'), { exact: true }).fill('slow');
        await main.getByRole('button', { name: t('people-search-button'), exact: true }).click();
        await main.getByRole('link', { name: 'Ana Rivera', exact: true }).click();
        await h.expectHeading(page, 'Ana Rivera');
        await late;
        await new Promise((r) => setTimeout(r, 500));
        await h.expectHeading(page, 'Ana Rivera');
        await page.unroute(/\/people\?.*q=slow/);
        await page.goBack();
        await h.expectHeading(page, t('people-title'));
      }
      await main.getByLabel(t('people-search'), { exact: true }).fill('ana riv');
      // The results first: the unfiltered list names Ana Rivera too, and a
      // search answered after her record opened would replace it.
      await h.replaced(page, () => main.getByRole('button', { name: t('people-search-button'), exact: true }).click());
      await main.getByRole('link', { name: 'Ana Rivera', exact: true }).click();
      await h.expectHeading(page, 'Ana Rivera');
      const record = await main.innerText();
      for (const shown of [t('person-record-memberships'), 'Lincoln Elementary', t('person-record-courses'), t('person-record-transcript')]) {
        assert.ok(record.includes(shown), `the record shows "${shown}" in:\n${record}`);
      }
      await j.check(page, 'a person\'s record');

      // Back to the overview, then the invitation waiting for an answer.
      await page.goto(`${page.url().replace(/\/people.*$/, '')}/admin/overview`);
      await h.expectHeading(page, t('org-admin-overview-title'));
      // The overview's line (the tabs above link there too).
      await main.locator('a[href$="/admin/invitations"]').last().click();
      await h.expectHeading(page, t('org-admin-invitations-title'));
      await main.getByRole('button', { name: t('invite-resend', { email: INVITED }), exact: true }).click();
      if (index === 0) {
        await h.expectFlash(page, t('flash-invitation-resent'));
        const mail = await h.waitForMail(suite.server, INVITED, /\/invitations\/[A-Za-z0-9_-]+/);
        assert.ok(mail.links.some((l) => /\/invitations\/[A-Za-z0-9_-]+$/.test(l)), mail.links.join(', '));
        await j.check(page, 'invitation sent again');
      } else {
        // Sent a moment ago by the journey before: refused, the invitation named.
        const summary = page.getByRole('alert');
        await summary.waitFor();
        const text = await summary.innerText();
        assert.ok(text.includes(t('error-invitation-resent-recently')), text);
        await j.check(page, 'invitation sent too recently');
      }
    }));

  test(`org admin checks a roster, then imports it without choosing the files again [${label}]`, () =>
    suite.run('roster: check, then import now', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, 'orgadmin@columbus.example.org');
      await page.getByRole('main').getByRole('link', { name: t('home-manage', { name: DISTRICT }), exact: true }).click();
      await h.expectHeading(page, t('org-admin-overview-title'));
      const tabs = page.getByRole('navigation', { name: t('org-admin-tabs-label') });
      if (!(await tabs.getByRole('link', { name: t('import-tab') }).isVisible())) {
        await tabs.locator('details.sections > summary').click();
      }
      await tabs.getByRole('link', { name: t('import-tab') }).click();
      await h.expectHeading(page, t('import-title'));
      const main = page.getByRole('main');
      assert.equal(await main.getByRole('link', { name: 'users.csv', exact: true }).count(), 1, 'the template is offered');
      await main.getByLabel(t('import-files'), { exact: true }).setInputFiles(roster(`rowan.${j.variant}`));
      await main.getByLabel(t('import-dry-run'), { exact: true }).check();
      await main.getByRole('button', { name: t('import-button'), exact: true }).click();
      await page.getByRole('heading', { name: t('import-checked') }).waitFor();
      await j.check(page, 'roster: checked, import now offered');

      await main.getByRole('button', { name: t('import-now'), exact: true }).click();
      await page.getByRole('heading', { name: t('import-done') }).waitFor();
      await j.check(page, 'roster: imported');
    }));
});
