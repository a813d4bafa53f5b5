'use strict';
// An educator opens a district admin address directly and is refused, politely.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [
  { lang: 'en', js: true }, { lang: 'es', js: true },
  { lang: 'en', js: false }, { lang: 'es', js: false },
];

let suite;
before(async () => { suite = await h.openSuite('access'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`educator opening the district's admin page gets a polite 403 [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('educator refused admin', variant, async (j, t) => {
      const page = await j.newPage();
      await page.goto(`${j.url}/sign-in`);
      await h.useLanguage(page, j.lang);
      await h.expectHeading(page, t('sign-in-title'));
      await j.check(page, 'sign in');

      await page.getByLabel(t('field-email'), { exact: true }).fill('educator@columbus.example.org');
      await page.getByLabel(t('field-password'), { exact: true }).fill(h.PASSWORD);
      await page.getByRole('main').getByRole('button', { name: t('sign-in-button') }).click();
      await h.expectFlash(page, h.either('flash-signed-in')); // in the account's language
      await h.useLanguage(page, j.lang);
      await j.check(page, 'home, educator');

      await page.getByRole('main').getByRole('link', { name: 'Lincoln Elementary', exact: true }).click();
      await h.expectHeading(page, 'Lincoln Elementary');
      await j.check(page, 'school');
      const district = page.getByRole('navigation', { name: t('breadcrumbs-label') })
        .getByRole('link', { name: 'Columbus City Schools', exact: true });
      const adminUrl = `${j.url}${await district.getAttribute('href')}/admin`;

      const response = await page.goto(adminUrl); // typed or pasted into the address bar
      assert.equal(response.status(), 403);
      await h.expectHeading(page, t('error-403-title'));
      await j.check(page, 'district admin: refused');

      await page.getByRole('main').getByRole('link', { name: t('error-go-home') }).click();
      await page.getByRole('main').getByRole('link', { name: 'Lincoln Elementary', exact: true }).waitFor();
      await h.settle(page);
      assert.equal(new URL(page.url()).pathname, '/');

      await (await h.openMenu(page, t)).getByRole('button', { name: t('nav-sign-out') }).click();
      await h.expectFlash(page, t('flash-signed-out'));
      await j.check(page, 'signed out');
    }));
}
