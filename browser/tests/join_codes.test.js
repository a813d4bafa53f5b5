'use strict';
// A district admin makes a join code — shown once, large enough to read out,
// with its default expiry and use limit — and someone types it loosely on a
// phone-sized page to join; the list then names the code only by its end.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [
  { lang: 'en', js: true, joiner: 'moderator@atf.example.org' },
  { lang: 'es', js: true, joiner: 'researcher@lyceum.example.org' },
  { lang: 'en', js: false, joiner: 'facilitator@columbus.example.org' },
];
const DISTRICT = 'Columbus City Schools';

let suite;
before(async () => { suite = await h.openSuite('join_codes'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`an admin makes a join code and someone joins with it [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('join code', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, 'orgadmin@columbus.example.org');
      await page.getByRole('main').getByRole('link', { name: DISTRICT, exact: true }).click();
      await h.expectHeading(page, DISTRICT);
      await page.getByRole('link', { name: t('org-manage') }).click();
      await h.expectHeading(page, t('org-admin-overview-title'));
      const tabs = page.getByRole('navigation', { name: t('org-admin-tabs-label') });
      await tabs.getByRole('link', { name: t('org-admin-joining-title') }).click();
      await h.expectHeading(page, t('org-admin-joining-title'));
      await j.check(page, 'joining');

      // Only the roles a code may carry; the defaults written in.
      const main = page.getByRole('main');
      const roles = await main.getByLabel(t('field-role'), { exact: true }).locator('option').allInnerTexts();
      assert.deepEqual(roles.sort(), [t('role-educator'), t('role-facilitator')].sort());
      assert.equal(await main.getByLabel(t('field-expires-days'), { exact: true }).inputValue(), '30');
      assert.equal(await main.getByLabel(t('field-max-uses'), { exact: true }).inputValue(), '200');
      await main.getByRole('button', { name: t('joining-code-create'), exact: true }).click();
      await page.getByRole('heading', { name: t('joining-code-made-title'), exact: true }).waitFor();
      const code = (await page.locator('.join-code code').innerText()).trim();
      assert.match(code, /^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      await j.check(page, 'join code made');

      // Typed in lower case without dashes, on a phone.
      const joiner = await j.newPage();
      await joiner.setViewportSize({ width: 320, height: 640 });
      await h.signIn(joiner, j, t, variant.joiner);
      await joiner.goto(`${j.url}/join`);
      await h.expectHeading(joiner, t('join-title'));
      await j.check(joiner, 'join form on a phone');
      await joiner.getByLabel(t('field-join-code'), { exact: true }).fill(code.toLowerCase().replace(/-/g, ' '));
      await joiner.getByRole('main').getByRole('button', { name: t('join-button'), exact: true }).click();
      await h.expectFlash(joiner, t('flash-joined'));

      // The list names the code by its end, never the whole code.
      await tabs.getByRole('link', { name: t('org-admin-joining-title') }).click();
      await h.expectHeading(page, t('org-admin-joining-title'));
      const listed = await page.getByRole('main').innerText();
      assert.ok(!listed.includes(code), 'the list does not show the code');
      assert.ok(listed.includes(`…${code.slice(-2)}`), `the list names it by its end:\n${listed}`);
      await j.check(page, 'joining, with a code');
    }));
}
