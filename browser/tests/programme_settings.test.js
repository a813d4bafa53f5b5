'use strict';
// The programme's settings: the programme admin finds them from the admin
// overview and publishes the challenge radar's summaries to everyone;
// before that, someone not signed in who opens the radar is sent to sign
// in; after it, they see the programme's radar with its small counts as
// "<10", what answered reports as plain titles (no links into pages that
// need signing in), and no way to report or choose an organisation. In
// English and Spanish with JavaScript, and in English without it.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const SAM = 'admin@lyceum.example.org';
// One of the demo's answered reports, addressed with this library resource.
const RESOURCE = 'Is the chatbot right? A 45-minute fact-checking lesson';

const VARIANTS = [
  { lang: 'en', js: true },
  { lang: 'es', js: true },
  { lang: 'en', js: false },
];

let suite;
before(async () => { suite = await h.openSuite('programme settings'); });
after(async () => { await suite?.close(); });

/** Ticks or unticks the setting and saves it, landing on the page with its confirmation. */
async function setPublic(page, t, on) {
  const main = page.getByRole('main');
  const box = main.getByLabel(t('programme-settings-public-radar'), { exact: true });
  if (on) await box.check(); else await box.uncheck();
  // (An earlier save left the same confirmation: wait for the next page.)
  await h.replaced(page, () => main.getByRole('button', { name: t('programme-settings-save'), exact: true }).click());
  await h.expectFlash(page, t('flash-programme-settings-saved'));
  await h.expectHeading(page, t('programme-settings-title'));
  assert.equal(await page.getByRole('main').getByLabel(t('programme-settings-public-radar'), { exact: true }).isChecked(), on);
}

for (const variant of VARIANTS) {
  test(`a programme admin publishes the radar and anyone sees it suppressed [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('radar published to everyone', variant, async (j, t) => {
      // The programme admin finds the settings from the admin overview.
      const admin = await j.newPage();
      await h.signIn(admin, j, t, SAM);
      await admin.goto(`${j.url}/orgs/1/admin/overview`);
      await admin.getByRole('main').getByRole('link', { name: t('org-admin-overview-programme-settings'), exact: true }).click();
      await h.expectHeading(admin, t('programme-settings-title'));
      await admin.getByRole('main').getByText(t('programme-settings-public-radar-hint')).waitFor();
      await j.check(admin, 'programme settings');
      // An earlier variant may have left it on: off first.
      await setPublic(admin, t, false);
      await admin.getByRole('main').getByText(t('programme-settings-radar-now-private')).waitFor();

      // Off: someone not signed in is sent to sign in.
      const anyone = await j.newPage();
      await anyone.goto(`${j.url}/radar`);
      assert.equal(new URL(anyone.url()).pathname, '/sign-in', anyone.url());

      // On.
      await setPublic(admin, t, true);
      await admin.getByRole('main').getByText(t('programme-settings-radar-now-public')).waitFor();
      await j.check(admin, 'programme settings, radar published');

      // Anyone now sees the programme's radar, suppressed.
      await anyone.goto(`${j.url}/radar`);
      await h.expectHeading(anyone, t('radar-title'));
      assert.equal(new URL(anyone.url()).pathname, '/radar');
      const main = anyone.getByRole('main');
      await main.getByText(t('radar-public-note')).waitFor();
      await main.getByText(t('radar-suppressed')).waitFor();
      await main.getByRole('cell', { name: '<10', exact: true }).first().waitFor();
      await main.getByText(RESOURCE).first().waitFor();
      const links = await main.locator('a[href^="/challenges"], a[href^="/resources"], a[href^="/practices"], a[href^="/courses"]').count();
      assert.equal(links, 0, 'no link into pages that need signing in');
      assert.equal(await main.locator('select[name="org"], textarea').count(), 0, 'no organisation chooser, no report form');
      await j.check(anyone, 'radar, not signed in');
      await main.getByRole('link', { name: t('radar-csv-link'), exact: true }).waitFor();
    }));
}
