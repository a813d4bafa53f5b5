'use strict';
// The challenge radar: an educator finds the radar from the home page and
// reports a challenge anonymously (the form first refused with its errors
// named); the district's admin finds it in the triage queue as
// "Anonymous", never with the reporter's name, triages it and addresses it
// with a resource from the library; the reporter is told in their
// notifications and sees what answered it; the programme admin's radar
// lists it among the newest addressed, and an educator's radar shows its
// small counts as "<10". In English and Spanish with JavaScript, and in
// English without it.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const ANA = { email: 'educator@columbus.example.org', name: 'Ana Rivera' };
const GRACE = 'orgadmin@columbus.example.org';
const SAM = 'admin@lyceum.example.org';
const RESOURCE = 'Is the chatbot right? A 45-minute fact-checking lesson';

const VARIANTS = [
  { lang: 'en', js: true, happened: 'A chatbot told my class that Ohio has two capitals, with a made-up source (en).' },
  { lang: 'es', js: true, happened: 'Un chatbot le dijo a mi clase que Ohio tiene dos capitales, con una fuente inventada (es).' },
  { lang: 'en', js: false, happened: 'A chatbot told my class that Ohio has two capitals, with a made-up source (no JavaScript).' },
];

let suite;
before(async () => { suite = await h.openSuite('radar'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a challenge reported anonymously, addressed with a resource and told to its reporter [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('challenge reported and addressed', variant, async (j, t) => {
      // The reporter finds the radar and reports, first with nothing chosen.
      const reporter = await j.newPage();
      await h.signIn(reporter, j, t, ANA.email);
      await reporter.goto(`${j.url}/`);
      await reporter.getByRole('main').getByRole('link', { name: t('radar-home-link'), exact: true }).click();
      await h.expectHeading(reporter, t('radar-title'));
      await j.check(reporter, 'radar, an educator');
      await reporter.getByRole('main').getByRole('link', { name: t('challenge-new-title'), exact: true }).click();
      await h.expectHeading(reporter, t('challenge-new-title'));
      const form = reporter.getByRole('main').locator('form').first();
      await form.getByRole('button', { name: t('challenge-send'), exact: true }).click();
      await reporter.getByRole('alert').waitFor();
      await j.check(reporter, 'report form, errors');

      await form.getByLabel(t('challenge-field-category'), { exact: true }).selectOption('wrong-answers');
      await form.getByRole('group', { name: t('challenge-field-severity') }).getByRole('radio').nth(1).check();
      await form.getByLabel(t('challenge-field-subject'), { exact: true }).selectOption('social-studies');
      await form.getByLabel(t('challenge-field-grade-band'), { exact: true }).selectOption('3-5');
      await form.getByLabel(t('challenge-field-happened'), { exact: true }).fill(variant.happened);
      await form.getByLabel(t('challenge-field-anonymous'), { exact: true }).check();
      await form.getByRole('button', { name: t('challenge-send'), exact: true }).click();
      await reporter.getByRole('heading', { name: t('challenge-filed-title'), exact: true }).waitFor();
      await j.check(reporter, 'report filed');
      const id = Number(new URL(reporter.url()).pathname.split('/').pop());
      assert.ok(id > 0, reporter.url());

      // The district's admin: the resource's number, then the queue.
      const admin = await j.newPage();
      await h.signIn(admin, j, t, GRACE);
      await admin.goto(`${j.url}/resources?language=any`);
      const resourceHref = await admin.getByRole('link', { name: RESOURCE, exact: true }).first().getAttribute('href');
      const resourceId = resourceHref.split('/').pop();
      await admin.goto(`${j.url}/challenges/triage`);
      await h.expectHeading(admin, t('challenge-queue-title'));
      await j.check(admin, 'triage queue');
      await admin.getByRole('link', { name: t('challenge-title-n', { n: String(id) }), exact: true }).click();
      const main = admin.getByRole('main');
      await main.getByText(variant.happened).waitFor();
      assert.ok(!(await main.innerText()).includes(ANA.name), 'the reporter is not named to an org admin');
      await main.getByText(t('challenge-anonymous'), { exact: true }).first().waitFor();
      await j.check(admin, 'a report, anonymous');

      const triage = main.locator(`form[action="/challenges/${id}/triage"]`);
      await triage.getByLabel(t('challenge-col-status'), { exact: true }).selectOption('triaged');
      await triage.getByRole('button', { name: t('challenge-triage-save'), exact: true }).click();
      // The confirmation, not the report's text, proves the next page is
      // the one after the save (the text is on both).
      await h.expectFlash(admin, t('flash-challenge-triaged'));
      const again = admin.getByRole('main').locator(`form[action="/challenges/${id}/triage"]`);
      await again.getByLabel(t('challenge-col-status'), { exact: true }).selectOption('addressed');
      await again.getByRole('group', { name: t('challenge-field-answer') }).getByLabel(t('challenge-answer-resource'), { exact: true }).check();
      await again.getByLabel(t('challenge-field-answer-id'), { exact: true }).fill(resourceId);
      await again.getByRole('button', { name: t('challenge-triage-save'), exact: true }).click();
      await admin.getByRole('main').getByRole('link', { name: RESOURCE, exact: true }).waitFor();
      await h.expectFlash(admin, t('flash-challenge-triaged'));
      await j.check(admin, 'a report, addressed');

      // The reporter is told, and sees what answered it.
      await reporter.goto(`${j.url}/notifications`);
      await reporter.getByRole('main').getByText(t('notification-challenge-addressed', { topic: '\u0000' }).split('\u0000')[0]).first().waitFor();
      await reporter.goto(`${j.url}/challenges/${id}`);
      await reporter.getByRole('main').getByRole('link', { name: RESOURCE, exact: true }).waitFor();
      await j.check(reporter, 'my report, addressed');

      // The programme's radar lists it among the newest addressed; an
      // educator's shows its small counts as "<10".
      const staff = await j.newPage();
      await h.signIn(staff, j, t, SAM);
      await staff.goto(`${j.url}/radar`);
      await staff.getByRole('heading', { name: t('radar-addressed'), exact: true }).waitFor();
      await staff.getByRole('main').getByRole('link', { name: RESOURCE, exact: true }).first().waitFor();
      await j.check(staff, 'radar, the programme team');
      await reporter.goto(`${j.url}/radar`);
      await reporter.getByRole('main').getByText('<10').first().waitFor();
    }));
}
