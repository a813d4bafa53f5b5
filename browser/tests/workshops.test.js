'use strict';
// Workshops (issue 18), from planning to credit: Columbus's admin creates a
// workshop with two sessions and two seats, led by Marcus Lee; three new
// educators register (each with an account made for the journey) and the
// third is waitlisted; the second cancels, and the third is promoted and
// emailed; the .ics file of the workshop and the third's calendar feed are
// read back by an independent iCalendar parser (ical.js), times checked
// against the zone's rules; the facilitator marks attendance on a 360 px
// wide phone (five marks per person, one Save); the credit reaches both
// attendees' transcripts, and not the one who left. In English and Spanish
// with JavaScript, and in English without it.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const ICAL = require('ical.js');
const h = require('../lib/helpers');

const ADMIN = 'orgadmin@columbus.example.org';
const DISTRICT = 'Columbus City Schools';
const SCHOOL = 'Lincoln Elementary';
const FACILITATOR = { email: 'facilitator@columbus.example.org', name: 'Marcus Lee' };
const ZONE = 'America/New_York';
const VENUE = 'Columbus Teaching and Learning Hub';
const PASSPHRASE = 'seven quiet harbour lanterns';
const MARKS = ['present', 'late', 'left_early', 'absent', 'excused'];

// Each variant its own educators (new accounts) and its own hours, so
// nobody (the facilitator included) is booked twice across variants.
const VARIANTS = [
  {
    lang: 'en', js: true, start: '09:00', end: '11:30',
    people: [['Rosa Medina', 'rosa.medina'], ['Kwame Asante', 'kwame.asante'], ['Hannah Berg', 'hannah.berg']],
  },
  {
    lang: 'es', js: true, start: '13:00', end: '15:30',
    people: [['Lucía Morales', 'lucia.morales'], ['Diego Paredes', 'diego.paredes'], ['Carmen Ruiz', 'carmen.ruiz']],
  },
  {
    lang: 'en', js: false, start: '17:00', end: '19:30',
    people: [['Noah Fischer', 'noah.fischer'], ['Amara Okoye', 'amara.okoye'], ['Liam Walsh', 'liam.walsh']],
  },
];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern for `text` that lets any run of white space (a wrapped email line) stand for a space. */
const loosely = (text) => new RegExp(escape(text).replace(/\s+/g, '\\s+'));

/** The calendar day `days` from now on the zone's clocks, as YYYY-MM-DD. */
function dayIn(days) {
  return new Date(Date.now() + days * 86400000).toLocaleDateString('en-CA', { timeZone: ZONE });
}

/** The instant a wall-clock `date` `time` in `zone` is, from the zone rules Node carries (not the app's). */
function instant(date, time, zone) {
  const [y, mo, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, hh, mm);
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  });
  const offsetAt = (ms) => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute) - ms;
  };
  return wall - offsetAt(wall - offsetAt(wall));
}

/** A plural message's variant (`one`, `0`, `other`) from the app's catalogue, with `count` filled in. */
function plural(lang, key, selector, count = selector) {
  const file = path.join(__dirname, '..', '..', 'crates', 'domain', 'locales', `${lang}.ftl`);
  const block = new RegExp(`^${escape(key)} = \\{ \\$count ->\\n([\\s\\S]*?)\\n\\}`, 'm').exec(fs.readFileSync(file, 'utf8'));
  if (!block) throw new Error(`no plural message ${key} in ${lang}.ftl`);
  const variants = {};
  for (const line of block[1].split('\n')) {
    const v = /^\s*\*?\[(\w+)\]\s*(.*)$/.exec(line);
    if (v) variants[v[1]] = v[2].trim();
  }
  if (!(selector in variants)) throw new Error(`no variant [${selector}] of ${key} in ${lang}.ftl`);
  return variants[selector].replace(/\{ \$count \}/g, String(count));
}

/** The emails in the outbox so far to `to` whose text matches `pattern`. */
function mailsTo(server, to, pattern) {
  if (!fs.existsSync(server.outbox)) return [];
  return fs.readdirSync(server.outbox).filter((f) => f.endsWith('.eml'))
    .map((f) => h.parseMail(fs.readFileSync(path.join(server.outbox, f), 'utf8')))
    .filter((m) => m.to.toLowerCase().includes(to.toLowerCase()) && pattern.test(m.text));
}

/** Parses iCalendar text with ical.js; returns the VCALENDAR component. */
function parseCalendar(text, what) {
  let cal;
  try {
    cal = new ICAL.Component(ICAL.parse(text));
  } catch (err) {
    assert.fail(`${what} does not parse as iCalendar: ${err.message}\n${text}`);
  }
  assert.equal(cal.name, 'vcalendar', what);
  return cal;
}

/** The events of a parsed calendar, sorted by start. */
function eventsOf(cal) {
  return cal.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
    .sort((a, b) => a.startDate.toJSDate() - b.startDate.toJSDate());
}

/**
 * A new educator at Lincoln Elementary: registers with a Columbus address
 * in the journey's language, confirms it from the email, signs in and
 * answers the first step. Returns their signed-in page.
 */
async function newEducator(j, t, person) {
  const page = await j.newPage();
  await page.goto(`${j.url}/register`);
  await h.expectHeading(page, t('register-title'));
  await page.getByLabel(t('field-display-name'), { exact: true }).fill(person.name);
  await page.getByLabel(t('field-email'), { exact: true }).fill(person.email);
  await page.getByLabel(t('field-new-password'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('radio', { name: t(`lang-${j.lang}`), exact: true }).check();
  await page.getByRole('button', { name: t('register-button'), exact: true }).click();
  await h.expectFlash(page, t('flash-registered'));
  const mail = await h.waitForMail(j.suite.server, person.email, /\/verify-email\?token=/);
  await page.goto(mail.links.find((l) => l.includes('/verify-email?token=')));
  await h.expectFlash(page, t('flash-verified'));
  await page.getByLabel(t('field-email'), { exact: true }).fill(person.email);
  await page.getByLabel(t('field-password'), { exact: true }).fill(PASSPHRASE);
  await page.getByRole('main').getByRole('button', { name: t('sign-in-button'), exact: true }).click();
  await h.expectHeading(page, t('welcome-title'));
  await page.getByLabel(t('welcome-school'), { exact: true }).selectOption({ label: SCHOOL });
  await page.getByLabel(t('subject-science'), { exact: true }).check();
  await page.getByRole('button', { name: t('welcome-save'), exact: true }).click();
  await h.expectHeading(page, t('home-welcome', { name: person.name }));
  return page;
}

let suite;
before(async () => { suite = await h.openSuite('workshops'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a workshop from creation to credit: register, waitlist, promotion, calendars, attendance at 360 px, transcripts [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('a workshop from creation to credit', variant, async (j, t) => {
      const title = j.lang === 'es'
        ? `La retroalimentación con IA, en la práctica (${j.variant})`
        : `Feedback with AI, in practice (${j.variant})`;
      const dates = [dayIn(8), dayIn(15)];
      const hours = j.lang === 'es' ? '4,5' : '4.5';
      const [first, second, third] = variant.people.map(([name, local]) => ({
        name, email: `${local}.${j.variant}@columbus.example.org`,
      }));

      // ---- The admin creates the workshop: two sessions, two seats.
      const admin = await j.newPage();
      await h.signIn(admin, j, t, ADMIN);
      await admin.getByRole('main').getByRole('link', { name: t('home-manage', { name: DISTRICT }) }).click();
      await h.expectHeading(admin, t('org-admin-overview-title'));
      await admin.getByRole('navigation', { name: t('org-admin-tabs-label') }).getByRole('link', { name: t('offerings-admin-title') }).click();
      await h.expectHeading(admin, t('offerings-admin-title'));
      await j.check(admin, 'workshops: the admin list');
      await admin.getByRole('main').getByRole('link', { name: t('offerings-new-title'), exact: true }).click();
      await h.expectHeading(admin, t('offerings-new-title'));
      await j.check(admin, 'new workshop form');

      const form = admin.getByRole('main');
      await form.getByLabel(t('offerings-field-title'), { exact: true }).fill(title);
      await form.getByLabel(t('offerings-field-description'), { exact: true }).fill(j.lang === 'es'
        ? 'Dos tardes sobre cómo dar retroalimentación a los estudiantes con un asistente de IA: qué pedirle, qué revisar y qué decide siempre el docente.'
        : 'Two afternoons on giving students feedback with an AI assistant: what to ask it, what to check, and what stays the teacher’s call.');
      await form.getByLabel(t('offerings-field-language'), { exact: true }).selectOption({ label: t(`offerings-language-${j.lang}`) });
      await form.getByLabel(t('offerings-field-hours'), { exact: true }).fill(hours);
      await form.getByLabel(t('offerings-field-capacity'), { exact: true }).fill('2');
      await form.getByLabel(t('offerings-field-opens'), { exact: true }).fill(dayIn(-1));
      await form.getByLabel(t('offerings-field-closes'), { exact: true }).fill(dates[1]);
      await form.getByRole('group', { name: t('offerings-field-facilitators') })
        .getByLabel(`${FACILITATOR.name} (${FACILITATOR.email})`, { exact: true }).check();
      for (const [i, date] of dates.entries()) {
        const row = form.getByRole('group', { name: t('offerings-session-legend', { count: i + 1 }), exact: true });
        await row.getByLabel(t('offerings-session-date'), { exact: true }).fill(date);
        await row.getByLabel(t('offerings-session-start'), { exact: true }).fill(variant.start);
        await row.getByLabel(t('offerings-session-end'), { exact: true }).fill(variant.end);
        await row.getByLabel(t('offerings-session-zone'), { exact: true }).fill(ZONE);
        await row.getByLabel(t('offerings-session-venue'), { exact: true }).fill(VENUE);
        await row.getByLabel(t('offerings-session-address'), { exact: true }).fill('270 E State St, Columbus, OH 43215');
        await row.getByLabel(t('offerings-session-room'), { exact: true }).fill(`Room ${204 + i}`);
      }
      await form.locator('p.actions').getByRole('button', { name: t('offerings-save'), exact: true }).click();
      await h.expectFlash(admin, t('flash-offering-created'));
      await h.expectHeading(admin, t('offerings-edit-title'));
      await j.check(admin, 'workshop created: its edit form');
      await admin.getByRole('navigation', { name: t('breadcrumbs-label') }).getByRole('link', { name: t('offerings-manage-back') }).click();
      await h.expectHeading(admin, title);
      const offeringUrl = admin.url();
      assert.match(offeringUrl, /\/offerings\/\d+$/);
      const offeringPath = new URL(offeringUrl).pathname;
      /** What the workshop's page says of its seats (the description beside "Seats"). */
      const seats = (page) => page.locator('dl.summary-list > dt', { hasText: new RegExp(`^${escape(t('offering-seats'))}$`) })
        .locator('xpath=following-sibling::dd[1]').innerText();
      assert.equal((await seats(admin)).trim(), t('offering-capacity', { capacity: 2, seats: plural(j.lang, 'offering-seats-left', 'other', 2) }));
      await j.check(admin, 'the workshop, as its admin');

      // ---- Three educators register: two seats, then the waitlist.
      const pages = new Map();
      const seatMail = loosely(t('email-workshop-seat_confirmed-body', { offering: title, when: '\u0000' }).split('\u0000')[0]);
      for (const [i, person] of [first, second, third].entries()) {
        const page = await newEducator(j, t, person);
        pages.set(person, page);
        if (i === 0) {
          // The first finds it among the workshops.
          await page.getByRole('navigation', { name: t('nav-label') }).getByRole('link', { name: t('nav-workshops'), exact: true }).click();
          await h.expectHeading(page, t('offerings-title'));
          await j.check(page, 'workshops: finding one');
          await page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
        } else {
          await page.goto(offeringUrl);
        }
        await h.expectHeading(page, title);
        const registration = page.locator('#f-offering');
        const offered = i < 2 ? t('offering-register-seat') : t('offering-register-waitlist');
        assert.equal((await registration.locator('p').first().innerText()).trim(), offered, `${person.name} is told`);
        if (i === 0) await j.check(page, 'the workshop, before registering');
        await registration.getByRole('button', { name: t('offering-register'), exact: true }).click();
        await h.expectFlash(page, i < 2 ? t('flash-offering-seat-taken') : t('flash-offering-waitlisted'));
        await h.expectHeading(page, title);
        const standing = (await registration.innerText());
        if (i < 2) {
          assert.ok(standing.includes(t('offering-you-confirmed')), `${person.name} holds a seat: ${standing}`);
          // Told by email that the seat is theirs, in their language.
          await h.waitForMail(suite.server, person.email, seatMail);
        } else {
          assert.ok(standing.includes(plural(j.lang, 'offering-you-waitlisted', 'one')), `${person.name} is next on the waitlist: ${standing}`);
        }
        if (i === 0) await j.check(page, 'registered: a seat');
        if (i === 2) await j.check(page, 'registered: on the waitlist');
      }
      const fullWithOne = t('offering-capacity', { capacity: 2, seats: plural(j.lang, 'offering-full-waitlist', 'one') });
      assert.equal((await seats(pages.get(third))).trim(), fullWithOne, 'two seats taken, one waiting');
      // The seats' emails have gone out (the worker sends in order): none told the waitlisted one of a seat.
      assert.equal(mailsTo(suite.server, third.email, seatMail).length, 0, `${third.name} was emailed a seat while waitlisted`);

      // ---- The second cancels; the third is promoted and emailed.
      const leaving = pages.get(second);
      await leaving.reload();
      await leaving.locator('#f-offering').getByRole('button', { name: t('offering-cancel-registration'), exact: true }).click();
      await h.expectFlash(leaving, t('flash-offering-left'));
      await h.expectHeading(leaving, title);
      // The freed seat went to the waitlist at once: full again, nobody waiting.
      const fullNoneWaiting = t('offering-capacity', { capacity: 2, seats: plural(j.lang, 'offering-full-waitlist', '0') });
      assert.equal((await seats(leaving)).trim(), fullNoneWaiting, 'the seat freed was given to the waitlist');
      assert.ok((await leaving.locator('#f-offering').innerText()).includes(t('offering-register-waitlist')), 'the one who left would now wait');
      await j.check(leaving, 'registration cancelled');

      const mail = await h.waitForMail(suite.server, third.email, seatMail);
      assert.equal(mail.subject, t('email-workshop-seat_confirmed-subject'), 'the promoted person is emailed in their language');
      assert.ok(mail.links.some((l) => new URL(l).pathname === offeringPath), `the email links the workshop: ${mail.links.join(', ')}`);
      const promoted = pages.get(third);
      await promoted.goto(mail.links.find((l) => new URL(l).pathname === offeringPath).replace(/^https?:\/\/[^/]+/, j.url));
      await h.expectHeading(promoted, title);
      assert.ok((await promoted.locator('#f-offering').innerText()).includes(t('offering-you-confirmed')), 'the promoted person has a seat');
      await j.check(promoted, 'promoted from the waitlist');

      // ---- The workshop's .ics file, read by ical.js.
      const icsHref = await promoted.getByRole('main').getByRole('link', { name: t('offering-calendar-all'), exact: true }).getAttribute('href');
      const ics = await promoted.request.get(new URL(icsHref, j.url).href);
      assert.equal(ics.status(), 200, `GET ${icsHref}`);
      assert.match(ics.headers()['content-type'], /^text\/calendar/);
      const fileCal = parseCalendar(await ics.text(), icsHref);
      const fileEvents = eventsOf(fileCal);
      assert.deepEqual(fileEvents.map((e) => e.summary), [title, title], 'the two sessions, and only them, in the .ics file');
      assert.ok(fileCal.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === ZONE), `a VTIMEZONE for ${ZONE}`);
      for (const [i, e] of fileEvents.entries()) {
        assert.equal(e.component.getFirstProperty('dtstart').getParameter('tzid'), ZONE, 'DTSTART on the session zone');
        // ical.js turns the wall-clock time into an instant with the file's VTIMEZONE; Node's zone rules must agree.
        assert.equal(e.startDate.toJSDate().toISOString(), new Date(instant(dates[i], variant.start, ZONE)).toISOString(), `session ${i + 1} starts`);
        assert.equal(e.endDate.toJSDate().toISOString(), new Date(instant(dates[i], variant.end, ZONE)).toISOString(), `session ${i + 1} ends`);
        assert.ok(e.location.includes(VENUE) && e.location.includes(`Room ${204 + i}`), `LOCATION: ${e.location}`);
        assert.ok(e.uid, 'a UID');
        // iTIP (RFC 5546) wants an organiser in PUBLISH and CANCEL: the programme's mailbox.
        assert.match(e.component.getFirstPropertyValue('organizer') || '', /^mailto:.+@/, 'an ORGANIZER');
      }
      assert.notEqual(fileEvents[0].uid, fileEvents[1].uid, 'one UID per session');

      // ---- The personal feed, made on /calendar and read without cookies.
      await promoted.getByRole('main').getByRole('link', { name: t('offering-calendar-feed'), exact: true }).click();
      await h.expectHeading(promoted, t('calendar-title'));
      await j.check(promoted, 'calendar feed');
      await promoted.getByRole('main').getByRole('button', { name: t('calendar-make'), exact: true }).click();
      await promoted.getByRole('heading', { name: t('calendar-created-title') }).waitFor();
      await h.settle(promoted);
      const feedUrl = await promoted.getByLabel(t('calendar-feed-label'), { exact: true }).inputValue();
      // The address is shown once, from the POST: there is no page to load again for the budget.
      await j.check(promoted, 'calendar feed made', { budget: false });
      const feed = await fetch(feedUrl.replace(/^https?:\/\/[^/]+/, j.url));
      assert.equal(feed.status, 200, `GET the feed (${feedUrl})`);
      assert.match(feed.headers.get('content-type'), /^text\/calendar/);
      const feedEvents = eventsOf(parseCalendar(await feed.text(), 'the feed'));
      assert.deepEqual(feedEvents.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString()]),
        fileEvents.map((e) => [e.uid, e.summary, e.startDate.toJSDate().toISOString()]),
        'the feed holds the two sessions as the file has them, and nothing else');

      // ---- The facilitator marks both sessions on a 360 px wide phone.
      const fac = await j.newPage();
      await fac.setViewportSize({ width: 360, height: 780 });
      /** The page's own width at 360 px (j.check looks at 390): a problem on the page just checked. */
      const at360 = async (page) => {
        const reflow = await h.checkReflow(page, 360);
        j.expect(reflow.problems.length === 0, `${new URL(page.url()).pathname}: ${reflow.problems.join('; ')}`);
      };
      await h.signIn(fac, j, t, FACILITATOR.email);
      await fac.goto(offeringUrl);
      await h.expectHeading(fac, title);
      await fac.getByRole('main').getByRole('link', { name: t('offering-roster-link'), exact: true }).click();
      const rosterTitle = t('workshop-roster-title', { offering: title });
      await h.expectHeading(fac, rosterTitle);
      await j.check(fac, 'roster, before attendance');
      await at360(fac);
      const marks = { [first.email]: ['present', 'present'], [third.email]: ['present', 'late'] };
      for (const n of [1, 2]) {
        const session = t('workshop-roster-session-n', { n });
        // "Mark attendance", and for screen readers which session (a visually hidden ": Session n").
        await fac.getByRole('main').getByRole('link', { name: new RegExp(`^${escape(t('workshop-roster-mark'))}\\s*:\\s*${escape(session)}$`) }).click();
        const sheetTitle = t('workshop-attendance-title', { n, offering: title });
        await h.expectHeading(fac, sheetTitle);
        const sheet = fac.getByRole('main');
        // One group per seat holder (the one who left is not on it), five marks each.
        const groups = await sheet.getByRole('group').evaluateAll((gs) => gs.map((g) => g.querySelector('legend').textContent.trim()));
        assert.deepEqual(groups.sort(), [first.name, third.name].sort(), 'the sheet lists the two seat holders');
        for (const person of [first, third]) {
          const group = sheet.getByRole('group', { name: person.name, exact: true });
          const radios = group.getByRole('radio');
          assert.deepEqual(await radios.evaluateAll((rs) => rs.map((r) => r.labels[0].textContent.trim())),
            MARKS.map((m) => t(`attendance-mark-${m}`)), `five marks for ${person.name}`);
          await group.getByRole('radio', { name: t(`attendance-mark-${marks[person.email][n - 1]}`), exact: true }).check();
        }
        if (n === 1) {
          await j.check(fac, 'attendance sheet at 360 px');
          await at360(fac);
          // Every mark and the Save button inside the screen.
          const outside = await sheet.locator('input[type=radio], button[type=submit]').evaluateAll((els) => els
            .filter((el) => { const r = el.getBoundingClientRect(); return r.left < 0 || r.right > document.documentElement.clientWidth; })
            .map((el) => el.outerHTML.slice(0, 80)));
          j.expect(outside.length === 0, `at 360 px, controls outside the screen: ${outside.join(', ')}`);
        }
        await sheet.getByRole('button', { name: t('workshop-attendance-save'), exact: true }).click();
        await h.expectFlash(fac, t('flash-attendance-saved'));
        await h.expectHeading(fac, sheetTitle);
        // Saved: the sheet comes back with the marks chosen.
        for (const person of [first, third]) {
          const chosen = sheet.getByRole('group', { name: person.name, exact: true })
            .getByRole('radio', { name: t(`attendance-mark-${marks[person.email][n - 1]}`), exact: true });
          assert.ok(await chosen.isChecked(), `${person.name}'s mark at session ${n} is kept`);
        }
        if (n === 1) {
          await j.check(fac, 'attendance saved at 360 px');
          await at360(fac);
        }
        await fac.getByRole('navigation', { name: t('breadcrumbs-label') }).getByRole('link', { name: t('workshop-attendance-back'), exact: true }).click();
        await h.expectHeading(fac, rosterTitle);
      }
      const seated = fac.getByRole('table', { name: t('workshop-roster-confirmed', { count: 2 }) });
      for (const person of [first, third]) {
        const cells = await seated.getByRole('row').filter({ hasText: person.email }).getByRole('cell').allInnerTexts();
        assert.deepEqual(cells.map((c) => c.trim()),
          [person.name, person.email, ...marks[person.email].map((m) => t(`attendance-mark-${m}`)), t('workshop-roster-credited')],
          `${person.name} on the roster`);
      }
      assert.equal(await seated.getByRole('row').filter({ hasText: second.email }).count(), 0, `${second.name} left: not on the roster`);
      await h.heading(fac, rosterTitle).waitFor();
      await fac.getByRole('heading', { level: 2, name: t('workshop-roster-waitlist', { count: 0 }), exact: true }).waitFor();
      await j.check(fac, 'roster, attendance taken');
      await at360(fac);

      // ---- The credit is on both attendees' transcripts, not on the one who left.
      for (const person of [first, third, second]) {
        const page = pages.get(person);
        await page.goto(`${j.url}/`);
        await page.getByRole('navigation', { name: t('nav-label') }).getByRole('link', { name: t('nav-transcript'), exact: true }).click();
        await h.expectHeading(page, t('transcript-title'));
        const row = page.getByRole('row').filter({ hasText: title });
        if (person === second) {
          assert.equal(await row.count(), 0, `${person.name} left: no credit`);
          continue;
        }
        const cells = (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
        assert.deepEqual(cells.slice(2), [t('pd-source-workshop'), hours], `${person.name}'s transcript row: ${cells.join(' | ')}`);
        assert.ok(cells[1].startsWith(title), `${person.name}'s transcript names the workshop: ${cells[1]}`);
        await row.getByRole('link', { name: new RegExp(`^${escape(t('transcript-certificate'))}\\s*:\\s*${escape(title)}$`) }).waitFor();
        if (person === first) await j.check(page, 'transcript with the workshop');
      }
    }));
}
