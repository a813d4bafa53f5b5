'use strict';
// Everything the journeys share: the lyceum server, the browser, the outbox,
// the page checks (axe, structure, reflow, budget, screenshots), keyboard and
// focus helpers, and the run report.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { chromium } = require('playwright-core');
const axeSource = require('axe-core').source;

const ROOT = path.resolve(__dirname, '..');
const REPO = path.resolve(ROOT, '..');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PASSWORD = 'lyceum-demo-2026';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BUDGET_BYTES = 100 * 1024;
const WIDTHS = [390, 1280];
const VIEWPORT = { width: 1280, height: 800 };

// ---------------------------------------------------------------- the run

const RUN_ID = process.env.LYCEUM_BROWSER_RUN || new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, 'Z');
const RUN_DIR = process.env.LYCEUM_BROWSER_REPORT_DIR || path.join(ROOT, 'reports', RUN_ID);

const slug = (s) => String(s).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

// ---------------------------------------------------------------- texts

/** The app's own catalogue (crates/domain/locales/<lang>.ftl), single-line messages only. */
function texts(lang) {
  const file = path.join(REPO, 'crates', 'domain', 'locales', `${lang}.ftl`);
  const messages = {};
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^([a-z0-9_-]+) = (.+)$/i.exec(line);
    if (m) messages[m[1]] = m[2].trim();
  }
  const t = (key, args = {}) => {
    if (!(key in messages)) throw new Error(`no message ${key} in ${lang}.ftl`);
    return messages[key].replace(/\{ \$(\w+) \}/g, (_, name) => String(args[name]));
  };
  /** A field's error message as the app picks it: error-<code>--<field> if there is one, else error-<code>. */
  t.fieldError = (code, field, args) => t(`error-${code}--${field}` in messages ? `error-${code}--${field}` : `error-${code}`, args);
  return t;
}

/** A message in either language: after signing in, pages follow the account's language. */
function either(key) {
  const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(['en', 'es'].map((l) => esc(texts(l)(key))).join('|'));
}

// ---------------------------------------------------------------- the server

function lyceumBin() {
  const targetDir = process.env.CARGO_TARGET_DIR;
  const candidates = [process.env.LYCEUM_BIN, targetDir && path.resolve(REPO, targetDir, 'debug', 'lyceum'),
    '/var/tmp/lyceum-target/debug/lyceum', path.resolve(REPO, 'target', 'debug', 'lyceum')].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`no lyceum binary; tried ${candidates.join(', ')} (set LYCEUM_BIN or build it)`);
  return found;
}

/** The server reads LYCEUM_* variables as its configuration: it gets none of ours (nor any other). */
function serverEnv() {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LYCEUM_')));
  return { ...env, NO_COLOR: '1' };
}

/**
 * Starts `lyceum demo` on a fresh data folder and a free port. Port 0: the
 * kernel picks it when the server binds and the server prints its URL, so test
 * files running at once never race for a port picked in advance.
 */
async function startServer() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lyceum-browser-'));
  const dataDir = path.join(dir, 'data');
  const child = spawn(lyceumBin(), ['demo', '--data', dataDir, '--listen', '127.0.0.1:0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: serverEnv() });
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`lyceum demo did not start in 60 s:\n${output}`)), 60000);
    const read = (chunk) => {
      output += chunk;
      const m = /Lyceum demo is running at (http:\/\/[^\s]+)/.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`lyceum demo exited with ${code}:\n${output}`)); });
  });
  return {
    url,
    origin: new URL(url).origin,
    outbox: path.join(dataDir, 'outbox'),
    log: () => output,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---------------------------------------------------------------- the outbox

function decodeQuotedPrintable(text) {
  const bytes = Buffer.from(text.replace(/=\r?\n/g, ''), 'latin1');
  const out = [];
  for (let i = 0; i < bytes.length; i++) {
    const hex = bytes[i] === 0x3d && bytes.toString('latin1', i + 1, i + 3);
    if (hex && /^[0-9A-F]{2}$/i.test(hex)) { out.push(parseInt(hex, 16)); i += 2; } else out.push(bytes[i]);
  }
  return Buffer.from(out).toString('utf8');
}

function decodeWords(value) {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc, text) => (enc.toLowerCase() === 'b'
    ? Buffer.from(text, 'base64').toString('utf8')
    : decodeQuotedPrintable(text.replace(/_/g, ' '))));
}

/** One RFC 5322 message: its headers and the decoded text of its parts. */
function parseMail(raw) {
  const split = (part) => {
    const at = part.search(/\r?\n\r?\n/);
    const head = at < 0 ? part : part.slice(0, at);
    const body = at < 0 ? '' : part.slice(at).replace(/^\r?\n\r?\n/, '');
    const headers = {};
    for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
      const m = /^([^:]+):\s*(.*)$/.exec(line);
      if (m) headers[m[1].toLowerCase()] = m[2];
    }
    return { headers, body };
  };
  const decode = ({ headers, body }) => {
    const cte = (headers['content-transfer-encoding'] || '').toLowerCase();
    if (cte === 'quoted-printable') return decodeQuotedPrintable(body);
    if (cte === 'base64') return Buffer.from(body, 'base64').toString('utf8');
    return body;
  };
  const top = split(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(top.headers['content-type'] || '');
  const parts = boundary
    ? top.body.split(`--${boundary[1]}`).slice(1, -1).map((p) => split(p.replace(/^\r?\n/, '')))
    : [top];
  const text = parts.map(decode).join('\n');
  return {
    to: decodeWords(top.headers.to || ''),
    subject: decodeWords(top.headers.subject || ''),
    text,
    links: [...new Set(text.match(/https?:\/\/[^\s"<>]+/g) || [])],
  };
}

/** Waits for a mail to `to` whose text matches `pattern`; returns the parsed mail. */
async function waitForMail(server, to, pattern, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const files = fs.existsSync(server.outbox) ? fs.readdirSync(server.outbox).filter((f) => f.endsWith('.eml')) : [];
    for (const file of files) {
      const mail = parseMail(fs.readFileSync(path.join(server.outbox, file), 'utf8'));
      if (mail.to.toLowerCase().includes(to.toLowerCase()) && pattern.test(mail.text)) return mail;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} matching ${pattern} in ${server.outbox} (${files.length} files)`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

// ---------------------------------------------------------------- the browser

function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Waits for htmx (when on) to finish swapping, so checks see the settled page. */
async function settle(page) {
  await page.waitForLoadState('load');
  // Without JavaScript there is no htmx, and nothing to wait for (nor a timer to poll with).
  if (!(await page.evaluate(() => !!window.htmx))) return;
  await page.waitForFunction(() => document.readyState === 'complete'
    && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added'));
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name, exact: true });

/** Waits until the page's h1 reads `name` (after a full load or an htmx swap). */
async function expectHeading(page, name) {
  await heading(page, name).waitFor({ state: 'visible' });
  await settle(page);
}

/**
 * Runs `action` (a click that submits a form or follows a link) and waits
 * until what it leads to has replaced `part` of this page: <main> for a
 * full load or a boosted link or form (htmx swaps the body), the list's own
 * element for a form that swaps only its results. What follows then cannot
 * be satisfied early by the old page (the same flash or text as before).
 */
async function replaced(page, action, part = 'main') {
  await page.locator(part).evaluate((m) => { m.dataset.stale = '1'; });
  await action();
  await page.locator(`${part}[data-stale]`).waitFor({ state: 'detached' });
  await settle(page);
}

/** Waits for the status message after an action and checks its text. */
async function expectFlash(page, text) {
  const flash = page.locator('.flash[role=status]', { hasText: text });
  await flash.waitFor({ state: 'visible' });
  return flash;
}

/** With JavaScript off, the page's timers never fire, and axe needs them: run them as microtasks. */
async function shimTimers(page) {
  await page.evaluate(() => {
    if (window.__lyceumTimerShim) return;
    window.__lyceumTimerShim = true;
    window.setTimeout = (fn, _ms, ...args) => { Promise.resolve().then(() => fn(...args)); return 0; };
    window.clearTimeout = () => {};
  });
}

/**
 * axe-core on the page, WCAG 2.1 A and AA (or only `rules`, on `selector`).
 * `js: false` for a context with JavaScript disabled. Returns the violations, summarised.
 */
async function runAxe(page, { rules, selector, js = true } = {}) {
  if (!js) await shimTimers(page);
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: AXE_TAGS };
  const result = await page.evaluate(([only, sel]) => window.axe.run(sel ? { include: [[sel]] } : document, {
    runOnly: only, resultTypes: ['violations'],
  }), [runOnly, selector]);
  return result.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target.join(' '), html: n.html.slice(0, 200), summary: n.failureSummary })),
  }));
}

/** One h1, the landmarks, a skip link to #main first in tab order, and <html lang>. */
async function checkStructure(page, lang) {
  const problems = [];
  const facts = await page.evaluate(() => {
    const focusable = [...document.querySelectorAll(
      'a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, summary, [tabindex], [contenteditable=""], [contenteditable=true]',
    )].filter((el) => !el.disabled && el.tabIndex >= 0 && el.getClientRects().length > 0
      && getComputedStyle(el).visibility !== 'hidden');
    const ordered = [...focusable.filter((el) => el.tabIndex > 0).sort((a, b) => a.tabIndex - b.tabIndex),
      ...focusable.filter((el) => el.tabIndex === 0)];
    const first = ordered[0];
    const target = document.getElementById('main');
    return {
      h1: [...document.querySelectorAll('h1')].map((h) => h.textContent.trim()),
      lang: document.documentElement.getAttribute('lang'),
      first: first ? first.outerHTML.slice(0, 120) : null,
      skipOk: !!first && first.matches('a[href="#main"]') && first.textContent.trim().length > 0,
      mainTarget: !!target && target.matches('main, [role=main]'),
    };
  });
  if (facts.h1.length !== 1) problems.push(`expected exactly one h1, found ${facts.h1.length}: ${JSON.stringify(facts.h1)}`);
  for (const [role, min, max] of [['banner', 1, 1], ['navigation', 1, 99], ['main', 1, 1], ['contentinfo', 1, 1]]) {
    const n = await page.getByRole(role).count();
    if (n < min || n > max) problems.push(`landmark ${role}: found ${n}, expected ${min === max ? min : `at least ${min}`}`);
  }
  if (!facts.skipOk) problems.push(`first focusable element is not a skip link to #main: ${facts.first}`);
  if (!facts.mainTarget) problems.push('no <main id="main"> for the skip link to land on');
  if (facts.lang !== lang) problems.push(`<html lang> is ${JSON.stringify(facts.lang)}, expected "${lang}"`);
  return { facts, problems };
}

/** At phone width the page must not scroll sideways (WCAG 1.4.10 Reflow; a wide table may scroll inside itself). */
async function checkReflow(page, width = WIDTHS[0]) {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height: 800 });
  const facts = await page.evaluate(() => {
    const scrollWidth = document.documentElement.scrollWidth;
    const widest = [...document.querySelectorAll('body *')]
      .filter((el) => Math.abs(el.getBoundingClientRect().right - scrollWidth) <= 1).pop();
    const describe = (el) => el && `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''}`
      + ` "${el.textContent.trim().slice(0, 30)}"`;
    return { scrollWidth, innerWidth: document.documentElement.clientWidth, widest: describe(widest) };
  });
  await page.setViewportSize(size);
  const problems = facts.scrollWidth > facts.innerWidth
    ? [`at ${width} px wide the page is ${facts.scrollWidth} px wide and scrolls sideways (WCAG 1.4.10); it reaches to ${facts.widest}`]
    : [];
  return { ...facts, problems };
}

/**
 * At phone width (390 × 800) the first piece of content — the page's h1, or
 * the error summary or status message above it, else main's first element —
 * must start within the top 40 % of the screen: the header, breadcrumbs and
 * section tabs may not push it further down.
 */
async function checkContentTop(page, width = WIDTHS[0], height = 800) {
  const size = page.viewportSize();
  await page.setViewportSize({ width, height });
  const facts = await page.evaluate(() => {
    const main = document.querySelector('main');
    const shown = (el) => el && el.getClientRects().length > 0;
    const candidates = [...document.querySelectorAll('h1, main .error-summary, main .flash[role=status]')].filter(shown);
    if (!candidates.length && main) {
      const first = [...main.querySelectorAll('*')].find((el) => shown(el) && el.children.length === 0);
      if (first) candidates.push(first);
    }
    const tops = candidates.map((el) => ({
      top: Math.round(el.getBoundingClientRect().top + window.scrollY),
      what: `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).trim().replace(/\s+/g, '.')}` : ''} "${el.textContent.trim().slice(0, 30)}"`,
    }));
    tops.sort((a, b) => a.top - b.top);
    return { first: tops[0] || null, limit: Math.round(window.innerHeight * 0.4) };
  });
  await page.setViewportSize(size);
  const problems = [];
  if (!facts.first) problems.push(`at ${width} px wide there is no content in <main> to find`);
  else if (facts.first.top > facts.limit) {
    problems.push(`at ${width} px wide the content starts ${facts.first.top} px down (${facts.first.what}), below the top 40 % of the screen (${facts.limit} px)`);
  }
  return { ...facts, problems };
}

/**
 * Loads `url` in a fresh context (empty cache) with the given cookies and sums
 * what crosses the network, by type, as Chromium counts it (compressed, with headers).
 */
async function measureBudget(browser, url, { storageState, js, origin }) {
  const context = await browser.newContext({ storageState, javaScriptEnabled: js, viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      requests.set(e.requestId, { url: e.request.url, type: e.type, bytes: 0 });
    });
    cdp.on('Network.responseReceived', (e) => { const r = requests.get(e.requestId); if (r) r.type = e.type; });
    cdp.on('Network.loadingFinished', (e) => { const r = requests.get(e.requestId); if (r) r.bytes = e.encodedDataLength; });
    cdp.on('Network.loadingFailed', (e) => { const r = requests.get(e.requestId); if (r) r.failed = e.errorText; });
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const bytes = { html: 0, css: 0, js: 0, other: 0 };
    const foreign = [];
    for (const r of requests.values()) {
      if (!/^(data|blob|about):/.test(r.url) && new URL(r.url).origin !== origin) foreign.push(r.url);
      const kind = { Document: 'html', XHR: 'html', Fetch: 'html', Stylesheet: 'css', Script: 'js' }[r.type] || 'other';
      bytes[kind] += r.bytes;
    }
    const counted = bytes.html + bytes.css + bytes.js;
    const problems = [];
    if (counted >= BUDGET_BYTES) problems.push(`page budget: HTML+CSS+JS is ${counted} bytes, over ${BUDGET_BYTES}`);
    for (const u of foreign) problems.push(`request to another host: ${u}`);
    return { bytes: { ...bytes, counted, requests: requests.size }, foreign, problems };
  } finally {
    await context.close();
  }
}

/** Tabs through the page from its start; every focused element must show it. */
async function auditFocus(page, maxSteps = 120) {
  const styleOf = () => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return null;
    const seen = el.hasAttribute('data-focus-audit');
    el.setAttribute('data-focus-audit', '');
    const s = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return {
      seen,
      label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.textContent || el.value || el.getAttribute('aria-label') || '').trim().replace(/\s+/g, ' ').slice(0, 40)}"`,
      outline: { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor },
      boxShadow: s.boxShadow,
      background: s.backgroundColor,
      onScreen: r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight,
    };
  };
  const transparent = (c) => c === 'transparent' || /rgba\(.*,\s*0\)$/.test(c);
  const results = [];
  let previous = null;
  for (let i = 0; i < maxSteps; i++) {
    await page.keyboard.press('Tab');
    if (previous) {
      const blurred = await previous.handle.evaluate((el) => {
        const s = getComputedStyle(el);
        return { boxShadow: s.boxShadow, background: s.backgroundColor };
      });
      const f = previous.focused;
      const outline = f.outline.style !== 'none' && f.outline.width > 0 && !transparent(f.outline.color);
      const shadow = f.boxShadow !== 'none' && f.boxShadow !== blurred.boxShadow;
      const background = f.background !== blurred.background;
      results.push({ element: f.label, visible: (outline || shadow || background) && f.onScreen, outline, shadow, background, onScreen: f.onScreen });
      await previous.handle.dispose();
    }
    const focused = await page.evaluate(styleOf);
    if (!focused || focused.seen) break;
    previous = { focused, handle: await page.evaluateHandle(() => document.activeElement) };
  }
  const problems = results.filter((r) => !r.visible).map((r) => `no visible focus on ${r.element}`
    + (r.onScreen ? ' (no outline, no focus box-shadow, no background change)' : ' (focused element is off screen)'));
  if (results.length === 0) problems.push('Tab reached no element');
  return { results, problems };
}

/** Uses the header's language switch if the page is not in `lang` yet. */
async function useLanguage(page, lang) {
  const button = page.locator('form.lang-switch button');
  if ((await button.getAttribute('lang')) !== lang) return;
  await button.click();
  await page.locator(`form.lang-switch button:not([lang="${lang}"])`).waitFor();
  await settle(page);
}

/**
 * Opens the header's menu (a <details>: organisations, profile, account, sign
 * out, and on phones the everyday places) unless it is open; returns the
 * header's navigation. `t` is the page's language.
 */
async function openMenu(page, t) {
  const nav = page.getByRole('navigation', { name: t('nav-label') });
  const menu = nav.locator('details.menu');
  if (!(await menu.evaluate((d) => d.open))) await menu.locator(':scope > summary').click();
  return nav;
}

/** Signs a demo account in through the sign-in page, then switches to the journey's language. */
async function signIn(page, j, t, email) {
  await page.goto(`${j.url}/sign-in`);
  await page.getByLabel(t('field-email'), { exact: true }).fill(email);
  await page.getByLabel(t('field-password'), { exact: true }).fill(PASSWORD);
  await page.getByRole('main').getByRole('button', { name: t('sign-in-button') }).click();
  await expectFlash(page, either('flash-signed-in')); // in the account's language
  await useLanguage(page, j.lang);
}

/** Presses Tab (or Shift+Tab) until `locator` has focus, as a keyboard user does. */
async function tabTo(page, locator, { back = false, max = 60 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await locator.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${back ? 'Shift+Tab' : 'Tab'} did not reach ${locator} in ${max} presses`);
}

// ---------------------------------------------------------------- suites, journeys, report

/**
 * One test file's browser and lyceum server (`server: false` for none), plus the
 * records of the pages it checked (`report: false` keeps them out of the report).
 */
async function openSuite(name, { server = true, report = true } = {}) {
  const app = server ? await startServer() : null;
  const browser = await launchBrowser();
  const records = [];
  const journeys = [];
  return {
    name, server: app, browser, records,
    journey(title, options) {
      const j = new Journey(this, title, options);
      journeys.push(j);
      return j;
    },
    /** Runs one journey; fails with the action that broke and every page problem seen. */
    async run(title, options, fn) {
      const j = this.journey(title, options);
      try {
        await fn(j, texts(j.lang));
      } catch (err) {
        await j.failureScreenshots();
        if (j.problems.length) err.message += `\nProblems seen on the pages before that:\n  - ${j.problems.join('\n  - ')}`;
        throw err;
      } finally {
        await j.close();
      }
      j.assertClean();
    },
    async close() {
      for (const j of journeys) await j.close();
      await browser.close();
      if (app) await app.stop();
      if (report) writeReportPart(name, records);
    },
  };
}

/** One person's (or two people's) way through the pages, in one language, with or without JavaScript.
 *  `origin` points it at another server than the suite's (the checkers' self-test fixture). */
class Journey {
  constructor(suite, title, { lang = 'en', js = true, origin, screenshots = true } = {}) {
    Object.assign(this, { suite, title, lang, js, screenshots, problems: [], contexts: [], step: 0 });
    this.origin = origin || suite.server.origin;
    this.url = origin || suite.server.url;
    this.variant = `${lang}${js ? '' : '-nojs'}`;
    this.foreign = [];
  }

  /** A new browser context, as a person with their own browser (cookies, language). */
  async newPage({ locale = this.lang === 'es' ? 'es-US' : 'en-US' } = {}) {
    const context = await this.suite.browser.newContext({ javaScriptEnabled: this.js, locale, viewport: VIEWPORT });
    context.on('request', (req) => {
      const u = req.url();
      if (!/^(data|blob|about):/.test(u) && new URL(u).origin !== this.origin) this.foreign.push(u);
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(10000);
    return page;
  }

  /** Every check on the page as it is now; problems are kept, not thrown, so the journey goes on. */
  async check(page, step, { lang = this.lang, screenshots = this.screenshots, budget = true } = {}) {
    await settle(page);
    this.step += 1;
    const url = page.url();
    const record = {
      suite: this.suite.name, journey: this.title, variant: this.variant, js: this.js, step: this.step, name: step,
      url: url.replace(this.url, '') || '/', title: await page.title(), lang, problems: [], screenshots: [],
    };
    const structure = await checkStructure(page, lang);
    record.htmlLang = structure.facts.lang;
    record.problems.push(...structure.problems);
    const reflow = await checkReflow(page);
    record.pageWidthAt390 = reflow.scrollWidth;
    record.problems.push(...reflow.problems);
    const top = await checkContentTop(page);
    record.contentTopAt390 = top.first && top.first.top;
    record.problems.push(...top.problems);
    record.axe = await runAxe(page, { js: this.js });
    for (const v of record.axe) {
      record.problems.push(`axe ${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} node(s): `
        + v.nodes.slice(0, 3).map((n) => n.target).join(', '));
    }
    record.foreign = this.foreign.splice(0);
    for (const u of record.foreign) record.problems.push(`request to another host: ${u}`);
    if (budget) {
      const b = await measureBudget(this.suite.browser, url, {
        storageState: await page.context().storageState(), js: this.js, origin: this.origin,
      });
      record.bytes = b.bytes;
      record.problems.push(...b.problems);
    }
    if (screenshots) record.screenshots = await this.screenshot(page, step);
    this.suite.records.push(record);
    this.lastRecord = record;
    for (const p of record.problems) this.problems.push(`[${this.variant}] ${record.name} (${record.url}): ${p}`);
    return record;
  }

  async screenshot(page, step) {
    const dir = path.join(RUN_DIR, 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    const files = [];
    const size = page.viewportSize();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      const file = `${slug(this.suite.name)}-${slug(this.title)}-${this.variant}-${String(this.step).padStart(2, '0')}-${slug(step)}-${width}.png`;
      // A long page at a narrow width, on a machine busy with the rest of
      // CI, once took longer than the 10 s default (registry, 2026-12-07).
      await page.screenshot({ path: path.join(dir, file), fullPage: true, timeout: 30000 });
      files.push(`screenshots/${file}`);
    }
    await page.setViewportSize(size);
    return files;
  }

  /** A problem that does not stop the journey; reported with the page problems (and on the last page's record). */
  expect(ok, message) {
    if (!ok) {
      this.problems.push(`[${this.variant}] ${message}`);
      if (this.lastRecord) this.lastRecord.problems.push(message);
    }
    return ok;
  }

  async failureScreenshots() {
    const dir = path.join(RUN_DIR, 'screenshots');
    fs.mkdirSync(dir, { recursive: true });
    let n = 0;
    for (const c of this.contexts) {
      for (const p of c.pages()) {
        const file = path.join(dir, `FAILED-${slug(this.suite.name)}-${slug(this.title)}-${this.variant}-${++n}.png`);
        await p.screenshot({ path: file, fullPage: true }).catch(() => {});
      }
    }
  }

  /** Fails the test with every problem seen on the journey's pages. */
  assertClean() {
    if (this.problems.length) {
      const err = new Error(`${this.problems.length} problem(s) on the pages of "${this.title}" [${this.variant}]:\n  - ${this.problems.join('\n  - ')}`);
      err.problems = this.problems;
      throw err;
    }
  }

  async close() {
    for (const c of this.contexts.splice(0)) await c.close().catch(() => {});
  }
}

/**
 * Writes `file` whole or not at all: test files run at once, and one merges
 * every part (and rewrites the report) while another may be writing.
 */
function writeAtomically(file, text) {
  const partial = `${file}.${process.pid}.partial`;
  fs.writeFileSync(partial, text);
  fs.renameSync(partial, file);
}

function writeReportPart(name, records) {
  const parts = path.join(RUN_DIR, 'parts');
  fs.mkdirSync(parts, { recursive: true });
  writeAtomically(path.join(parts, `${slug(name)}.json`), JSON.stringify(records, null, 2));
  writeReport();
}

/** report.json and report.md of the run, from the parts every test file wrote. */
function writeReport(dir = RUN_DIR) {
  const partsDir = path.join(dir, 'parts');
  const pages = fs.existsSync(partsDir)
    ? fs.readdirSync(partsDir).filter((f) => f.endsWith('.json')).sort().flatMap((f) => JSON.parse(fs.readFileSync(path.join(partsDir, f), 'utf8')))
    : [];
  const withProblems = pages.filter((p) => p.problems.length);
  const report = {
    run: path.basename(dir), written: new Date().toISOString(), axeTags: AXE_TAGS, budgetBytes: BUDGET_BYTES,
    pages: pages.length, pagesWithProblems: withProblems.length, axeViolations: pages.reduce((n, p) => n + (p.axe || []).length, 0),
    visited: pages,
  };
  writeAtomically(path.join(dir, 'report.json'), JSON.stringify(report, null, 2));
  const kb = (b) => (b ? `${(b.counted / 1024).toFixed(1)} KB (html ${b.html}, css ${b.css}, js ${b.js})` : '—');
  const cell = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `# Lyceum browser suite — run ${report.run}`, '',
    `${pages.length} page visits checked; ${withProblems.length} with problems; ${report.axeViolations} axe violation(s) `
      + `(tags ${AXE_TAGS.join(', ')}); budget ${BUDGET_BYTES / 1024} KB of HTML+CSS+JS, uncached and compressed.`, '',
    '| suite | journey | variant | # | page | url | lang | axe | transferred | screenshots | problems |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...pages.map((p) => `| ${cell(p.suite)} | ${cell(p.journey)} | ${p.variant} | ${p.step} | ${cell(p.name)} | \`${cell(p.url)}\` | ${p.lang} `
      + `| ${p.axe ? (p.axe.length ? `${p.axe.length} violation(s): ${p.axe.map((v) => v.id).join(', ')}` : 'pass') : '—'} `
      + `| ${kb(p.bytes)} | ${p.screenshots.map((s) => `[${s.match(/-(\d+)\.png$/)[1]}](${s})`).join(' ') || '—'} `
      + `| ${p.problems.length ? cell(p.problems.join('; ')) : 'none'} |`),
    '',
  ];
  writeAtomically(path.join(dir, 'report.md'), lines.join('\n'));
  return report;
}

if (require.main === module) {
  const dir = process.argv[2] || RUN_DIR;
  const r = writeReport(dir);
  console.log(`report: ${path.join(dir, 'report.md')} (${r.pages} page visits, ${r.pagesWithProblems} with problems)`);
}

module.exports = {
  PASSWORD, AXE_TAGS, BUDGET_BYTES, RUN_DIR, texts, either, startServer, waitForMail, parseMail, launchBrowser, openSuite,
  settle, replaced, heading, expectHeading, useLanguage, expectFlash, signIn, openMenu, runAxe, checkStructure, checkReflow, checkContentTop, measureBudget, auditFocus, tabTo, writeReport,
};
