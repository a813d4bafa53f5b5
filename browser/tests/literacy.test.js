'use strict';
// An educator opens their AI-literacy picture (chart, table, what next; the
// chart's text at least 12 px on a phone),
// assesses themselves on each aspect and sees the picture change — in
// English and Spanish, with and without JavaScript.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [
  { lang: 'en', js: true, account: 'educator@columbus.example.org' },
  { lang: 'es', js: true, account: 'facilitator@columbus.example.org' },
  { lang: 'en', js: false, account: 'orgadmin@columbus.example.org' },
];

let suite;
before(async () => { suite = await h.openSuite('literacy'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`an educator sees where they stand and assesses themselves [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('AI literacy', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, variant.account);
      await page.getByRole('main').getByRole('link', { name: t('home-literacy-link'), exact: true }).click();
      await h.expectHeading(page, t('literacy-title'));
      // The chart has a text alternative; the table says the same.
      const chart = page.getByRole('img', { name: t('literacy-chart-title') });
      await chart.waitFor();
      const table = page.getByRole('table', { name: t('literacy-table-caption') });
      assert.equal(await table.getByRole('row').count(), 6, 'a header and five aspects');
      // Nothing assessed or completed: first-level courses come next.
      assert.ok(await page.getByRole('region', { name: t('literacy-next') }).getByRole('link').count() > 0);
      // On a phone the chart's words stay at least 12 px (its user units scaled to the screen).
      await page.setViewportSize({ width: 390, height: 800 });
      const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('.chart svg text')]
        .map((el) => parseFloat(getComputedStyle(el).fontSize) * el.ownerSVGElement.getScreenCTM().a)));
      await page.setViewportSize({ width: 1280, height: 800 });
      j.expect(smallest >= 12, `the chart's smallest text is ${smallest.toFixed(1)} px at 390 px wide`);
      await j.check(page, 'picture, not assessed');

      const form = page.getByRole('region', { name: t('literacy-assess') });
      const first = form.getByRole('group').first();
      await first.getByRole('radio').nth(2).check(); // the second level
      await form.getByRole('button', { name: t('literacy-save'), exact: true }).click();
      await h.expectFlash(page, t('flash-self-assessment-saved'));
      const row = await table.getByRole('row').nth(1).innerText();
      assert.ok(row.includes(j.lang === 'es' ? 'Profundizar' : 'Deepen'), row);
      await j.check(page, 'picture, assessed');
    }));
}
