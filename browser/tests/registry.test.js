'use strict';
// The AI tool registry: an educator finds the registry from the home page,
// opens a tool and reviews it on the rubric (the form first refused with
// its errors named); the tool's spread table counts the review. Columbus
// City Schools' admin sets the tool approved for the district; an educator
// at Lincoln Elementary, a school of the district, sees it approved by
// Columbus City Schools, on the tool's page and in the list. In English and
// Spanish with JavaScript, and in English without it, each with its own
// tool and reviewer (the demo's statuses differ per tool: none for the
// first two, "under review" for the third, which the district now
// approves).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const ANA = 'educator@columbus.example.org';
const GRACE = 'orgadmin@columbus.example.org';

const VARIANTS = [
  { lang: 'en', js: true, tool: 'ReadAloud Leveler', reviewer: 'author@lyceum.example.org' },
  { lang: 'es', js: true, tool: 'OpenChat Assistant', reviewer: 'researcher@lyceum.example.org' },
  { lang: 'en', js: false, tool: 'QuillMate Writing Coach', reviewer: 'admin@lyceum.example.org' },
];

const CRITERIA = [
  'data_collected', 'retention_deletion', 'model_training', 'privacy_agreement', 'age_and_terms',
  'bias', 'transparency', 'accessibility', 'cost_and_equity',
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The first part of a message, up to where `arg` goes.
function before_(t, key, args, arg) {
  return t(key, { ...args, [arg]: '\u0000' }).split('\u0000')[0];
}

let suite;
before(async () => { suite = await h.openSuite('registry'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a tool reviewed, approved by a district and seen approved at its school [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('tool reviewed and approved', variant, async (j, t) => {
      // The reviewer finds the registry and the tool.
      const reviewer = await j.newPage();
      await h.signIn(reviewer, j, t, variant.reviewer);
      await reviewer.goto(`${j.url}/`);
      await reviewer.getByRole('main').getByRole('link', { name: t('tools-home-link'), exact: true }).click();
      await h.expectHeading(reviewer, t('tools-title'));
      await j.check(reviewer, 'registry');
      await reviewer.getByRole('main').getByRole('link', { name: variant.tool, exact: true }).click();
      await h.expectHeading(reviewer, variant.tool);
      await j.check(reviewer, 'a tool');
      await reviewer.getByRole('main').getByRole('link', { name: t('tools-review-add'), exact: true }).click();
      await h.expectHeading(reviewer, t('tools-review-title'));
      await j.check(reviewer, 'review form');

      // Sent with one criterion rated: the rest are named.
      const form = reviewer.getByRole('main').locator('form').first();
      const rate = async (criterion, rating) => form
        .getByRole('group', { name: t(`tool-criterion-${criterion}`) })
        .getByLabel(t(`tool-rating-${rating}`), { exact: true })
        .check();
      await rate('data_collected', 'meets');
      await form.getByRole('button', { name: t('tools-review-send'), exact: true }).click();
      const errors = reviewer.getByRole('alert');
      await errors.waitFor();
      await j.check(reviewer, 'review form, errors');
      assert.ok((await errors.innerText()).length > 0);

      // Then whole: "does not meet" for bias, with a comment.
      for (const c of CRITERIA) {
        await rate(c, c === 'bias' ? 'does_not_meet' : c === 'cost_and_equity' ? 'dont_know' : 'meets');
      }
      await form.getByLabel(t('tools-review-comment', { criterion: t('tool-criterion-bias') }), { exact: true })
        .fill(variant.lang === 'es' ? 'Sus ejemplos mostraban un solo tipo de familia.' : 'Its examples showed only one kind of family.');
      await form.getByRole('button', { name: t('tools-review-send'), exact: true }).click();
      await h.expectHeading(reviewer, variant.tool);
      const biasRow = reviewer.getByRole('row', { name: new RegExp(`^${escape(t('tool-criterion-bias'))}`) });
      await biasRow.waitFor();
      // Its "does not meet" cell (the first rating column) counts the review.
      assert.ok(Number((await biasRow.getByRole('cell').first().innerText()).trim()) >= 1);
      await j.check(reviewer, 'a tool, reviewed');

      // The district's admin approves it for the district.
      const admin = await j.newPage();
      await h.signIn(admin, j, t, GRACE);
      await admin.goto(reviewer.url());
      await admin.getByRole('main').getByRole('link', { name: t('tools-status-set-link'), exact: true }).click();
      await h.expectHeading(admin, t('tools-status-form-title'));
      await j.check(admin, 'status form');
      const statusForm = admin.getByRole('main').locator('form.form');
      await statusForm.getByLabel(t('tools-field-org'), { exact: true }).selectOption({ label: 'Columbus City Schools' });
      await statusForm.getByRole('group', { name: t('tools-field-status') }).getByLabel(t('tool-status-approved'), { exact: true }).check();
      await statusForm.getByLabel(t('tools-field-note'), { exact: true }).fill('Approved after the technology committee read the reviews.');
      await statusForm.getByRole('button', { name: t('tools-status-save'), exact: true }).click();
      await h.expectHeading(admin, variant.tool);

      // An educator at a school of the district sees where it comes from.
      const educator = await j.newPage();
      await h.signIn(educator, j, t, ANA);
      await educator.goto(reviewer.url());
      const source = before_(t, 'tools-source-approved', { org: 'Columbus City Schools' }, 'date');
      await educator.getByRole('region', { name: t('tools-status-title') }).getByText(source).waitFor();
      await j.check(educator, 'a tool, approved above');
      await educator.goto(`${j.url}/tools`);
      const row = educator.getByRole('row', { name: new RegExp(escape(variant.tool)) });
      assert.ok((await row.innerText()).includes(source), await row.innerText());
    }));
}

// Withdrawing one's review: Ana (and, for the fourth, Columbus's
// facilitator) takes back a review the demo holds, asked first on a page of
// its own; the tool's review count goes down by one and the page says so.
// In English and Spanish, with JavaScript and without, each on its own
// tool so the counts are the journey's own.
const WITHDRAWALS = [
  { lang: 'en', js: true, tool: 'QuillMate Writing Coach', reviewer: ANA },
  { lang: 'es', js: true, tool: 'LessonSpark Planner', reviewer: ANA },
  { lang: 'en', js: false, tool: 'OpenChat Assistant', reviewer: ANA },
  { lang: 'es', js: false, tool: 'Socratic Math Tutor', reviewer: 'facilitator@columbus.example.org' },
];

// The number of reviews the tool's ratings section states ("3 reviews";
// none: "No reviews yet").
async function reviewCount(page, t) {
  const text = await page.getByRole('region', { name: t('tools-ratings-title') }).locator('p').first().innerText();
  const n = /\d+/.exec(text);
  return n ? Number(n[0]) : 0;
}

for (const variant of WITHDRAWALS) {
  test(`one's own review withdrawn, asked first [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('review withdrawn', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, variant.reviewer);
      await page.goto(`${j.url}/tools`);
      await page.getByRole('main').getByRole('link', { name: variant.tool, exact: true }).click();
      await h.expectHeading(page, variant.tool);
      const before = await reviewCount(page, t);
      assert.ok(before >= 1, `${variant.tool} has ${before} reviews`);
      const main = page.getByRole('main');
      await main.getByRole('link', { name: t('tools-reviews-csv'), exact: true }).waitFor();

      await main.getByRole('link', { name: t('tools-review-withdraw'), exact: true }).click();
      await h.expectHeading(page, t('tools-review-withdraw-title'));
      await j.check(page, 'withdraw a review, asked');
      // "Keep my review" goes back with nothing changed.
      await main.getByRole('link', { name: t('tools-review-withdraw-keep'), exact: true }).click();
      await h.expectHeading(page, variant.tool);
      assert.equal(await reviewCount(page, t), before);

      await main.getByRole('link', { name: t('tools-review-withdraw'), exact: true }).click();
      await h.expectHeading(page, t('tools-review-withdraw-title'));
      await main.getByRole('button', { name: t('tools-review-withdraw'), exact: true }).click();
      await h.expectHeading(page, variant.tool);
      await h.expectFlash(page, t('flash-tool-review-withdrawn'));
      await j.check(page, 'a review withdrawn');
      assert.equal(await reviewCount(page, t), before - 1);
      await main.getByRole('link', { name: t('tools-review-add'), exact: true }).waitFor();
      assert.equal(await main.getByRole('link', { name: t('tools-review-withdraw'), exact: true }).count(), 0);
    }));
}
