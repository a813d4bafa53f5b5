'use strict';
// A new educator's first steps (issue 17, item 3): register, confirm the
// email, sign in, say at the welcome step which school and what one
// teaches, then find suggestions that match — the catalogue in one's own
// language, best match first (the other language one link away), and
// "What next" on the AI-literacy page — and My learning, still empty.
// English and Spanish, with and without JavaScript; every page is checked
// at 390 and 1280 px wide, with axe.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [
  { lang: 'en', js: true }, { lang: 'es', js: true },
  { lang: 'en', js: false }, { lang: 'es', js: false },
];
const label = ({ lang, js }) => `[${lang}${js ? '' : ', without JavaScript'}]`;

// The demo's course for young children: neither science nor grades 9–12,
// so it comes last for a science teacher of 9–12 — and is still there.
const YOUNG_CHILDREN = { en: 'ai-with-young-children', es: 'la-ia-con-ninos-pequenos' };

let suite;
before(async () => { suite = await h.openSuite('first_steps'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a new educator's first sign-in sets school and subjects, then sees matching suggestions in their language ${label(variant)}`, () =>
    suite.run('first steps', variant, async (j, t) => {
      const other = j.lang === 'en' ? 'es' : 'en';
      const name = `Rosa Díaz ${j.variant}`;
      const email = `rosa.${j.variant}@columbus.example.org`;
      const password = 'four everyday words together';
      const page = await j.newPage();

      await page.goto(`${j.url}/register`);
      await h.expectHeading(page, t('register-title'));
      await page.getByLabel(t('field-display-name'), { exact: true }).fill(name);
      await page.getByLabel(t('field-email'), { exact: true }).fill(email);
      await page.getByLabel(t('field-new-password'), { exact: true }).fill(password);
      await page.getByRole('radio', { name: t(`lang-${j.lang}`) }).check();
      await page.getByRole('button', { name: t('register-button') }).click();
      await h.expectFlash(page, t('flash-registered'));
      const mail = await h.waitForMail(suite.server, email, /\/verify-email\?token=/);
      await page.goto(mail.links.find((l) => l.includes('/verify-email?token=')));
      await h.expectFlash(page, t('flash-verified'));

      await page.getByLabel(t('field-email'), { exact: true }).fill(email);
      await page.getByLabel(t('field-password'), { exact: true }).fill(password);
      await page.getByRole('main').getByRole('button', { name: t('sign-in-button') }).click();
      await h.expectFlash(page, t('flash-signed-in'));

      // The welcome step: the school, and what one teaches.
      await h.expectHeading(page, t('welcome-title'));
      await j.check(page, 'welcome step');
      await page.getByLabel(t('welcome-school'), { exact: true }).selectOption({ label: 'Lincoln Elementary' });
      await page.getByLabel(t('subject-science'), { exact: true }).check();
      await page.getByLabel(t('grade-band-9-12'), { exact: true }).check();
      await page.getByRole('button', { name: t('welcome-save'), exact: true }).click();
      await h.expectHeading(page, t('home-welcome', { name }));
      await j.check(page, 'home after the welcome step');

      // The catalogue: courses in their language, best match first.
      await page.getByRole('navigation', { name: t('nav-label') })
        .getByRole('link', { name: t('nav-courses'), exact: true }).first().click();
      await h.expectHeading(page, t('courses-title'));
      await j.check(page, 'catalogue, best match for them');
      const main = page.getByRole('main');
      const langName = t(`lang-${j.lang}`);
      assert.ok((await main.innerText()).includes(t('catalogue-showing-language', { language: langName })),
        'the catalogue says which language it shows');
      assert.equal(await page.locator('#f-sort').inputValue(), 'for-you', '"Best match for you" is the order');
      assert.equal(await page.locator('#f-language').inputValue(), j.lang, 'their language is the filter');
      const cards = () => page.locator('li.card > a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const mine = await cards();
      assert.ok(mine.length >= 5, `the demo's courses are listed: ${mine}`);
      assert.equal(await page.locator('li.card[lang]').count(), 0, 'every card is in the reader\'s language');
      assert.equal(mine[mine.length - 1], `/courses/${YOUNG_CHILDREN[j.lang]}`,
        'the course for neither science nor grades 9–12 comes last, and is not left out');
      // Facets say how many courses each value finds.
      const subjects = await page.locator('#f-subject option').allInnerTexts();
      assert.ok(subjects.length > 1 && subjects.slice(1).every((s) => /\(\d+\)$/.test(s.trim())),
        `each subject offered has its count: ${subjects}`);

      // The other language is one link away, and back.
      await h.replaced(page, () => main.getByRole('link', { name: t('catalogue-show-too', { language: t(`lang-${other}`) }) }).click());
      await h.expectHeading(page, t('courses-title'));
      assert.ok(page.url().includes('language=any'), 'the choice is in the address');
      assert.ok((await main.innerText()).includes(t('catalogue-showing-every-language')));
      const both = await cards();
      // Every demo course but Columbus's own is in both languages: one card each.
      assert.equal(both.length, 7, `one card per course in every language: ${both}`);
      await j.check(page, 'catalogue in every language');
      await h.replaced(page, () => main.getByRole('link', { name: t('catalogue-show-only', { language: langName }) }).click());
      await h.expectHeading(page, t('courses-title'));
      assert.deepEqual(await cards(), mine, 'back to their language');

      // "What next" on their AI-literacy page: courses in their language.
      await page.goto(`${j.url}/literacy`);
      await h.expectHeading(page, t('literacy-title'));
      const next = page.locator('section[aria-labelledby="next-title"]');
      assert.ok((await next.innerText()).includes(t('literacy-next-intro')), 'what next knows their subjects');
      const suggested = next.locator('li.card a');
      assert.ok(await suggested.count() > 0, 'there are suggestions');
      assert.equal(await next.locator('li.card a[lang]').count(), 0, 'suggested in their language');
      await j.check(page, 'what next');

      // My learning: nothing started yet, and says how to start.
      await page.getByRole('navigation', { name: t('nav-label') })
        .getByRole('link', { name: t('nav-learning'), exact: true }).first().click();
      await h.expectHeading(page, t('learning-title'));
      await j.check(page, 'my learning');
    }));
}
