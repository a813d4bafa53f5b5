'use strict';
// A certificate a district office accepts: an educator completes a course
// (over the JSON API, as other journeys walk the lesson pages), finds the
// certificate's link on their transcript, prints the transcript (print
// media: no header, links or forms; their school, district and the day
// printed instead), opens the certificate, copies its link (with
// JavaScript; without it the address is a read-only field), prints it,
// downloads its PDF and reads its text, and scans its QR code: the address
// it holds opens the certificate's check for someone else. In English and
// Spanish, with and without JavaScript, each with another demo account.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const jsQR = require('jsqr');
const h = require('../lib/helpers');

const COURSE = 'protecting-student-privacy';
const VARIANTS = [
  { lang: 'en', js: true, educator: 'educator@columbus.example.org', school: 'Lincoln Elementary' },
  { lang: 'es', js: true, educator: 'facilitator@columbus.example.org', school: null },
  { lang: 'en', js: false, educator: 'author@lyceum.example.org', school: null },
  { lang: 'es', js: false, educator: 'admin@lyceum.example.org', school: null },
];

let suite;
before(async () => { suite = await h.openSuite('certificates'); });
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

/** Enrols and finishes the demo privacy course: quizzes answered from the
 *  course file, reflections written, other lessons finished. */
async function completeCourse(api) {
  const doc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../crates/server/demo/courses', `${COURSE}.en.json`), 'utf8'));
  await api('POST', `/courses/${COURSE}/enrol`, {});
  for (const [key, lesson] of Object.entries(doc.lessons)) {
    if (lesson.quiz) {
      const answers = {};
      for (const q of lesson.quiz.questions) answers[q.key] = q.options.filter((o) => o.correct).map((o) => o.key);
      await api('POST', `/courses/${COURSE}/lessons/${key}/attempts`, { answers });
    } else if (lesson.reflection) {
      await api('POST', `/courses/${COURSE}/lessons/${key}/reflection`, { text: 'I will keep names out of prompts.' });
    } else {
      await api('POST', `/courses/${COURSE}/lessons/${key}/finish`, {});
    }
  }
}

/** With print media emulated: the links, forms and navigation a reader can
 *  still see in `main` and around it (none should be). */
async function visibleOnPaper(page) {
  await page.emulateMedia({ media: 'print' });
  const seen = [];
  for (const selector of ['a', 'form', 'nav', 'header.site-header', 'input', 'button']) {
    const all = page.locator(selector);
    for (let i = 0; i < await all.count(); i++) {
      if (await all.nth(i).isVisible()) seen.push(`${selector}: ${(await all.nth(i).innerText().catch(() => '')).slice(0, 40)}`);
    }
  }
  return seen;
}

/** The QR code on the page, read back from the modules the SVG draws
 *  (`M{x} {y}h1v1h-1z`) as an image, decoded by jsQR. */
async function scanQr(page) {
  const svg = page.getByRole('img', { name: /QR/ });
  const d = await svg.locator('path').getAttribute('d');
  const squares = d.split('M').filter(Boolean).map((s) => s.split('h')[0].split(' ').map(Number));
  const size = Number((await svg.getAttribute('viewBox')).split(' ')[2]);
  const scale = 6;
  const px = size * scale;
  const rgba = new Uint8ClampedArray(px * px * 4).fill(255);
  for (const [x, y] of squares) {
    for (let dy = 0; dy < scale; dy++) {
      for (let dx = 0; dx < scale; dx++) {
        const at = ((y * scale + dy) * px + (x * scale + dx)) * 4;
        rgba[at] = rgba[at + 1] = rgba[at + 2] = 0;
      }
    }
  }
  const code = jsQR(rgba, px, px);
  assert.ok(code, 'the QR code decodes');
  return code.data;
}

/** The text of a PDF, as a reader extracts it. */
async function pdfText(file) {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(fs.readFileSync(file)));
  const { text } = await extractText(pdf, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

for (const variant of VARIANTS) {
  test(`a certificate is printed, downloaded as a PDF and its QR code verifies [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('certificate printed', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, variant.educator);
      await completeCourse(apiCall(j, await makeToken(page, j)));

      // The transcript links the certificate.
      await page.goto(`${j.url}/transcript`);
      await h.expectHeading(page, t('transcript-title'));
      await j.check(page, 'transcript with a certificate');
      // (The demo's educator has another certificate already: Columbus's course.)
      const link = page.getByRole('main').getByRole('link', { name: t('transcript-certificate') })
        .filter({ hasText: /Protecting student privacy/ });
      const href = await link.getAttribute('href');
      assert.match(href, /^\/certificates\/[A-Za-z0-9_-]+$/);
      const address = `${j.url}${href}`;

      // Printed: no header, links or forms; the day printed, the school and
      // where to check the certificate, as text.
      assert.deepEqual(await visibleOnPaper(page), []);
      const paper = await page.getByRole('main').innerText();
      assert.ok(paper.includes(address), paper);
      assert.ok(paper.includes(t('transcript-printed', { date: '' }).replace(/\s*\.$/, '').trim()), paper);
      if (variant.school) assert.ok(paper.includes(variant.school), paper);
      await page.emulateMedia({ media: 'screen' });

      // The certificate's page: its address to copy.
      await link.click();
      await h.expectHeading(page, t('certificate-title'));
      await j.check(page, 'certificate');
      const field = page.getByLabel(t('certificate-share-label'), { exact: true });
      assert.equal(await field.inputValue(), address);
      assert.equal(await field.getAttribute('readonly'), '');
      const copy = page.getByRole('button', { name: t('certificate-copy'), exact: true });
      if (variant.js) {
        await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: j.origin });
        await copy.click();
        await page.getByRole('status').filter({ hasText: t('certificate-copied') }).waitFor();
        assert.equal(await page.evaluate(() => navigator.clipboard.readText()), address);
      } else {
        assert.equal(await copy.isVisible(), false, 'no button that needs script');
      }

      // Printed: the certificate, its QR code and address; no links, forms or header.
      assert.deepEqual(await visibleOnPaper(page), []);
      const printed = await page.getByRole('main').innerText();
      for (const want of [t('certificate-valid'), t('certificate-check-at'), address]) {
        assert.ok(printed.includes(want), `${want} on paper: ${printed}`);
      }
      assert.ok(await page.getByRole('img', { name: /QR/ }).isVisible(), 'the QR code printed');
      await page.emulateMedia({ media: 'screen' });

      // The PDF: downloaded, its text read.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t('certificate-pdf'), exact: true }).click(),
      ]);
      const file = path.join(require('node:os').tmpdir(), `lyceum-certificate-${process.pid}-${j.variant}.pdf`);
      await download.saveAs(file);
      const text = await pdfText(file);
      fs.rmSync(file);
      for (const want of [t('certificate-title'), t('certificate-valid'), t('certificate-check-at'), address]) {
        assert.ok(text.includes(want), `${want} in the PDF: ${text}`);
      }

      // Someone else scans the QR code: it opens the certificate's check.
      const scanned = await scanQr(page);
      assert.equal(scanned, address);
      const anyone = await j.newPage();
      await anyone.goto(scanned);
      await h.expectHeading(anyone, t('certificate-title'));
      assert.ok((await anyone.getByRole('main').innerText()).includes(t('certificate-valid')));
      await j.check(anyone, 'certificate, scanned');
    }));
}
