'use strict';
// Self-test of the checkers: on a page built to break every rule they must
// report each problem, and on a clean page they must report none. This is how
// we know a broken label or a missing skip link in Lyceum would turn the suite red.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const crypto = require('node:crypto');
const h = require('../lib/helpers');

const GOOD = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Good page</title>
<style>a:focus, input:focus, button:focus { outline: 3px solid #1b1d21; }</style></head>
<body>
<a href="#main">Skip to main content</a>
<header><nav aria-label="Main"><a href="/good">Home</a></nav></header>
<main id="main" tabindex="-1"><h1>A good page</h1>
<form><label for="name">Name</label><input id="name" name="name"><button>Save</button></form></main>
<footer><p>Footer</p></footer>
</body></html>`;

// No lang, no skip link, no landmarks, two h1s pushed below the top 40 % of a phone's screen, an unlabelled input, focus hidden, too wide for a phone,
// a 150 KB stylesheet from another host (localhost is not 127.0.0.1 to the browser).
const bad = (port) => `<!doctype html>
<html><head><meta charset="utf-8"><title>Bad page</title>
<style>*:focus { outline: none; }</style>
<link rel="stylesheet" href="http://localhost:${port}/big.css"></head>
<body>
<div style="height: 400px">A banner as tall as half a phone</div>
<h1>One</h1><h1>Two</h1>
<a href="/good">A link</a>
<input type="text" name="q">
<div style="width: 600px">A box wider than a phone</div>
<button>Go</button>
</body></html>`;

const BIG = `/* ${crypto.randomBytes(150 * 1024).toString('base64')} */\n`;

let fixture;
let origin;
let suite;

before(async () => {
  fixture = http.createServer((req, res) => {
    const port = fixture.address().port;
    const send = (type, body) => { res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }); res.end(body); };
    if (req.url === '/good') send('text/html; charset=utf-8', GOOD);
    else if (req.url === '/bad') send('text/html; charset=utf-8', bad(port));
    else if (req.url === '/big.css') send('text/css', BIG);
    else { res.writeHead(404); res.end(); }
  });
  await new Promise((resolve) => fixture.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${fixture.address().port}`;
  suite = await h.openSuite('checkers self-test', { report: false });
});
after(async () => {
  await suite?.close();
  await new Promise((resolve) => fixture.close(resolve));
});

for (const js of [true, false]) {
  test(`the checkers find nothing on a clean page [${js ? 'JavaScript' : 'without JavaScript'}]`, () =>
    suite.run('clean fixture', { js, origin, screenshots: false }, async (j) => {
      const page = await j.newPage();
      await page.goto(`${origin}/good`);
      const record = await j.check(page, 'good');
      assert.deepEqual(record.problems, []);
      const focus = await h.auditFocus(page);
      assert.deepEqual(focus.problems, []);
      assert.equal(focus.results.length, 4, 'skip link, Home, Name, Save, and nothing else');
    }));

  test(`the checkers report every broken rule [${js ? 'JavaScript' : 'without JavaScript'}]`, async () => {
    const j = suite.journey('broken fixture', { js, origin, screenshots: false });
    const page = await j.newPage();
    await page.goto(`${origin}/bad`);
    const record = await j.check(page, 'bad');
    const all = record.problems.join('\n');
    const axeIds = record.axe.map((v) => v.id);
    for (const id of ['label', 'html-has-lang']) assert.ok(axeIds.includes(id), `axe reports ${id}; it reported ${axeIds}`);
    for (const expected of [
      /expected exactly one h1, found 2/,
      /landmark banner: found 0/, /landmark navigation: found 0/, /landmark main: found 0/, /landmark contentinfo: found 0/,
      /first focusable element is not a skip link/, /no <main id="main">/,
      /<html lang> is null, expected "en"/,
      /at 390 px wide the page is \d+ px wide and scrolls sideways/,
      /at 390 px wide the content starts \d+ px down \(h1 "One"\), below the top 40 % of the screen \(320 px\)/,
      /page budget: HTML\+CSS\+JS is \d+ bytes, over 102400/,
      /request to another host: http:\/\/localhost:\d+\/big\.css/,
    ]) assert.match(all, expected);
    assert.throws(() => j.assertClean(), /problem\(s\) on the pages of "broken fixture"/);

    const focus = await h.auditFocus(page);
    assert.deepEqual(focus.problems.map((p) => p.replace(/ \(.*$/, '')),
      ['no visible focus on a "A link"', 'no visible focus on input ""', 'no visible focus on button "Go"']);
    await j.close();
  });
}

test('a real Lyceum page with its skip link removed and a label broken fails the checks', () =>
  suite.run('broken Lyceum page', { screenshots: false }, async (j) => {
    const page = await j.newPage();
    const url = `${j.url}/register`;
    await page.route(url, async (route) => {
      const response = await route.fetch();
      const html = (await response.text())
        .replace(/<a href="#main" class="skip-link">[^<]*<\/a>/, '')
        .replace('<label for="f-email">', '<label for="f-nothing">');
      await route.fulfill({ response, body: html });
    });
    await page.goto(url);
    const record = await j.check(page, 'register, broken copy', { budget: false });
    assert.ok(record.axe.some((v) => v.id === 'label'), 'axe reports the unlabelled email field');
    assert.match(record.problems.join('\n'), /first focusable element is not a skip link to #main/);
    assert.throws(() => j.assertClean());
    j.problems.length = 0; // the problems were the point
  }));
