'use strict';
// Personal data, complete: an educator who has written a reflection, started
// a topic and earned a certificate downloads their data (Account → Download
// your data) and finds all three in the zip; then deletes the account, and
// the certificate's public page still verifies it — without their name.
// The learning and the post are made over the JSON API (with a token made on
// the tokens page), as the other journeys walk those pages already.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('../lib/helpers');

const COURSE = 'protecting-student-privacy';
const VARIANTS = [
  { lang: 'en', js: true, educator: 'educator@columbus.example.org' },
  { lang: 'es', js: false, educator: 'facilitator@columbus.example.org' },
];

let suite;
before(async () => { suite = await h.openSuite('personal_data'); });
after(async () => { await suite?.close(); });

/** A write token for the signed-in person, made on the tokens page. */
async function makeToken(page, j) {
  const r = await page.request.post(`${j.url}/account/tokens`, {
    headers: { origin: j.origin },
    form: { name: 'journey', scope: 'write', expires_in_days: '30', password: h.PASSWORD },
  });
  const token = /<code class="token">(lyc_[^<]+)</.exec(await r.text())?.[1];
  assert.ok(token, 'a token on the tokens page');
  return token;
}

function apiCall(j, token) {
  return async (method, route, body) => {
    const r = await fetch(`${j.url}/api/v1${route}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    assert.ok(r.status < 300, `${method} ${route}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
}

/** Enrols and finishes the demo privacy course: its quiz answered from the
 *  course file, its last lesson finished by the reflection. */
async function completeCourse(api, reflection) {
  const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../crates/server/demo/courses', `${COURSE}.en.json`), 'utf8'));
  await api('POST', `/courses/${COURSE}/enrol`, {});
  for (const [key, lesson] of Object.entries(doc.lessons)) {
    if (lesson.quiz) {
      const answers = {};
      for (const q of lesson.quiz.questions) answers[q.key] = q.options.filter((o) => o.correct).map((o) => o.key);
      const attempt = await api('POST', `/courses/${COURSE}/lessons/${key}/attempts`, { answers });
      assert.equal(attempt.attempt.passed, true, JSON.stringify(attempt));
    } else if (lesson.reflection) {
      await api('POST', `/courses/${COURSE}/lessons/${key}/reflection`, { text: reflection });
    } else {
      await api('POST', `/courses/${COURSE}/lessons/${key}/finish`, {});
    }
  }
}

for (const variant of VARIANTS) {
  test(`one's data holds a reflection, a post and a certificate; deleted, the certificate stays without the name [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('personal data', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, variant.educator);
      const api = apiCall(j, await makeToken(page, j));
      const reflection = `I will strip names from prompts (${j.variant}).`;
      await completeCourse(api, reflection);
      // A question in the first space that takes one from them.
      const postBody = `How do you explain data retention to families? (${j.variant})`;
      let posted = false;
      for (const space of await api('GET', '/spaces')) {
        try {
          await api('POST', `/spaces/${space.id}/topics`, { title: `Retention ${j.variant}`, kind: 'question', body: postBody });
          posted = true;
          break;
        } catch { /* a space they may only read */ }
      }
      assert.ok(posted, 'a question posted');
      const [cert] = await api('GET', '/certificates');
      assert.ok(cert && cert.code, 'a certificate for the course');
      const holder = cert.recipient;
      assert.ok(holder, 'issued in the name of the account');

      // Account → Download your data: one zip with everything.
      await (await h.openMenu(page, t)).getByRole('link', { name: t('nav-account'), exact: true }).click();
      await h.expectHeading(page, t('account-title'));
      await j.check(page, 'account');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t('account-export'), exact: true }).click(),
      ]);
      const zip = path.join(os.tmpdir(), `lyceum-export-${process.pid}-${j.variant}.zip`);
      await download.saveAs(zip);
      const listing = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' });
      assert.ok(listing.includes('manifest.json'), listing);
      const everything = execFileSync('unzip', ['-p', zip, '*.json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
      fs.rmSync(zip);
      assert.ok(everything.includes(reflection), 'the reflection is in the export');
      assert.ok(everything.includes(postBody), 'the post is in the export');
      assert.ok(everything.includes(cert.code), 'the certificate is in the export');

      // Delete the account.
      await page.goto(`${j.url}/account/delete`);
      await h.expectHeading(page, t('delete-title'));
      await j.check(page, 'delete account');
      await page.getByLabel(t('field-confirm-delete'), { exact: true }).fill('DELETE');
      await page.getByRole('button', { name: t('delete-button'), exact: true }).click();
      await h.expectFlash(page, t('flash-account-deleted'));

      // Anyone checking the certificate: still valid, the name gone.
      const anyone = await j.newPage();
      await anyone.goto(`${j.url}/certificates/${cert.code}`);
      await h.expectHeading(anyone, t('certificate-title'));
      const main = await anyone.getByRole('main').innerText();
      assert.ok(main.includes(t('certificate-recipient-deleted')), main);
      assert.ok(!main.includes(holder), `the name "${holder}" is gone`);
      assert.ok(main.includes(t('certificate-valid')), main);
      await j.check(anyone, 'certificate of a deleted account');
    }));
}
