'use strict';
// An author (of the programme and of Columbus: the form asks which owns a new
// course) starts a draft from a programme course, sees its preview and whose
// it is, and sends it for review; a programme admin publishes it — in English
// and Spanish, with and without JavaScript.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const PROGRAMME = 'Lyceum Demo Programme';

const VARIANTS = [
  { lang: 'en', js: true },
  { lang: 'es', js: true },
  { lang: 'en', js: false },
];

let suite;
before(async () => { suite = await h.openSuite('authoring'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`an author drafts a course version and a reviewer publishes it [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('author and review', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, 'author@lyceum.example.org');
      await page.getByRole('main').getByRole('link', { name: t('home-authoring-link'), exact: true }).click();
      await h.expectHeading(page, t('authoring-title'));
      await j.check(page, 'authoring');
      const form = page.getByRole('region', { name: t('authoring-new') });
      // An author in two organisations chooses which owns a new course.
      const owners = await form.getByLabel(t('authoring-org'), { exact: true }).locator('option').allInnerTexts();
      assert.deepEqual(owners, [t('authoring-org-choose'), PROGRAMME, 'Columbus City Schools']);
      // A new version of the programme's course stays the programme's.
      await form.getByLabel(t('authoring-from'), { exact: true }).selectOption({ label: 'What generative AI is, and where it fails' });
      await form.getByRole('button', { name: t('authoring-create'), exact: true }).click();
      await h.expectFlash(page, t('flash-draft-created'));
      await page.getByRole('region', { name: t('draft-preview'), exact: true }).waitFor();
      await page.getByText(t('authoring-belongs-to', { org: PROGRAMME }), { exact: true }).waitFor();
      await j.check(page, 'draft');
      await page.getByRole('button', { name: t('draft-submit'), exact: true }).click();
      await h.expectFlash(page, t('flash-draft-submitted'));
      await j.check(page, 'draft sent for review');

      const reviewer = await j.newPage();
      await h.signIn(reviewer, j, t, 'admin@lyceum.example.org');
      await reviewer.goto(`${j.url}/authoring`);
      const waiting = reviewer.getByRole('region', { name: t('authoring-to-review') });
      assert.ok((await waiting.innerText()).includes(t('authoring-belongs-to', { org: PROGRAMME })));
      await waiting.getByRole('link').first().click();
      await reviewer.getByRole('region', { name: t('draft-review'), exact: true }).waitFor();
      await j.check(reviewer, 'draft to review');
      await reviewer.getByRole('button', { name: t('draft-publish'), exact: true }).click();
      await h.expectFlash(reviewer, t('flash-draft-published'));
      await j.check(reviewer, 'published');
    }));
}
