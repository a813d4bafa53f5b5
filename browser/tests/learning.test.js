'use strict';
// A teacher finds a course in the catalogue, enrols, finishes every lesson
// (a quiz failed then passed, a practice task handed in, a reflection
// written); a facilitator of their organisation accepts the task, which
// completes the course; the teacher opens the certificate and the PD
// transcript — the English course in English, the Spanish one in Spanish —
// with and without JavaScript; and finds their district's own course,
// which says who offers it and is not there for visitors. Each variant is
// another demo account, so each starts from scratch.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const EN = 'What generative AI is, and where it fails';
// The demo's course of Columbus City Schools (not the programme's).
const LOCAL = 'columbus-ai-in-our-classrooms';
// The right answers to the quiz of the third lesson, by the text of each option.
const ANSWERS = {
  en: ['Look each one up before using it', 'Facts and dates', 'Quotations'],
  es: ['Buscar cada una antes de usarla', 'Hechos y fechas', 'Citas textuales'],
};
const WRONG = { en: 'Use them: the model has read many papers', es: 'Usarlas: el modelo leyó muchos artículos' };
// The lesson with the quiz and the practice task.
const TASK_LESSON = { en: 'Confident and wrong', es: 'Seguro y equivocado' };
const HANDED_IN = {
  en: '1. When did the Erie Canal open? The tool said 1821; our textbook says 1825, so it was wrong.',
  es: '1. ¿Cuándo se abrió el canal de Erie? La herramienta dijo 1821; el libro dice 1825: se equivocó.',
};
// Each learner's work is reviewed by someone who facilitates or administers where they belong.
const VARIANTS = [
  { lang: 'en', js: true, title: EN, lessons: 4, account: 'educator@columbus.example.org', reviewer: 'facilitator@columbus.example.org' },
  { lang: 'es', js: true, title: 'Qué es la IA generativa y dónde falla', lessons: 4, account: 'facilitator@columbus.example.org', reviewer: 'orgadmin@columbus.example.org' },
  { lang: 'en', js: false, title: EN, lessons: 4, account: 'author@lyceum.example.org', reviewer: 'admin@lyceum.example.org' },
];

let suite;
before(async () => { suite = await h.openSuite('learning'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a teacher enrols in a course and finishes it [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('follow a course', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, variant.account);

      await page.getByRole('main').getByRole('link', { name: t('home-courses-link') }).click();
      await h.expectHeading(page, t('courses-title'));
      await j.check(page, 'catalogue');
      // Found by words from its lessons, then by a facet.
      const search = page.getByRole('search');
      await search.getByLabel(t('catalogue-search'), { exact: true }).fill(j.lang === 'es' ? 'alucinaciones' : 'hallucinations');
      await search.getByRole('button', { name: t('people-search-button'), exact: true }).click();
      // The results page has arrived (with htmx, after its swap) before they are counted.
      await page.waitForURL(/[?&]q=[a-z]/);
      await h.settle(page);
      await page.getByRole('main').getByRole('link', { name: variant.title, exact: true }).waitFor();
      assert.equal(await page.locator('.cards > li').count(), 1, 'only the course that speaks of it');
      await j.check(page, 'catalogue, searched');
      await search.getByLabel(t('catalogue-search'), { exact: true }).fill('');
      // (Each language's option says how many courses it finds: chosen by value.)
      await search.getByLabel(t('course-language'), { exact: true }).selectOption(j.lang);
      await search.getByRole('button', { name: t('people-search-button'), exact: true }).click();
      await page.waitForURL(new RegExp(`[?&]language=${j.lang}`));
      await h.settle(page);
      await page.getByRole('main').getByRole('link', { name: variant.title, exact: true }).waitFor();
      await j.check(page, 'catalogue, by language');
      await page.getByRole('main').getByRole('link', { name: variant.title, exact: true }).click();
      await h.expectHeading(page, variant.title);
      const courseUrl = page.url();
      const facts = await page.locator('.summary-list').innerText();
      assert.ok(facts.includes(t('course-hours', { hours: j.lang === 'es' ? '1,5' : '1.5' })), facts);
      await j.check(page, 'course, not enrolled');

      await page.getByRole('button', { name: t('course-enrol'), exact: true }).click();
      await h.expectFlash(page, t('flash-enrolled'));
      for (let n = 1; n <= variant.lessons; n += 1) {
        await page.locator('article .lesson-body').waitFor();
        if (n === 1) await j.check(page, 'first lesson');
        if (n === 3) {
          // This lesson ends with a quiz: a wrong answer first, then the right ones.
          const quiz = page.getByRole('region', { name: t('quiz-title') });
          await quiz.getByLabel(WRONG[j.lang], { exact: true }).check();
          await quiz.getByLabel(ANSWERS[j.lang][1], { exact: true }).check();
          await quiz.getByRole('button', { name: t('quiz-check'), exact: true }).click();
          await h.expectFlash(page, t('flash-quiz-failed'));
          // The page lands on the result: by focus with JavaScript, by the address's fragment without.
          if (j.js) {
            await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'quiz-result');
          } else {
            assert.match(page.url(), /#quiz-result$/);
          }
          assert.match(await page.locator('.flash').getAttribute('class'), /flash-notice/, 'not passed yet is no success');
          await j.check(page, 'quiz, not passed');
          for (const answer of ANSWERS[j.lang]) await quiz.getByLabel(answer, { exact: true }).check();
          await quiz.getByRole('button', { name: t('quiz-check'), exact: true }).click();
          await h.expectFlash(page, t('flash-quiz-passed'));
          await j.check(page, 'quiz, passed');
          // …and a practice task, handed in for a facilitator's review.
          const task = page.getByRole('region', { name: t('task-title') });
          await task.getByLabel(t('task-text'), { exact: true }).fill(HANDED_IN[j.lang]);
          await task.getByRole('button', { name: t('task-hand-in'), exact: true }).click();
          await h.expectFlash(page, t('flash-task-submitted'));
          await page.getByRole('region', { name: t('task-title') }).getByText(t('submission-status-submitted')).waitFor();
          await j.check(page, 'task handed in');
          await h.replaced(page, () => page.getByRole('navigation', { name: t('lesson-pager') }).getByRole('link', { name: new RegExp(`^${t('lesson-next')}:`) }).click());
          continue;
        }
        if (n === variant.lessons) {
          // The last lesson asks for a reflection, kept private.
          const reflection = page.getByRole('region', { name: t('reflection-title') });
          await reflection.getByRole('textbox').fill(j.lang === 'es' ? 'Pediré fuentes antes de usar un dato.' : 'I will ask for sources before using a fact.');
          await reflection.getByRole('button', { name: t('reflection-save'), exact: true }).click();
          await h.expectFlash(page, t('flash-reflection-saved'));
          await j.check(page, 'reflection saved');
          continue;
        }
        // (The lesson before left the same confirmation: wait for the next page.)
        await h.replaced(page, () => page.getByRole('button', { name: t('lesson-finish'), exact: true }).click());
        await h.expectFlash(page, t('flash-lesson-finished'));
      }

      // A facilitator accepts the task against its rubric: the course completes.
      const reviewer = await j.newPage();
      await h.signIn(reviewer, j, t, variant.reviewer);
      await reviewer.getByRole('main').getByRole('link', { name: t('home-review-link'), exact: true }).click();
      await h.expectHeading(reviewer, t('review-title'));
      const card = reviewer.getByRole('region', { name: new RegExp(TASK_LESSON[j.lang]) }).first();
      await card.getByText(HANDED_IN[j.lang]).waitFor();
      await j.check(reviewer, 'review queue');
      await card.getByRole('button', { name: t('review-accept'), exact: true }).click();
      await reviewer.locator('.error-summary', { hasText: t('error-rubric-unmet') }).waitFor();
      await j.check(reviewer, 'review queue, a criterion unticked');
      const again = reviewer.getByRole('region', { name: new RegExp(TASK_LESSON[j.lang]) }).first();
      for (const box of await again.getByRole('checkbox').all()) await box.check();
      await again.getByRole('button', { name: t('review-accept'), exact: true }).click();
      await h.expectFlash(reviewer, t('flash-task-reviewed'));
      await j.check(reviewer, 'task accepted');

      await page.goto(courseUrl);
      await h.expectHeading(page, variant.title);
      const panel = await page.locator('.panel').innerText();
      assert.ok(panel.includes(t('course-completed')), panel);
      await j.check(page, 'course completed');

      // The certificate, as anyone checking it sees it.
      await page.getByRole('link', { name: t('course-certificate') }).click();
      await h.expectHeading(page, t('certificate-title'));
      const status = await page.locator('.panel[role=status]').innerText();
      assert.ok(status.includes(t('certificate-valid')), status);
      await j.check(page, 'certificate');

      // The hours on the transcript.
      await page.goto(`${j.url}/transcript`);
      await h.expectHeading(page, t('transcript-title'));
      // The course's row (its certificate's link beside the title).
      await page.getByRole('cell', { name: new RegExp(`^${variant.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().waitFor();
      await j.check(page, 'transcript');

      // Columbus's own course, there for Columbus's people (each account
      // here belongs to Columbus or writes for it), says who offers it.
      await page.goto(`${j.url}/courses/${LOCAL}`);
      await page.getByText(t('course-offered-by', { org: 'Columbus City Schools' }), { exact: true }).waitFor();
      await j.check(page, 'a local course');
      // A visitor does not find it: for them it does not exist.
      const visitor = await j.newPage();
      const missing = await visitor.goto(`${j.url}/courses/${LOCAL}`);
      assert.equal(missing.status(), 404);
    }));
}
