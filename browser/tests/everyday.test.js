'use strict';
// A phone, 390 px wide: the header is one line (brand, unread count, Menu,
// language); the Menu disclosure opens without JavaScript and leads to the
// everyday places and the account; the footer leads to help, the privacy
// notice and the accessibility statement. In English and Spanish, with and
// without JavaScript.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const PHONE = { width: 390, height: 800 };
const VARIANTS = [
  { lang: 'en', js: false, account: 'educator@columbus.example.org' },
  { lang: 'es', js: false, account: 'facilitator@columbus.example.org' },
  { lang: 'en', js: true, account: 'orgadmin@columbus.example.org' },
];

let suite;
before(async () => { suite = await h.openSuite('everyday'); });
after(async () => { await suite?.close(); });

/** The header's height against one line of it: its tallest control, plus its padding. */
async function headerLines(page) {
  return page.evaluate(() => {
    const row = document.querySelector('.header-row');
    const kids = [...row.children].filter((el) => el.getClientRects().length > 0);
    const tops = new Set(kids.map((el) => Math.round(el.getBoundingClientRect().top / 10)));
    return { height: row.getBoundingClientRect().height, rows: tops.size };
  });
}

for (const variant of VARIANTS) {
  test(`a phone reaches everyday places and the account through the menu [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('phone menu', variant, async (j, t) => {
      const page = await j.newPage();
      await page.setViewportSize(PHONE);
      await h.signIn(page, j, t, variant.account);
      await page.setViewportSize(PHONE);

      const nav = page.getByRole('navigation', { name: t('nav-label') });
      const lines = await headerLines(page);
      j.expect(lines.rows === 1 && lines.height <= 64, `the header is one line at 390 px: ${JSON.stringify(lines)}`);
      // The count is a link with words for screen readers.
      const count = nav.getByRole('link', { name: new RegExp(`^${t('notifications-title')},`) });
      assert.equal(await count.count(), 1, 'the notifications link, named with its count');
      // Closed, the menu hides its links; wide-screen places are not shown on a phone.
      assert.equal(await nav.getByRole('link', { name: t('nav-courses'), exact: true }).count(), 0);
      await j.check(page, 'home on a phone');

      // Open, the menu is checked like a page (axe sees its links and its contrast).
      const menu = await h.openMenu(page, t);
      for (const key of ['nav-courses', 'nav-learning', 'nav-community', 'nav-transcript', 'nav-orgs', 'nav-profile', 'nav-account']) {
        assert.equal(await menu.getByRole('link', { name: t(key), exact: true }).count(), 1, `${t(key)} in the open menu`);
      }
      await j.check(page, 'menu open on a phone', { budget: false });
      await menu.getByRole('link', { name: t('nav-courses'), exact: true }).click();
      await h.expectHeading(page, t('courses-title'));
      // The filters wait behind one control.
      const filter = page.getByRole('main').locator('details.filters-more > summary');
      assert.ok(await filter.isVisible(), 'one Filter control on a phone');
      assert.equal(await page.getByLabel(t('people-subject'), { exact: true }).isVisible(), false, 'filters closed');
      await j.check(page, 'catalogue on a phone');
      await filter.click();
      assert.ok(await page.getByLabel(t('people-subject'), { exact: true }).isVisible(), 'Filter opens them');

      await (await h.openMenu(page, t)).getByRole('link', { name: t('nav-transcript'), exact: true }).click();
      await h.expectHeading(page, t('transcript-title'));
      await j.check(page, 'transcript on a phone');

      await (await h.openMenu(page, t)).getByRole('link', { name: t('nav-profile'), exact: true }).click();
      await h.expectHeading(page, t('profile-title'));
      await j.check(page, 'profile on a phone');

      await page.getByRole('contentinfo').getByRole('link', { name: t('footer-accessibility'), exact: true }).click();
      await h.expectHeading(page, t('a11y-title'));
      await j.check(page, 'accessibility statement');
      await page.getByRole('contentinfo').getByRole('link', { name: t('footer-privacy'), exact: true }).click();
      await h.expectHeading(page, t('privacy-title'));
      await j.check(page, 'privacy notice');
      await page.getByRole('contentinfo').getByRole('link', { name: t('footer-help'), exact: true }).click();
      await h.expectHeading(page, t('help-title'));
      await j.check(page, 'help');

      await (await h.openMenu(page, t)).getByRole('button', { name: t('nav-sign-out'), exact: true }).click();
      await h.expectFlash(page, t('flash-signed-out'));
      const out = await headerLines(page);
      j.expect(out.rows === 1 && out.height <= 64, `signed out, the header is one line at 390 px: ${JSON.stringify(out)}`);
      await j.check(page, 'signed out on a phone');
    }));
}
