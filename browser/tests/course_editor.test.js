'use strict';
// An author writes a course on pages — a module, two lessons, one with a
// quiz whose text is previewed first —, moves a lesson up with a button,
// fills in the details and sends it for review; a programme admin
// publishes it and it is in the catalogue. In English and Spanish, with
// and without JavaScript; every page checked at 390 and 1280 px with axe.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const PROGRAMME = 'Lyceum Demo Programme';

const VARIANTS = [
  { lang: 'en', js: true },
  { lang: 'es', js: true },
  { lang: 'en', js: false },
  { lang: 'es', js: false },
];

let suite;
before(async () => { suite = await h.openSuite('course-editor'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  const label = `${variant.lang}${variant.js ? '' : ', without JavaScript'}`;
  test(`an author writes a two-lesson course with a quiz on pages and it is published after review [${label}]`, () =>
    suite.run('write on pages', variant, async (j, t) => {
      const title = `Feedback with AI (${j.variant})`;
      const page = await j.newPage();
      await h.signIn(page, j, t, 'author@lyceum.example.org');
      await page.goto(`${j.url}/authoring`);
      const start = page.getByRole('region', { name: t('editor-new'), exact: true });
      // Refused without a title, the field named.
      await start.getByRole('button', { name: t('editor-start'), exact: true }).click();
      await page.locator('.error-summary').getByText(t('error-required--new-title')).waitFor();
      await j.check(page, 'start refused');
      const form = page.getByRole('region', { name: t('editor-new'), exact: true });
      await form.getByLabel(t('editor-course-title'), { exact: true }).fill(title);
      await form.getByLabel(t('authoring-org'), { exact: true }).selectOption({ label: PROGRAMME });
      await form.getByRole('button', { name: t('editor-start'), exact: true }).click();
      await h.expectFlash(page, t('flash-draft-created'));
      await h.expectHeading(page, `${t('editor-title')}: ${title}`);
      await j.check(page, 'new course');

      await page.getByLabel(t('editor-new-module-title'), { exact: true }).fill('Basics');
      await page.getByRole('button', { name: t('editor-add-module'), exact: true }).click();
      await h.expectFlash(page, t('flash-draft-saved'));
      const module = page.getByRole('region', { name: `${t('editor-module-n', { n: 1 })}: Basics`, exact: true });

      // The first lesson: text previewed, then a quiz.
      await module.getByLabel(t('editor-new-lesson-title'), { exact: true }).fill('Checking drafts');
      await module.getByRole('button', { name: t('editor-add-lesson'), exact: true }).click();
      await h.expectHeading(page, `${t('editor-lesson-title')}: Checking drafts`);
      await page.getByLabel(t('editor-markdown'), { exact: true }).fill('## Read it\n\nCheck **every** line.');
      await page.getByRole('button', { name: t('editor-preview'), exact: true }).click();
      const preview = page.getByRole('region', { name: t('editor-preview-heading'), exact: true });
      await preview.locator('strong', { hasText: 'every' }).waitFor();
      assert.equal(await page.getByLabel(t('editor-markdown'), { exact: true }).inputValue(), '## Read it\n\nCheck **every** line.');
      await j.check(page, 'lesson preview');
      await page.getByRole('button', { name: t('editor-add-question'), exact: true }).click();
      await h.expectFlash(page, t('flash-draft-saved'));
      const question = page.getByRole('group', { name: t('editor-question-n', { n: 1 }), exact: true });
      // Saving an empty question names each field to fill.
      await page.getByRole('button', { name: t('editor-save-lesson'), exact: true }).click();
      const summary = page.locator('.error-summary');
      await summary.getByText(t('error-question-prompt', { n: 1 })).waitFor();
      await summary.getByText(t('error-question-one-right', { n: 1 })).waitFor();
      await j.check(page, 'quiz refused');
      await question.getByLabel(t('editor-question-prompt'), { exact: true }).fill('Is a fluent answer a checked one?');
      await question.getByLabel(t('editor-option-n', { n: 1 }), { exact: true }).fill('Yes');
      await question.getByLabel(t('editor-option-feedback', { n: 1 }), { exact: true }).fill('Fluency is not evidence.');
      await question.getByLabel(t('editor-option-n', { n: 2 }), { exact: true }).fill('No');
      await question.getByLabel(t('editor-option-correct', { n: 2 }), { exact: true }).check();
      await j.check(page, 'quiz written');
      await page.getByRole('button', { name: t('editor-save-lesson'), exact: true }).click();
      await h.expectFlash(page, t('flash-lesson-saved'));

      // The second lesson, with a reflection.
      const basics = page.getByRole('region', { name: `${t('editor-module-n', { n: 1 })}: Basics`, exact: true });
      await basics.getByLabel(t('editor-new-lesson-title'), { exact: true }).fill('Giving feedback');
      await basics.getByRole('button', { name: t('editor-add-lesson'), exact: true }).click();
      await h.expectHeading(page, `${t('editor-lesson-title')}: Giving feedback`);
      await page.getByLabel(t('editor-markdown'), { exact: true }).fill('Say what works first.');
      await page.getByLabel(t('editor-reflection'), { exact: true }).fill('What will you say first?');
      await page.getByRole('button', { name: t('editor-save-lesson'), exact: true }).click();
      await h.expectFlash(page, t('flash-lesson-saved'));

      // Reordered by a button, no dragging.
      // (Chromium reads the hidden part of the name as its own block: "Move up : …".)
      await page.getByRole('button', { name: new RegExp(`^${t('editor-move-up')}\\s*: Giving feedback$`) }).click();
      await h.expectFlash(page, t('flash-draft-saved'));
      const order = await page.locator('.editor-lessons > li > a').allInnerTexts();
      assert.deepEqual(order, ['Giving feedback', 'Checking drafts']);
      await j.check(page, 'reordered');

      // The details the catalogue needs.
      const details = page.getByRole('region', { name: t('editor-details'), exact: true });
      await details.getByLabel(t('editor-course-summary'), { exact: true }).fill('Draft feedback with AI, then check every line.');
      await details.getByLabel(t('editor-course-licence'), { exact: true }).fill('CC BY 4.0');
      // (The reorder left the same confirmation on this page: wait for the next one.)
      await h.replaced(page, () => details.getByRole('button', { name: t('editor-save-details'), exact: true }).click());
      await h.expectFlash(page, t('flash-draft-saved'));

      // Sent for review from the draft's page, which has no problems left.
      await page.getByRole('link', { name: t('editor-to-draft'), exact: true }).first().click();
      await page.getByRole('region', { name: t('draft-preview'), exact: true }).waitFor();
      await j.check(page, 'draft written on pages');
      await page.getByRole('button', { name: t('draft-submit'), exact: true }).click();
      await h.expectFlash(page, t('flash-draft-submitted'));

      const reviewer = await j.newPage();
      await h.signIn(reviewer, j, t, 'admin@lyceum.example.org');
      await reviewer.goto(`${j.url}/authoring`);
      await reviewer.getByRole('region', { name: t('authoring-to-review') }).getByRole('link', { name: title, exact: true }).click();
      await reviewer.getByRole('button', { name: t('draft-publish'), exact: true }).click();
      await h.expectFlash(reviewer, t('flash-draft-published'));
      await reviewer.goto(`${j.url}/courses`);
      await reviewer.getByRole('link', { name: title, exact: true }).waitFor();
      await j.check(reviewer, 'in the catalogue');
    }));
}
