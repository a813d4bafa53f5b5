'use strict';
// A task returned and resubmitted, with each person told each time: a
// teacher hands in a practice task; the person who may review it finds it
// in their notifications and sends it back with a comment; the teacher is
// told, sees "sent back" in the course's contents, finds the form filled
// with what they handed in, corrects it and hands it in again; the
// reviewer is told again and sees the earlier review beside the new
// hand-in, and accepts it; the teacher is told. In English and Spanish,
// with and without JavaScript. Each variant is another demo account, so
// each starts from scratch.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const COURSE = {
  en: { slug: 'what-is-generative-ai', title: 'What generative AI is, and where it fails', key: 'confident-and-wrong', lesson: 'Confident and wrong' },
  es: { slug: 'que-es-la-ia-generativa', title: 'Qué es la IA generativa y dónde falla', key: 'seguro-y-equivocado', lesson: 'Seguro y equivocado' },
};
const FIRST = {
  en: '1. When did the Erie Canal open? The tool said 1821.',
  es: '1. ¿Cuándo se abrió el canal de Erie? La herramienta dijo 1821.',
};
const MORE = { en: ' Our textbook (p. 212) says 1825.', es: ' El libro (p. 212) dice 1825.' };
const COMMENT = { en: 'Name the source you checked it against.', es: 'Diga con qué fuente lo comprobó.' };
// The nearest who may review the learner's work are told: the facilitator
// over their school; for that facilitator, the district's admin; for the
// author (at the programme and at Columbus), Columbus's facilitator.
const VARIANTS = [
  { lang: 'en', js: true, learner: 'educator@columbus.example.org', name: 'Ana Rivera', reviewer: 'facilitator@columbus.example.org', by: 'Marcus Lee' },
  { lang: 'es', js: true, learner: 'facilitator@columbus.example.org', name: 'Marcus Lee', reviewer: 'orgadmin@columbus.example.org', by: 'Grace Kim' },
  { lang: 'en', js: false, learner: 'author@lyceum.example.org', name: 'Priya Nair', reviewer: 'facilitator@columbus.example.org', by: 'Marcus Lee' },
];

let suite;
before(async () => { suite = await h.openSuite('notifications'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a task returned and resubmitted, each person told each time [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('task returned and resubmitted', variant, async (j, t) => {
      const c = COURSE[j.lang];
      const subject = `${c.title} · ${c.lesson}`;
      const lessonUrl = `${j.url}/courses/${c.slug}/lessons/${c.key}`;

      // The teacher enrols and hands the task in.
      const learner = await j.newPage();
      await h.signIn(learner, j, t, variant.learner);
      await learner.goto(`${j.url}/courses/${c.slug}`);
      await h.expectHeading(learner, c.title);
      await learner.getByRole('button', { name: t('course-enrol'), exact: true }).click();
      await h.expectFlash(learner, t('flash-enrolled'));
      await learner.goto(lessonUrl);
      const task = learner.getByRole('region', { name: t('task-title') });
      await task.getByLabel(t('task-text'), { exact: true }).fill(FIRST[j.lang]);
      await task.getByRole('button', { name: t('task-hand-in'), exact: true }).click();
      await h.expectFlash(learner, t('flash-task-submitted'));

      // The reviewer is told (the worker tells them: wait for it).
      const reviewer = await j.newPage();
      await h.signIn(reviewer, j, t, variant.reviewer);
      const waiting = t('notification-hand-in-waiting', { name: variant.name, topic: subject });
      await untilListed(reviewer, j, t, waiting);
      await j.check(reviewer, 'notifications, a hand-in waiting');
      await reviewer.getByRole('main').getByRole('link', { name: waiting, exact: true }).first().click();
      await h.expectHeading(reviewer, t('review-title'));
      const card = reviewer.getByRole('region', { name: new RegExp(`${variant.name}: ${c.lesson}`) });
      await card.getByText(FIRST[j.lang]).waitFor();
      await card.getByLabel(t('review-comment'), { exact: true }).fill(COMMENT[j.lang]);
      await card.getByRole('button', { name: t('review-return'), exact: true }).click();
      await h.expectFlash(reviewer, t('flash-task-reviewed'));

      // The teacher is told, and the course says it was sent back.
      const returned = t('notification-task-returned', { name: variant.by, topic: subject });
      await untilListed(learner, j, t, returned);
      await j.check(learner, 'notifications, task sent back');
      await learner.goto(`${j.url}/courses/${c.slug}`);
      await learner.getByRole('main').getByText(t('lesson-task-returned-tag'), { exact: true }).waitFor();
      await j.check(learner, 'course contents, task sent back');
      await learner.goto(`${j.url}/notifications`);
      await learner.getByRole('main').getByRole('link', { name: returned, exact: true }).click();
      await learner.getByText(COMMENT[j.lang]).waitFor();
      // The form starts with what they handed in.
      const again = learner.getByRole('region', { name: t('task-title') });
      const box = again.getByLabel(t('task-text'), { exact: true });
      assert.equal(await box.inputValue(), FIRST[j.lang]);
      await j.check(learner, 'lesson, task sent back');
      await box.fill(FIRST[j.lang] + MORE[j.lang]);
      await again.getByRole('button', { name: t('task-hand-in'), exact: true }).click();
      await h.expectFlash(learner, t('flash-task-submitted'));

      // The reviewer is told again and sees the history beside the new work.
      await untilListed(reviewer, j, t, waiting, 2);
      await reviewer.goto(`${j.url}/review`);
      const second = reviewer.getByRole('region', { name: new RegExp(`${variant.name}: ${c.lesson}`) });
      await second.getByText(FIRST[j.lang] + MORE[j.lang]).waitFor();
      await second.getByRole('heading', { name: new RegExp(t('review-earlier')) }).waitFor();
      await second.getByText(COMMENT[j.lang], { exact: false }).waitFor();
      await j.check(reviewer, 'review queue, with the earlier review');
      for (const tick of await second.getByRole('checkbox').all()) await tick.check();
      await second.getByRole('button', { name: t('review-accept'), exact: true }).click();
      await h.expectFlash(reviewer, t('flash-task-reviewed'));

      // The teacher is told it was accepted.
      await untilListed(learner, j, t, t('notification-task-accepted', { name: variant.by, topic: subject }));
      await j.check(learner, 'notifications, task accepted');
    }));
}

/** Opens /notifications until `text` is listed `times` times (the worker tells reviewers a moment later). */
async function untilListed(page, j, t, text, times = 1) {
  for (let tries = 0; ; tries += 1) {
    await page.goto(`${j.url}/notifications`);
    await h.expectHeading(page, t('notifications-title'));
    const n = await page.getByRole('main').getByRole('link', { name: text, exact: true }).count();
    if (n >= times) return;
    assert.ok(tries < 40, `"${text}" not listed ${times} times on /notifications`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
