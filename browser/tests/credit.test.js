'use strict';
// Outside PD hours: an educator asks for hours earned elsewhere, with a
// link as evidence; an admin of their organisation approves; the hours
// appear on the educator's transcript. In English, Spanish and without
// JavaScript, each with other demo accounts.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [
  { lang: 'en', js: true, educator: 'educator@columbus.example.org', org: 'Lincoln Elementary', admin: 'orgadmin@columbus.example.org', manages: 'Columbus City Schools' },
  { lang: 'es', js: true, educator: 'facilitator@columbus.example.org', org: 'Columbus City Schools', admin: 'orgadmin@columbus.example.org', manages: 'Columbus City Schools' },
  { lang: 'en', js: false, educator: 'author@lyceum.example.org', org: 'Lyceum Demo Programme', admin: 'admin@lyceum.example.org', manages: 'Lyceum Demo Programme' },
];

let suite;
before(async () => { suite = await h.openSuite('credit'); });
after(async () => { await suite?.close(); });


for (const variant of VARIANTS) {
  test(`outside PD hours are asked for, approved and counted [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('outside PD hours', variant, async (j, t) => {
      const activity = `State AI summit ${j.variant}`;
      const educator = await j.newPage();
      await h.signIn(educator, j, t, variant.educator);
      await educator.getByRole('main').getByRole('link', { name: t('home-transcript-link') }).click();
      await h.expectHeading(educator, t('transcript-title'));
      await j.check(educator, 'transcript, empty');
      await educator.getByRole('link', { name: t('transcript-ask') }).click();
      await h.expectHeading(educator, t('pd-request-title'));
      const form = educator.getByRole('main');
      // First without evidence: the form says what is missing.
      await form.getByLabel(t('pd-request-activity'), { exact: true }).fill(activity);
      await form.getByLabel(t('pd-request-hours'), { exact: true }).fill(j.lang === 'es' ? '3,5' : '3.5');
      await form.getByLabel(t('pd-request-date'), { exact: true }).fill('2026-10-02');
      await form.getByLabel(t('pd-request-org'), { exact: true }).selectOption({ label: variant.org });
      await form.getByRole('button', { name: t('pd-request-button'), exact: true }).click();
      const alert = await educator.getByRole('alert').innerText();
      assert.ok(alert.includes(t('error-evidence-required')), alert);
      await j.check(educator, 'request form, an error');
      await form.getByLabel(t('pd-request-link'), { exact: true }).fill('https://summit.example.org/attendance/42');
      await form.getByRole('button', { name: t('pd-request-button'), exact: true }).click();
      await h.expectFlash(educator, t('flash-pd-request-sent'));
      await educator.getByRole('cell', { name: t('pd-request-status-pending'), exact: true }).waitFor();

      const admin = await j.newPage();
      await h.signIn(admin, j, t, variant.admin);
      await admin.getByRole('main').getByRole('link', { name: t('home-manage', { name: variant.manages }) }).click();
      await admin.getByRole('navigation', { name: t('org-admin-tabs-label') }).getByRole('link', { name: t('pd-requests-title') }).click();
      await h.expectHeading(admin, t('pd-requests-title'));
      await j.check(admin, 'PD requests');
      const request = admin.getByRole('region', { name: activity });
      await request.getByRole('button', { name: t('pd-requests-approve'), exact: true }).click();
      await h.expectFlash(admin, t('flash-pd-request-decided'));

      await educator.reload();
      await educator.getByRole('cell', { name: t('pd-request-status-approved'), exact: true }).waitFor();
      // Counted: a row of the school year's ledger (the demo educator may
      // hold other hours already, so the row, not the year's total).
      const year = educator.getByRole('table', { name: t('transcript-year-caption', { year: '2026–27' }) });
      const row = year.getByRole('row').filter({ hasText: activity });
      const cells = await row.getByRole('cell').allInnerTexts();
      assert.deepEqual(cells.slice(1).map((c) => c.trim()), [activity, t('pd-source-outside'), j.lang === 'es' ? '3,5' : '3.5'], cells.join(' | '));
      await j.check(educator, 'transcript, approved');
    }));
}
