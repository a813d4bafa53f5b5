'use strict';
// One course in two languages: the catalogue shows one card, in the
// reader's language, that says it is also in the other; a teacher starts
// the course in English, finishes a lesson, switches to Español in the
// middle of the next one, and finds the finished lesson still counted —
// with and without JavaScript.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const EN = 'What generative AI is, and where it fails';
const ES = 'Qué es la IA generativa y dónde falla';
const VARIANTS = [
  { lang: 'en', js: true, account: 'educator@columbus.example.org' },
  { lang: 'en', js: false, account: 'facilitator@columbus.example.org' },
];

let suite;
before(async () => { suite = await h.openSuite('translations'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a teacher switches a course's language mid-way and keeps their progress [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('switch language mid-course', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, variant.account);

      await page.goto(`${j.url}/courses`);
      await h.expectHeading(page, t('courses-title'));
      const main = page.getByRole('main');
      // One card for the course, in English, that offers the Spanish one.
      await main.getByRole('link', { name: EN, exact: true }).waitFor();
      assert.equal(await main.getByRole('link', { name: ES, exact: true }).count(), 0, 'no second card in Spanish');
      const also = t('course-also-in', { language: 'Español' });
      assert.ok(await main.getByRole('link', { name: also, exact: true }).count() >= 1, 'the card says it is also in Español');
      await j.check(page, 'catalogue, one card per course');

      await main.getByRole('link', { name: EN, exact: true }).click();
      await h.expectHeading(page, EN);
      await page.getByRole('button', { name: t('course-enrol'), exact: true }).click();
      await h.expectFlash(page, t('flash-enrolled'));
      await page.locator('article .lesson-body').waitFor();
      await page.getByRole('button', { name: t('lesson-finish'), exact: true }).click();
      await h.expectFlash(page, t('flash-lesson-finished'));
      await h.expectHeading(page, 'Where the words come from');
      await j.check(page, 'second lesson, in English');

      // Mid-course, the same lesson in Spanish, keeping what was finished.
      await page.getByRole('button', { name: t('lesson-switch', { language: 'Español' }), exact: true }).click();
      await h.expectFlash(page, t('flash-switched-language'));
      await h.expectHeading(page, 'De dónde salen las palabras');
      assert.equal(await page.locator('article').getAttribute('lang'), 'es');
      await j.check(page, 'second lesson, in Spanish');

      await page.getByRole('navigation', { name: t('breadcrumbs-label') }).getByRole('link', { name: ES, exact: true }).click();
      await h.expectHeading(page, ES);
      const panel = await page.locator('.panel').innerText();
      assert.ok(panel.includes(t('course-progress', { done: '1', total: '4' })), panel);
      await j.check(page, 'course in Spanish, progress kept');
    }));
}
