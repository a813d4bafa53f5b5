'use strict';
// A teacher finds a course in the catalogue and reads it lesson by lesson —
// the English course in English, the Spanish one in Spanish — with and
// without JavaScript.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [
  { lang: 'en', js: true, title: 'What generative AI is, and where it fails', lessons: 4 },
  { lang: 'es', js: true, title: 'Qué es la IA generativa y dónde falla', lessons: 4 },
  { lang: 'en', js: false, title: 'What generative AI is, and where it fails', lessons: 4 },
];

let suite;
before(async () => { suite = await h.openSuite('learning'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a teacher reads a course from the catalogue [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('read a course', variant, async (j, t) => {
      const page = await j.newPage();
      await page.goto(`${j.url}/`);
      await h.useLanguage(page, j.lang);
      await page.getByRole('main').getByRole('link', { name: t('home-courses-link') }).click();
      await h.expectHeading(page, t('courses-title'));
      await j.check(page, 'catalogue');

      await page.getByRole('main').getByRole('link', { name: variant.title, exact: true }).click();
      await h.expectHeading(page, variant.title);
      const facts = await page.locator('.summary-list').innerText();
      assert.ok(facts.includes(t('course-hours', { hours: j.lang === 'es' ? '1,5' : '1.5' })), facts);
      await j.check(page, 'course');

      await page.getByRole('link', { name: t('course-start') }).click();
      for (let n = 1; n <= variant.lessons; n += 1) {
        await page.locator('.lesson-body').waitFor();
        if (n === 1 || n === variant.lessons) await j.check(page, `lesson ${n}`);
        const pager = page.getByRole('navigation', { name: t('lesson-pager') });
        if (n < variant.lessons) {
          await pager.getByRole('link', { name: new RegExp(`^${t('lesson-next')}:`) }).click();
        } else {
          await pager.getByRole('link', { name: t('lesson-back-to-course') }).click();
        }
      }
      await h.expectHeading(page, variant.title);
    }));
}
