'use strict';
// A district admin looks for a person in the directory, invites a list of
// people from a CSV file (a bad list first), checks a OneRoster roster
// before importing it, and opens the single sign-on page; a teacher looks
// for their school's sign-in and reads the competency framework. Uploads go through a real file input, with and
// without JavaScript.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [{ lang: 'en', js: true }, { lang: 'es', js: true }, { lang: 'en', js: false }];
const DISTRICT = 'Columbus City Schools';

const csv = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
const ROSTER = [
  csv('manifest.csv', 'propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.orgs,bulk\nfile.users,bulk\nfile.roles,bulk\n'),
  csv('orgs.csv', `sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\nd,,,${DISTRICT},district,,\ns9,,,Hilltop Primary,school,,d\n`),
  csv('users.csv', 'sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,email\nu1,,,true,nia,Nia,Reyes,nia.reyes@columbus.example.org\n'),
  csv('roles.csv', 'sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\nr1,,,u1,primary,teacher,s9\n'),
];

let suite;
before(async () => { suite = await h.openSuite('people'); });
after(async () => { await suite?.close(); });


for (const variant of VARIANTS) {
  const label = `${variant.lang}${variant.js ? '' : ', without JavaScript'}`;

  test(`org admin searches people, invites a list and checks a roster [${label}]`, () =>
    suite.run('people, invitation list, roster', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, 'orgadmin@columbus.example.org');
      await page.getByRole('main').getByRole('link', { name: DISTRICT, exact: true }).click();
      await h.expectHeading(page, DISTRICT);
      await page.getByRole('main').getByRole('link', { name: t('people-title'), exact: true }).click();
      await h.expectHeading(page, t('people-title'));
      await j.check(page, 'district: people');

      const main = page.getByRole('main');
      await main.getByLabel(t('people-search'), { exact: true }).fill('ana riv');
      // (The unfiltered list shows her too: wait for the search's page.)
      await h.replaced(page, () => main.getByRole('button', { name: t('people-search-button'), exact: true }).click());
      await main.getByRole('cell', { name: 'educator@columbus.example.org', exact: true }).waitFor();
      assert.equal(await main.getByRole('cell', { name: 'Ana Rivera', exact: true }).count(), 1);
      await j.check(page, 'district: people found');

      await page.goto(`${page.url().replace(/\/people.*$/, '')}/admin/invitations`);
      await h.expectHeading(page, t('org-admin-invitations-title'));
      const tabs = page.getByRole('navigation', { name: t('org-admin-tabs-label') });
      const list = main.getByLabel(t('invite-list-file'), { exact: true });

      // One bad line refuses the whole list, and says which line.
      await list.setInputFiles(csv('people.csv', `email,role\nriver.${j.variant}@example.net\nnot-an-email\n`));
      await main.getByRole('button', { name: t('invite-list-button'), exact: true }).click();
      await h.expectHeading(page, t('org-admin-invitations-title'));
      const summary = page.getByRole('alert');
      await summary.waitFor();
      const problems = await summary.innerText();
      assert.ok(problems.includes(t('error-csv-email-invalid', { line: 3, value: 'not-an-email' })), problems);
      await j.check(page, 'invitations: a bad list');

      await main.getByLabel(t('invite-list-file'), { exact: true })
        .setInputFiles(csv('people.csv', `river.${j.variant}@example.net\nsky.${j.variant}@example.net,facilitator\n`));
      await main.getByRole('button', { name: t('invite-list-button'), exact: true }).click();
      await h.expectFlash(page, t('flash-invitations-sent'));
      await main.getByRole('cell', { name: `sky.${j.variant}@example.net`, exact: true }).waitFor();
      await j.check(page, 'invitations: a list sent');

      await tabs.getByRole('link', { name: t('import-tab') }).click();
      await h.expectHeading(page, t('import-title'));
      await j.check(page, 'roster: upload form');
      await main.getByLabel(t('import-files'), { exact: true }).setInputFiles(ROSTER);
      await main.getByLabel(t('import-dry-run'), { exact: true }).check();
      await main.getByRole('button', { name: t('import-button'), exact: true }).click();
      await page.getByRole('heading', { name: t('import-checked') }).waitFor();
      await j.check(page, 'roster: checked');

      await tabs.getByRole('link', { name: t('org-admin-sso-title') }).click();
      await h.expectHeading(page, t('org-admin-sso-title'));
      await j.check(page, 'single sign-on');
    }));

  test(`a teacher looks for a school sign-in and reads the competencies [${label}]`, () =>
    suite.run('find a school sign-in', variant, async (j, t) => {
      const page = await j.newPage();
      await page.goto(`${j.url}/sign-in`);
      await h.useLanguage(page, j.lang);
      await h.expectHeading(page, t('sign-in-title'));
      await page.getByRole('main').getByLabel(t('field-sso-school'), { exact: true }).fill('nobody@nowhere.example');
      await page.getByRole('main').getByRole('button', { name: t('sso-find-button'), exact: true }).click();
      await h.expectHeading(page, t('sso-find-title'));
      const alert = await page.getByRole('alert').innerText();
      assert.ok(alert.includes(t('error-sso-none')), alert);
      await j.check(page, 'no school sign-in found');

      // Anyone may read the competency framework courses are mapped to.
      await page.goto(`${j.url}/`);
      await page.getByRole('main').getByRole('link', { name: t('home-competencies-link') }).click();
      await h.expectHeading(page, t('competencies-title'));
      await j.check(page, 'competency frameworks');
      await page.getByRole('main').getByRole('link').first().click();
      await page.getByRole('table', { name: t('competencies-by-aspect') }).waitFor();
      await j.check(page, 'the UNESCO framework');
    }));
}
