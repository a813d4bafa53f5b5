'use strict';
// The practice library, from a practice shared to its evidence tier: an
// educator finds the library from the home page, shares a classroom
// practice (the form first refused with its errors named), saves and
// submits it; a curator, told in their notifications, reviews it and
// publishes it; a colleague finds it by searching and follows it; two
// others try it and report back — one with a comparison-group study (its
// form first refused too), one without an outcome measured; the practice
// shows the proposed tier, and its evidence page the proposal and its
// reasons; the curator finds it among the tiers to confirm and confirms
// it; the follower was told of both reports, the author of the tier.
// In English and Spanish with JavaScript, and in English without it, each
// with its own practice and people. Without JavaScript the practice is
// written in Spanish and read in English: the library shows it once asked
// to show Spanish practices too, and its pages mark its words as Spanish
// and their own as English.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const PEOPLE = {
  ana: { email: 'educator@columbus.example.org', name: 'Ana Rivera' },
  marcus: { email: 'facilitator@columbus.example.org', name: 'Marcus Lee' },
  priya: { email: 'author@lyceum.example.org', name: 'Priya Nair' },
  dolores: { email: 'moderator@atf.example.org', name: 'Dolores Chávez' },
  grace: { email: 'orgadmin@columbus.example.org', name: 'Grace Kim' },
  sam: { email: 'admin@lyceum.example.org', name: 'Sam Okafor' },
  jordan: { email: 'researcher@lyceum.example.org', name: 'Jordan Ellis' },
};

// Curators are programme admins and authors at or above the practice's
// organisation, never its author.
const VARIANTS = [
  { lang: 'en', js: true, author: PEOPLE.ana, curator: PEOPLE.priya, follower: PEOPLE.grace, comparison: PEOPLE.marcus, plain: PEOPLE.dolores },
  { lang: 'es', js: true, author: PEOPLE.marcus, curator: PEOPLE.sam, follower: PEOPLE.ana, comparison: PEOPLE.grace, plain: PEOPLE.jordan },
  { lang: 'en', js: false, writes: 'es', author: PEOPLE.dolores, curator: PEOPLE.sam, follower: PEOPLE.priya, comparison: PEOPLE.ana, plain: PEOPLE.marcus },
];

const WORDS = {
  en: {
    title: (v) => `Feedback conferences with an AI first reader (${v})`,
    summary: 'Students get first-draft feedback from a school-approved AI tool, then bring one question about it to a two-minute conference with the teacher.',
    goal: 'Students revise their essays using feedback they questioned, not just accepted.',
    tools: 'MagicSchool (district account)',
    steps: '1. Model one exchange with the tool on the board.\n2. Students paste their draft and ask for two strengths and one next step.\n3. Each student brings one question about the feedback to a two-minute conference.',
    logic: 'Inputs: a school-approved tool and a feedback protocol. Activities: AI first reading, a short conference. Outcomes: more substantive revisions on the district writing rubric.',
    material: 'Conference question cards',
    happened: 'Students argued with the feedback more than I expected, which was the point. Two students needed help wording their question.',
    plain: 'It ran well in two periods; the conferences took longer than two minutes at first.',
    measure: 'district writing rubric, 4 traits',
    search: 'conferences',
  },
  es: {
    title: (v) => `Conferencias de retroalimentación con la IA como primera lectora (${v})`,
    summary: 'El alumnado recibe una primera retroalimentación de una herramienta de IA aprobada por la escuela y trae una pregunta sobre ella a una conferencia de dos minutos con el docente.',
    goal: 'El alumnado revisa sus textos con retroalimentación que cuestionó, no solo aceptó.',
    tools: 'MagicSchool (cuenta del distrito)',
    steps: '1. Modele un intercambio con la herramienta en la pizarra.\n2. Cada estudiante pega su borrador y pide dos fortalezas y un próximo paso.\n3. Cada estudiante trae una pregunta sobre la retroalimentación a una conferencia de dos minutos.',
    logic: 'Insumos: una herramienta aprobada y un protocolo de retroalimentación. Actividades: primera lectura con IA y una conferencia breve. Resultados: revisiones más sustanciales según la rúbrica de escritura del distrito.',
    material: 'Tarjetas de preguntas para la conferencia',
    happened: 'El alumnado discutió la retroalimentación más de lo que esperaba, que era la idea. Dos estudiantes necesitaron ayuda para formular su pregunta.',
    plain: 'Funcionó bien en dos clases; al principio las conferencias duraron más de dos minutos.',
    measure: 'rúbrica de escritura del distrito, 4 rasgos',
    search: 'conferencias',
  },
};

let suite;
before(async () => { suite = await h.openSuite('library'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a practice shared, reviewed, tried, rated and followed [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('practice to evidence tier', variant, async (j, t) => {
      // The practice in its author's language; the reports in their writers' (the page's).
      const writes = variant.writes || j.lang;
      const w = WORDS[writes];
      const r = WORDS[j.lang];
      const effect = j.lang === 'es' ? '0,31' : '0.31';
      const title = w.title(j.variant);

      // The author finds the library from the home page and shares a practice.
      const author = await j.newPage();
      await h.signIn(author, j, t, variant.author.email);
      await author.goto(`${j.url}/`);
      await author.getByRole('main').getByRole('link', { name: t('home-library-link'), exact: true }).click();
      await h.expectHeading(author, t('library-browse-title'));
      await j.check(author, 'library');
      await author.getByRole('main').getByRole('link', { name: t('practice-new-link'), exact: true }).click();
      await h.expectHeading(author, t('practice-new-title'));
      await j.check(author, 'share a practice, empty');

      // First with only a title: the form names every field missing.
      const form = author.getByRole('main').locator('form').first();
      const practiceTitle = form.getByLabel(t('practice-field-title'), { exact: true }).first();
      await practiceTitle.fill(title);
      await form.getByRole('button', { name: t('practice-save'), exact: true }).click();
      const errors = author.getByRole('alert');
      await errors.waitFor();
      const summary = await errors.innerText();
      for (const [code, field] of [['required', 'summary'], ['required', 'goal'], ['choose-at-least-one', 'subjects'], ['required', 'steps']]) {
        assert.ok(summary.includes(t.fieldError(code, field)), `${t.fieldError(code, field)} not in: ${summary}`);
      }
      assert.equal(await practiceTitle.inputValue(), title, 'the title is kept');
      await j.check(author, 'share a practice, errors');

      await form.getByLabel(t('practice-field-language'), { exact: true }).selectOption(writes);
      await form.getByLabel(t('practice-field-summary'), { exact: true }).fill(w.summary);
      await form.getByLabel(t('practice-field-goal'), { exact: true }).fill(w.goal);
      await form.getByRole('group', { name: t('practice-field-subjects'), exact: true }).getByLabel(t('subject-ela'), { exact: true }).check();
      await form.getByRole('group', { name: t('practice-field-grade-bands'), exact: true }).getByLabel(t('grade-band-6-8'), { exact: true }).check();
      await form.locator('details > summary', { hasText: t('practice-field-competencies') }).click();
      const competency = form.getByRole('group', { name: t('practice-field-competencies'), exact: true }).getByRole('checkbox').first();
      await competency.check();
      const competencyName = (await form.locator(`label[for="${await competency.getAttribute('id')}"]`).innerText()).trim();
      await form.getByLabel(t('practice-field-tools'), { exact: true }).fill(w.tools);
      await form.getByLabel(t('practice-field-steps'), { exact: true }).fill(w.steps);
      await form.getByLabel(t('practice-field-minutes'), { exact: true }).fill('35');
      const material = form.getByRole('group', { name: t('practice-material-n', { n: 1 }), exact: true });
      await material.getByLabel(t('practice-material-title'), { exact: true }).fill(w.material);
      await material.getByLabel(t('practice-material-url'), { exact: true }).fill('https://writing.example.org/conference-cards');
      await form.getByLabel(t('practice-field-logic-model'), { exact: true }).fill(w.logic);
      await form.getByRole('button', { name: t('practice-save'), exact: true }).click();
      await h.expectFlash(author, t('flash-practice-saved'));
      await h.expectHeading(author, t('practice-edit-title'));
      await author.getByText(t('practice-draft-line', { status: t('practice-draft-status-draft') }), { exact: true }).waitFor();
      await j.check(author, 'draft saved');
      const editUrl = author.url();
      await author.getByRole('button', { name: t('practice-submit'), exact: true }).click();
      await h.expectFlash(author, t('flash-practice-submitted'));
      await h.expectHeading(author, t('practice-mine-title'));
      // Taken back before any curator decides: a draft again, then sent again.
      await author.goto(editUrl);
      await h.expectHeading(author, t('practice-edit-title'));
      await author.getByRole('button', { name: t('practice-withdraw'), exact: true }).click();
      await h.expectFlash(author, t('flash-practice-withdrawn'));
      await author.getByText(t('practice-draft-line', { status: t('practice-draft-status-draft') }), { exact: true }).waitFor();
      await j.check(author, 'taken back from review');
      await author.getByRole('button', { name: t('practice-submit'), exact: true }).click();
      await h.expectFlash(author, t('flash-practice-submitted'));
      await h.expectHeading(author, t('practice-mine-title'));
      const mine = author.getByRole('main').getByRole('listitem').filter({ has: author.getByRole('heading', { name: title }) });
      await mine.getByText(t('practice-draft-status-submitted')).waitFor();
      await j.check(author, 'my practices, waiting for review');

      // A curator is told, reviews the draft and publishes it.
      const curator = await j.newPage();
      await h.signIn(curator, j, t, variant.curator.email);
      await curator.goto(`${j.url}/notifications`);
      // (Sent twice, told twice: the newest first.)
      await curator.getByRole('main').getByRole('link', { name: t('notification-practice-waiting', { name: variant.author.name, topic: title }), exact: true }).first().click();
      await h.expectHeading(curator, title);
      await curator.getByRole('main').getByText(w.goal, { exact: true }).waitFor();
      // Competencies by name, in the curator's language.
      await curator.getByRole('main').getByText(competencyName, { exact: true }).waitFor();
      await expectMarked(curator, t, writes, j.lang, 'practice-review-draft');
      await j.check(curator, 'review a practice');
      await curator.getByRole('button', { name: t('practice-review-publish'), exact: true }).click();
      await h.expectFlash(curator, t('flash-practice-published'));
      await h.expectHeading(curator, t('practice-queue-title'));
      assert.equal(await curator.getByRole('main').getByRole('link', { name: title, exact: true }).count(), 0, 'published: no longer waiting');
      await j.check(curator, 'review queue, after publishing');

      // A colleague finds it by searching the library, and follows it.
      const follower = await j.newPage();
      await h.signIn(follower, j, t, variant.follower.email);
      await follower.goto(`${j.url}/`);
      await follower.getByRole('main').getByRole('link', { name: t('home-library-link'), exact: true }).click();
      await h.expectHeading(follower, t('library-browse-title'));
      await follower.getByRole('search').getByLabel(t('library-browse-search'), { exact: true }).fill(w.search);
      // (The list is swapped in place: wait for the new one, not the list before.)
      await h.replaced(follower, () => follower.getByRole('search').getByRole('button', { name: t('library-browse-button'), exact: true }).click(), '#practice-list');
      const found = follower.getByRole('main').getByRole('link', { name: title, exact: true });
      if (writes !== j.lang) {
        // The library shows the reader's language first; in another, when asked.
        await follower.getByText(t('library-browse-no-match'), { exact: true }).waitFor();
        await h.settle(follower);
        await follower.getByRole('main').getByRole('link', { name: t('library-browse-show-too', { language: t(`lang-${writes}`) }), exact: true }).click();
        assert.equal(await found.getAttribute('lang'), writes, "the card's title is marked with its language");
      }
      await found.waitFor();
      await j.check(follower, 'library, searched');
      await found.click();
      await h.expectHeading(follower, title);
      await expectMarked(follower, t, writes, j.lang, 'practice-field-steps');
      const practiceUrl = follower.url();
      await j.check(follower, 'a practice, not tried yet');
      await follower.getByRole('button', { name: t('practice-follow'), exact: true }).click();
      await h.expectFlash(follower, t('flash-practice-followed'));
      await follower.getByText(t('practice-following'), { exact: true }).waitFor();

      // One colleague reports a comparison-group study.
      const tried = await j.newPage();
      await h.signIn(tried, j, t, variant.comparison.email);
      await tried.goto(practiceUrl);
      await h.expectHeading(tried, title);
      await tried.getByRole('main').getByRole('link', { name: t('practice-try-link'), exact: true }).click();
      await h.expectHeading(tried, t('trials-form-title'));
      await j.check(tried, 'report a trial, empty');
      const report = tried.getByRole('main').locator('form').first();
      await report.getByLabel(t('trials-subject'), { exact: true }).selectOption({ index: 1 });
      await report.getByLabel(t('trials-grade-band'), { exact: true }).selectOption({ index: 1 });
      await report.getByLabel(t('trials-students'), { exact: true }).fill('26');
      await report.getByLabel(t('trials-periods'), { exact: true }).fill('4');
      await report.getByRole('group', { name: t('trials-fidelity'), exact: true }).getByLabel(t('fidelity-as_written'), { exact: true }).check();
      await report.getByLabel(t('trials-happened'), { exact: true }).fill(r.happened);
      await report.getByRole('group', { name: t('trials-use-again'), exact: true }).getByLabel(t('trials-yes'), { exact: true }).check();
      await report.getByRole('group', { name: t('trials-design'), exact: true }).getByLabel(t('design-comparison'), { exact: true }).check();
      await report.getByLabel(t('trials-sample-size'), { exact: true }).fill('380');
      await report.getByLabel(t('trials-sites'), { exact: true }).fill('2');
      await report.getByLabel(t('trials-measure'), { exact: true }).fill(r.measure);
      await report.getByLabel(t('trials-effect-direction'), { exact: true }).selectOption({ label: t('effect-direction-positive') });
      await report.getByLabel(t('trials-effect-size'), { exact: true }).fill(effect);
      await report.getByRole('group', { name: t('trials-significant-legend'), exact: true }).getByLabel(t('trials-yes'), { exact: true }).check();
      // The comparison group's size left out: refused, the field named, the rest kept.
      await report.getByRole('button', { name: t('trials-send'), exact: true }).click();
      const refused = await tried.getByRole('alert').innerText();
      assert.ok(refused.includes(t.fieldError('required', 'comparison_size')), refused);
      assert.equal(await report.getByLabel(t('trials-sample-size'), { exact: true }).inputValue(), '380');
      await j.check(tried, 'report a trial, an error');
      await report.getByLabel(t('trials-comparison-size'), { exact: true }).fill('180');
      await report.getByRole('button', { name: t('trials-send'), exact: true }).click();
      await h.expectFlash(tried, t('flash-trial-filed'));
      await h.expectHeading(tried, t('trials-list-title'));
      const filed = tried.getByRole('main').getByRole('article').filter({ has: tried.getByRole('heading', { name: new RegExp(`^${variant.comparison.name}`) }) });
      // The study in a sentence, its effect size written the page's way.
      const study = await filed.innerText();
      assert.ok(study.includes(t('design-comparison')) && study.includes(r.measure) && study.includes(`${effect})`), study);
      await j.check(tried, 'trial reports, one');

      // Another reports a classroom trial with no outcome measured.
      const other = await j.newPage();
      await h.signIn(other, j, t, variant.plain.email);
      await other.goto(`${practiceUrl}/trials/new`);
      await h.expectHeading(other, t('trials-form-title'));
      const second = other.getByRole('main').locator('form').first();
      await second.getByLabel(t('trials-subject'), { exact: true }).selectOption({ index: 1 });
      await second.getByLabel(t('trials-grade-band'), { exact: true }).selectOption({ index: 1 });
      await second.getByLabel(t('trials-students'), { exact: true }).fill('22');
      await second.getByLabel(t('trials-periods'), { exact: true }).fill('2');
      await second.getByRole('group', { name: t('trials-fidelity'), exact: true }).getByLabel(t('fidelity-adapted'), { exact: true }).check();
      await second.getByLabel(t('trials-happened'), { exact: true }).fill(r.plain);
      await second.getByRole('group', { name: t('trials-use-again'), exact: true }).getByLabel(t('trials-yes'), { exact: true }).check();
      assert.ok(await second.getByRole('group', { name: t('trials-design'), exact: true }).getByLabel(t('design-none'), { exact: true }).isChecked(),
        'no outcome measured is the default');
      await second.getByRole('button', { name: t('trials-send'), exact: true }).click();
      await h.expectFlash(other, t('flash-trial-filed'));
      await h.expectHeading(other, t('trials-list-title'));

      // The practice shows the proposed tier; its evidence page, the proposal and why.
      const proposed = t('tier-badge-proposed', { tier: t('essa-tier-2') });
      await other.goto(practiceUrl);
      await h.expectHeading(other, title);
      const badge = other.getByRole('main').getByRole('link', { name: proposed, exact: true });
      await badge.waitFor();
      await other.getByRole('region', { name: t('trials-heading') }).getByText(r.plain).waitFor();
      await j.check(other, 'a practice, tried twice');
      await badge.click();
      await h.expectHeading(other, t('tier-evidence-title'));
      await expectProposal(other, t, effect);
      assert.equal(await other.getByRole('radio').count(), 0, 'only curators decide');
      assert.equal(await other.getByRole('navigation', { name: t('breadcrumbs-label') }).getByRole('link', { name: title, exact: true }).getAttribute('lang'),
        writes, "the practice's title is marked with its language");
      await j.check(other, 'evidence, proposed');

      // The curator finds it among the tiers to confirm, and confirms it.
      await curator.goto(`${j.url}/practices`);
      await h.expectHeading(curator, t('library-browse-title'));
      await curator.getByRole('main').getByRole('link', { name: t('tier-queue-title'), exact: true }).click();
      await h.expectHeading(curator, t('tier-queue-title'));
      await j.check(curator, 'tiers to confirm');
      await curator.getByRole('main').getByRole('link', { name: title, exact: true }).click();
      await h.expectHeading(curator, t('tier-evidence-title'));
      await expectProposal(curator, t, effect);
      const decision = curator.getByRole('group', { name: t('tier-decision-legend'), exact: true });
      const confirm = decision.getByLabel(t('tier-decision-confirm', { tier: t('essa-tier-2') }), { exact: true });
      assert.ok(await confirm.isChecked(), 'confirming the proposal is the default');
      await j.check(curator, 'evidence, to decide');
      await curator.getByRole('button', { name: t('tier-decide-submit'), exact: true }).click();
      await h.expectFlash(curator, t('flash-tier-decided'));
      const confirmed = curator.getByRole('region', { name: t('tier-confirmed-heading'), exact: true });
      await confirmed.getByText(t('essa-tier-2')).first().waitFor();
      await confirmed.getByText(new RegExp(escape(t('tier-decided-by', { name: variant.curator.name, when: '\u0000' }).split('\u0000')[0]))).waitFor();
      await curator.getByText(t('tier-proposal-agrees'), { exact: true }).waitFor();
      await j.check(curator, 'evidence, confirmed');
      await curator.goto(`${j.url}/practices/evidence-queue`);
      assert.equal(await curator.getByRole('main').getByRole('link', { name: title, exact: true }).count(), 0, 'confirmed: no longer waiting');

      // The follower was told of both reports; the practice shows the tier confirmed.
      await follower.goto(`${j.url}/notifications`);
      await h.expectHeading(follower, t('notifications-title'));
      for (const who of [variant.comparison, variant.plain]) {
        await follower.getByRole('main').getByRole('link', { name: t('notification-trial-reported', { name: who.name, topic: title }), exact: true }).waitFor();
      }
      await j.check(follower, 'notifications, trials reported');
      await follower.getByRole('main').getByRole('link', { name: t('notification-trial-reported', { name: variant.comparison.name, topic: title }), exact: true }).click();
      await h.expectHeading(follower, t('trials-list-title'));
      await follower.goto(practiceUrl);
      await h.expectHeading(follower, title);
      await follower.getByRole('main').getByRole('link', { name: t('essa-tier-2'), exact: true }).waitFor();
      await j.check(follower, 'a practice, tier confirmed');

      // The author was told it was published and its tier decided.
      await author.goto(`${j.url}/notifications`);
      await h.expectHeading(author, t('notifications-title'));
      await author.getByRole('main').getByRole('link', { name: t('notification-practice-published', { name: variant.curator.name, topic: title }), exact: true }).waitFor();
      await author.getByRole('main').getByRole('link', { name: t('notification-tier-decided', { name: variant.curator.name, topic: title }), exact: true }).waitFor();
      await j.check(author, 'notifications, published and rated');
    }));
}

function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The evidence page's proposal: tier 2, supported by the comparison-group study, short of tier 1 for want of a randomised one. */
async function expectProposal(page, t, effect) {
  const proposal = page.getByRole('region', { name: t('tier-proposal-heading'), exact: true });
  await proposal.getByText(t('tier-proposed', { tier: t('essa-tier-2') }), { exact: true }).waitFor();
  const reasons = await proposal.getByRole('listitem').allInnerTexts();
  const supports = t('tier-reason-supports', { study: '\u0000' }).split('\u0000')[0];
  assert.ok(reasons.some((r) => r.startsWith(supports) && r.includes(t('design-comparison')) && r.includes(effect)),
    `no reason naming the comparison-group study: ${reasons.join(' | ')}`);
  assert.ok(reasons.includes(t('tier-reason-no_randomised_study')), `no reason for tier 1: ${reasons.join(' | ')}`);
}

/**
 * The practice's own words are marked with its language, the page's words
 * with the page's (WCAG 3.1.2): its title (the h1), and a heading of the
 * page's own (`heading`), each with the language of its nearest `lang`.
 */
async function expectMarked(page, t, writes, lang, heading) {
  const langOf = (el) => el.closest('[lang]').getAttribute('lang');
  assert.equal(await page.getByRole('heading', { level: 1 }).evaluate(langOf), writes, "the practice's title is marked with its language");
  assert.equal(await page.getByRole('main').getByRole('heading', { name: t(heading), exact: true }).evaluate(langOf), lang,
    `the heading "${t(heading)}" is marked with the page's language`);
}
