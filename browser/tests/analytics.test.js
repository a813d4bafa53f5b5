'use strict';
// Programme analytics (issue 21). The programme admin opens Analytics from
// the header's menu: the goal's chart and sentence; "Change the goal",
// first refused (a milestone below the year before's, named in the error
// summary, its link moving focus to the field), then saved (the new target
// in the goal's sentence); then drills down from the programme to Ohio to
// Columbus City Schools by the "Organisations below" links, and downloads
// the district's numbers as CSV. Columbus's org admin sees their district
// (never the programme), its counts suppressed ("<10"), and asking for an
// organisation above it is refused on the organisation field, the page
// falling back to their district. An educator gets the 403 page. In English
// and Spanish, with JavaScript and without.

const fs = require('node:fs');
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const SAM = 'admin@lyceum.example.org';
const GRACE = 'orgadmin@columbus.example.org';
const ANA = 'educator@columbus.example.org';
const PROGRAMME = 'Lyceum Demo Programme';
const STATE = 'Ohio';
const DISTRICT = 'Columbus City Schools';
const CSV_HEADER = 'section,dimension,label,school_year,count';

// Each variant saves its own goal, so the one it checks is never an
// earlier variant's. Milestones: `bad` has year 2 below year 1.
const VARIANTS = [
  { lang: 'en', js: true, target: 1000, ask: 'root' },
  { lang: 'es', js: true, target: 1200, ask: 'state' },
  { lang: 'en', js: false, target: 1400, ask: 'state' },
  { lang: 'es', js: false, target: 1600, ask: 'root' },
];
const label = (v) => `[${v.lang}${v.js ? '' : ', without JavaScript'}]`;

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The dashboard's heading for one organisation ("Analytics: Ohio"). */
const dashboard = (t, org) => `${t('analytics-title')}: ${org}`;

/** The part of a message after where `arg` goes. */
function after_(t, key, args, arg) {
  return t(key, { ...args, [arg]: '\u0000' }).split('\u0000')[1];
}

/** A section of the page (a <section aria-labelledby> is a region), by its heading. */
const section = (page, name) => page.getByRole('main').getByRole('region', { name, exact: true });

/** The goal's form filled in: target, first year, "reached" and milestones 1–10 (blank after the last). */
async function fillGoal(page, t, { target, firstYear, milestones }) {
  const form = page.getByRole('main').locator('form[action="/analytics/goal"]');
  await form.getByLabel(t('analytics-goal-target'), { exact: true }).fill(String(target));
  await form.getByLabel(t('analytics-goal-first-year'), { exact: true }).fill(String(firstYear));
  await form.getByLabel(t('analytics-goal-reached-by'), { exact: true }).selectOption('completed');
  const years = form.getByRole('group', { name: t('analytics-goal-milestones'), exact: true });
  for (let n = 1; n <= 10; n++) {
    await years.getByLabel(t('analytics-goal-year-n', { n }), { exact: true })
      .fill(n <= milestones.length ? String(milestones[n - 1]) : '');
  }
  return form;
}

/** The rates of a segment table's known groups (not "Not known"), as numbers; "—" as null. */
async function knownRates(page, t, dimension) {
  const table = section(page, t(`analytics-by-${dimension}`)).locator('table');
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => ({
    label: tr.querySelector('th').textContent.trim(),
    rate: tr.querySelector('td:last-child').textContent.trim(),
  })));
  return rows.filter((r) => r.label !== t(`analytics-${dimension}-unknown`))
    .map((r) => ({ ...r, value: /^[\d.]+/.test(r.rate) ? parseFloat(r.rate) : null }));
}

let suite;
before(async () => { suite = await h.openSuite('analytics'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a programme admin sets the goal and drills down to a district's CSV ${label(variant)}`, () =>
    suite.run('goal set and drilled down', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, SAM);
      const main = page.getByRole('main');

      // From the header's menu.
      const nav = await h.openMenu(page, t);
      await h.replaced(page, () => nav.getByRole('link', { name: t('nav-analytics'), exact: true }).click());
      await h.expectHeading(page, dashboard(t, PROGRAMME));
      assert.equal(new URL(page.url()).pathname, '/analytics');

      // The goal: a chart with its title, and its sentence.
      const goal = section(page, t('analytics-goal-title'));
      const chart = goal.locator('svg[role=img]');
      assert.equal(await chart.count(), 1, 'one chart for the goal');
      assert.equal((await chart.locator(':scope > title').textContent()).trim(), t('analytics-goal-title'));
      await goal.getByRole('img', { name: new RegExp(`^${escape(t('analytics-goal-title'))}`) }).waitFor();
      const sentence = new RegExp(escape(t('analytics-goal-sentence', { reached: '\u0000', target: '\u0001' }))
        .replace('\u0000', '\\S+').replace('\u0001', '\\d+'));
      assert.match(await goal.locator('figcaption').innerText(), sentence, 'the goal\'s sentence');
      await main.getByText(t('analytics-exact'), { exact: true }).waitFor();
      // The equity gap opens the page when the locales' rates differ, and only then.
      const rates = (await knownRates(page, t, 'locale')).map((r) => r.value).filter((v) => v !== null);
      const differ = new Set(rates).size > 1;
      j.expect((await page.locator('#gap-headline').count()) === (differ ? 1 : 0),
        `the gap headline ${differ ? 'is missing though' : 'is shown though not'} the locales' rates differ: ${JSON.stringify(rates)}`);
      await j.check(page, 'analytics, the programme');

      // "Change the goal": first a milestone below the year before's.
      await h.replaced(page, () => main.getByRole('link', { name: t('analytics-goal-change'), exact: true }).click());
      await h.expectHeading(page, t('analytics-goal-form-title'));
      await j.check(page, 'the goal');
      const { target } = variant;
      let form = await fillGoal(page, t, { target, firstYear: 2026, milestones: [500, 100, 600, 800, target] });
      await h.replaced(page, () => form.getByRole('button', { name: t('analytics-goal-save'), exact: true }).click());
      const summary = page.locator('.error-summary[role=alert]');
      await summary.getByRole('heading', { name: t('error-summary-title') }).waitFor();
      await h.settle(page);
      await h.expectHeading(page, t('analytics-goal-form-title'));
      assert.ok((await page.title()).startsWith(t('title-error-prefix')), `the title says there is an error: ${await page.title()}`);
      const message = t('error-milestone-below-previous', { previous: 500, year: 2 });
      const links = summary.getByRole('link');
      assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#f-milestones-2'],
        'one problem, on the second year\'s milestone');
      const link = summary.locator('a[href="#f-milestones-2"]');
      assert.equal((await link.innerText()).trim(), message,
        'the summary\'s message is the catalogue\'s (is the lyceum binary older than crates/domain/locales?)');
      const field = page.locator('#f-milestones-2');
      const fieldLabel = t('analytics-goal-year-n', { n: 2 });
      assert.equal((await page.locator('label[for="f-milestones-2"]').innerText()).trim(), fieldLabel);
      assert.equal(await field.getAttribute('aria-invalid'), 'true', 'the second year\'s milestone is marked invalid');
      assert.ok((await page.locator('#f-milestones-2-error').innerText()).includes(message), 'the message beside the field');
      assert.equal(await field.inputValue(), '100', 'the milestone typed is kept');
      assert.equal(await page.getByLabel(t('analytics-goal-target'), { exact: true }).inputValue(), String(target), 'the target is kept');
      const focused = () => page.evaluate(() => document.activeElement && (document.activeElement.id || document.activeElement.className));
      j.expect(await page.locator('.error-summary').evaluate((el) => el === document.activeElement),
        `the goal's form: after sending, focus should be on the error summary; it is on ${await focused()}`);
      await j.check(page, 'the goal, refused');
      // Read out of context (a list of links), the message must say which field it is about.
      j.expect(message.toLowerCase().includes(fieldLabel.toLowerCase()),
        `the goal's form: the error summary link "${message}" does not name its field "${fieldLabel}" (WCAG 3.3.1)`);
      await link.click();
      j.expect(await field.evaluate((el) => el === document.activeElement),
        `the goal's form: the summary link should move focus to #f-milestones-2; it is on ${await focused()}`);

      // Then a goal that holds: five years from 2026, ending at the target.
      const milestones = [100, 300, 500, 800, target];
      form = await fillGoal(page, t, { target, firstYear: 2026, milestones });
      await h.replaced(page, () => form.getByRole('button', { name: t('analytics-goal-save'), exact: true }).click());
      await h.expectFlash(page, t('flash-goal-saved'));
      await h.expectHeading(page, dashboard(t, PROGRAMME));
      assert.equal(new URL(page.url()).pathname, '/analytics');
      const said = await section(page, t('analytics-goal-title')).locator('figcaption').innerText();
      const tail = after_(t, 'analytics-goal-sentence', { target }, 'reached');
      assert.ok(said.includes(tail), `the goal's sentence names the new target: "${said}" should include "${tail}"`);
      const goalRows = await section(page, t('analytics-goal-title')).locator('table tbody tr')
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
      assert.deepEqual(goalRows.map((r) => r[1]), milestones.map(String), `the goal's table, a milestone a year: ${JSON.stringify(goalRows)}`);
      assert.match(goalRows[0][0], /^2026/, 'from the school year 2026 starts');
      await j.check(page, 'analytics, the goal saved');

      // Down to the state, then the district, by the table of organisations below.
      const below = () => section(page, t('analytics-below-title'));
      await h.replaced(page, () => below().getByRole('link', { name: STATE, exact: true }).click());
      await h.expectHeading(page, dashboard(t, STATE));
      assert.equal(await section(page, t('analytics-goal-title')).count(), 0, 'the goal is the programme\'s alone');
      await j.check(page, 'analytics, a state');
      const districtHref = await below().getByRole('link', { name: DISTRICT, exact: true }).getAttribute('href');
      const districtId = /^\/analytics\?org=(\d+)$/.exec(districtHref)?.[1];
      assert.ok(districtId, `the district's link: ${districtHref}`);
      await h.replaced(page, () => below().getByRole('link', { name: DISTRICT, exact: true }).click());
      await h.expectHeading(page, dashboard(t, DISTRICT));
      assert.equal(new URL(page.url()).search, `?org=${districtId}`);
      const trail = main.getByRole('navigation', { name: t('analytics-trail'), exact: true });
      await trail.getByRole('link', { name: PROGRAMME, exact: true }).waitFor();
      await trail.getByRole('link', { name: STATE, exact: true }).waitFor();
      await below().getByRole('link', { name: 'Lincoln Elementary', exact: true }).waitFor();
      await j.check(page, 'analytics, a district');

      // The district's numbers as CSV: the link downloads a file.
      const csvLink = main.getByRole('link', { name: t('analytics-csv-link'), exact: true });
      const csvHref = await csvLink.getAttribute('href');
      assert.equal(csvHref, `/analytics.csv?org=${districtId}`);
      const downloading = page.waitForEvent('download', { timeout: 10000 }).catch(() => null);
      await csvLink.click();
      const download = await downloading;
      if (j.expect(download, `the link "${t('analytics-csv-link')}" downloads no file; the page went to ${page.url().replace(j.url, '')}`
        + (j.js ? ' (htmx boosts it: the link needs hx-boost="false", as the other CSV links have)' : ''))) {
        assert.match(download.suggestedFilename(), /\.csv$/, download.suggestedFilename());
        const lines = fs.readFileSync(await download.path(), 'utf8').split(/\r?\n/);
        assert.equal(lines[0], CSV_HEADER, 'the downloaded CSV starts with its header line');
        assert.ok(lines.filter(Boolean).length > 1, 'and has rows');
      }
      // Whatever the click did, the page is still the dashboard (else come back to it).
      if (!j.expect(new URL(page.url()).pathname === '/analytics', `after the CSV link the page is ${page.url().replace(j.url, '')}, not the dashboard`)) {
        await page.goto(`${j.url}/analytics?org=${districtId}`);
        await h.expectHeading(page, dashboard(t, DISTRICT));
      }
      // Fetched with the page's cookies: text/csv, the header line first.
      const res = await page.context().request.get(new URL(csvHref, j.url).href);
      assert.equal(res.status(), 200);
      assert.match(res.headers()['content-type'], /^text\/csv\b/);
      assert.match(res.headers()['content-disposition'] || '', /attachment/);
      const csv = (await res.text()).split(/\r?\n/);
      assert.equal(csv[0], CSV_HEADER);
      assert.ok(csv.some((l) => l.startsWith('funnel,registered,')), 'the funnel\'s rows');
    }));

  test(`a district's admin sees their district, suppressed, and not the programme ${label(variant)}`, () =>
    suite.run('district admin sees the district', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, GRACE);
      const main = page.getByRole('main');
      const nav = await h.openMenu(page, t);
      await h.replaced(page, () => nav.getByRole('link', { name: t('nav-analytics'), exact: true }).click());
      await h.expectHeading(page, dashboard(t, DISTRICT));
      await main.getByText(t('analytics-suppressed'), { exact: true }).waitFor();
      await main.getByRole('cell', { name: '<10', exact: true }).first().waitFor();
      assert.equal(await main.getByText(t('analytics-exact'), { exact: true }).count(), 0, 'not the exact counts');
      assert.equal(await section(page, t('analytics-goal-title')).count(), 0, 'no goal: the programme\'s is not theirs');
      assert.equal(await main.getByRole('link', { name: t('analytics-goal-change'), exact: true }).count(), 0, 'no way to change the goal');
      assert.ok(!(await main.innerText()).includes(PROGRAMME), 'the programme is not named');
      await section(page, t('analytics-below-title')).getByRole('link', { name: 'Lincoln Elementary', exact: true }).waitFor();
      await j.check(page, 'analytics, a district admin');
      const own = /org=(\d+)/.exec(await main.getByRole('link', { name: t('analytics-csv-link'), exact: true }).getAttribute('href'))[1];

      // The organisations above, by their ids, from the district's breadcrumbs.
      await page.goto(`${j.url}/orgs/${own}`);
      await h.expectHeading(page, DISTRICT);
      const crumbs = page.getByRole('navigation', { name: t('breadcrumbs-label') });
      const above = variant.ask === 'root' ? PROGRAMME : STATE;
      const aboveId = (await crumbs.getByRole('link', { name: above, exact: true }).getAttribute('href')).split('/').pop();

      // Asked for one of them: refused on the organisation field, their district shown instead.
      const response = await page.goto(`${j.url}/analytics?org=${aboveId}`);
      assert.equal(response.status(), 422);
      await h.expectHeading(page, dashboard(t, DISTRICT));
      const summary = page.locator('.error-summary[role=alert]');
      await summary.getByRole('heading', { name: t('error-summary-title') }).waitFor();
      assert.ok((await page.title()).startsWith(t('title-error-prefix')), `the title says there is an error: ${await page.title()}`);
      const links = summary.getByRole('link');
      assert.deepEqual(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['#f-org'], 'one problem, on the organisation');
      const message = (await links.first().innerText()).trim();
      assert.equal(message, t.fieldError('unknown-choice', 'org', { value: aboveId }));
      assert.ok(!(await main.innerText()).includes(above), `${above} is not named to them`);
      await main.getByText(t('analytics-suppressed'), { exact: true }).waitFor();
      await j.check(page, 'analytics, an organisation above refused');
      const fieldLabel = t('analytics-scope');
      j.expect(message.toLowerCase().includes(fieldLabel.toLowerCase()),
        `the dashboard's error summary link "${message}" does not name its field "${fieldLabel}" (WCAG 3.3.1)`);
      j.expect(await page.locator('#f-org').count() === 1,
        'the dashboard\'s error summary links to #f-org, but the page has no such field (the organisation choice is shown only to people with more than one scope)');

      // The goal's form is the programme admins'.
      const form = await page.goto(`${j.url}/analytics/goal`);
      assert.equal(form.status(), 403);
      await h.expectHeading(page, t('error-403-title'));
    }));

  test(`an educator is refused the analytics ${label(variant)}`, () =>
    suite.run('educator refused analytics', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, ANA);
      const nav = await h.openMenu(page, t);
      assert.equal(await nav.getByRole('link', { name: t('nav-analytics'), exact: true }).count(), 0, 'no Analytics in the menu');
      const response = await page.goto(`${j.url}/analytics`); // typed or pasted into the address bar
      assert.equal(response.status(), 403);
      await h.expectHeading(page, t('error-403-title'));
      await page.getByRole('main').getByRole('link', { name: t('error-go-home') }).waitFor();
      await j.check(page, 'analytics: refused');
      const csv = await page.context().request.get(`${j.url}/analytics.csv`);
      assert.equal(csv.status(), 403, 'nor the CSV');
    }));
}
