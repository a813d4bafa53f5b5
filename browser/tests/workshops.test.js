'use strict';
// Workshops (issue 18): Columbus's admin creates a workshop with two sessions
// and two seats, led by Marcus Lee; three people register and the third is
// waitlisted; the second cancels, and the third is promoted and emailed; the
// facilitator marks attendance on a 360 px wide phone; the credit shows on
// both attendees' transcripts; the workshop's .ics file and the personal
// calendar feed are read back by an independent iCalendar parser (ical.js).
// In English and Spanish with JavaScript, and in English without it.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const ICAL = require('ical.js');
const h = require('../lib/helpers');

const ADMIN = 'orgadmin@columbus.example.org';
const DISTRICT = 'Columbus City Schools';
const FACILITATOR = { email: 'facilitator@columbus.example.org', name: 'Marcus Lee' };
const ZONE = 'America/New_York';
// Each variant its own people and hours (so no one is double-booked across variants).
const VARIANTS = [
  {
    lang: 'en', js: true, start: '09:00', end: '11:30',
    people: [
      { email: 'educator@columbus.example.org', name: 'Ana Rivera' },
      { email: 'author@lyceum.example.org', name: 'Priya Nair' },
      { email: 'researcher@lyceum.example.org', name: 'Jordan Ellis' },
    ],
  },
  {
    lang: 'es', js: true, start: '13:00', end: '15:30',
    people: [
      { email: 'researcher@lyceum.example.org', name: 'Jordan Ellis' },
      { email: 'educator@columbus.example.org', name: 'Ana Rivera' },
      { email: 'moderator@atf.example.org', name: 'Dolores Chávez' },
    ],
  },
  {
    lang: 'en', js: false, start: '17:00', end: '19:30',
    people: [
      { email: 'moderator@atf.example.org', name: 'Dolores Chávez' },
      { email: 'researcher@lyceum.example.org', name: 'Jordan Ellis' },
      { email: 'author@lyceum.example.org', name: 'Priya Nair' },
    ],
  },
];

/** The calendar day `days` from now on the zone's clocks, as YYYY-MM-DD. */
function dayIn(days) {
  return new Date(Date.now() + days * 86400000).toLocaleDateString('en-CA', { timeZone: ZONE });
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Parses iCalendar text with ical.js; returns the calendar component. */
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

/** The events of `title` in a parsed calendar, sorted by start. */
function eventsOf(cal, title) {
  return cal.getAllSubcomponents('vevent')
    .map((c) => new ICAL.Event(c))
    .filter((e) => e.summary === title)
    .sort((a, b) => a.startDate.toUnixTime() - b.startDate.toUnixTime());
}

let suite;
before(async () => { suite = await h.openSuite('workshops'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a workshop is run: created, registered, waitlist promoted, attendance, credit, calendars [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('a workshop from creation to credit', variant, async (j, t) => {
      const title = `Feedback with AI, in practice (${j.variant})`;
      const dates = [dayIn(8), dayIn(15)];
      const [first, second, third] = variant.people;

      // ---- The admin creates the workshop.
      const admin = await j.newPage();
      await h.signIn(admin, j, t, ADMIN);
      await admin.getByRole('main').getByRole('link', { name: t('home-manage', { name: DISTRICT }) }).click();
      await h.expectHeading(admin, t('org-admin-overview-title'));
      await admin.getByRole('navigation', { name: t('org-admin-tabs-label') }).getByRole('link', { name: t('offerings-admin-title') }).click();
      await h.expectHeading(admin, t('offerings-admin-title'));
      await j.check(admin, 'workshops: admin list');
      await admin.getByRole('main').getByRole('link', { name: t('offerings-new-title'), exact: true }).click();
      await h.expectHeading(admin, t('offerings-new-title'));
      await j.check(admin, 'new workshop form');

      const form = admin.getByRole('main');
      await form.getByLabel(t('offerings-field-title'), { exact: true }).fill(title);
      await form.getByLabel(t('offerings-field-description'), { exact: true }).fill(
        'Two afternoons on giving students feedback with an AI assistant: what to ask it, what to check, and what stays the teacher’s call.');
      await form.getByLabel(t('offerings-field-language'), { exact: true }).selectOption({ label: t(`offerings-language-${j.lang}`) });
      await form.getByLabel(t('offerings-field-hours'), { exact: true }).fill('5');
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
        await row.getByLabel(t('offerings-session-venue'), { exact: true }).fill('Columbus Teaching Hub');
        await row.getByLabel(t('offerings-session-address'), { exact: true }).fill('270 E State St, Columbus, OH 43215');
        await row.getByLabel(t('offerings-session-room'), { exact: true }).fill(`Room ${204 + i}`);
      }
      await form.locator('p.actions').getByRole('button', { name: t('offerings-save'), exact: true }).click();
      await h.expectFlash(admin, t('flash-offering-created'));
      await h.expectHeading(admin, t('offerings-edit-title'));
      await j.check(admin, 'workshop created: edit form');
      await admin.getByRole('navigation', { name: t('breadcrumbs-label') }).getByRole('link', { name: t('offerings-manage-back') }).click();
      await h.expectHeading(admin, title);
      const offeringUrl = admin.url();
      assert.match(offeringUrl, /\/offerings\/\d+$/);
      await j.check(admin, 'the workshop, as its admin');

      // ---- Three people register; the third is waitlisted.
      const pages = {};
      for (const [i, person] of variant.people.entries()) {
        const page = await j.newPage();
        pages[person.email] = page;
        await h.signIn(page, j, t, person.email);
        if (i === 0) {
          // The first finds it in the list.
          await page.goto(`${j.url}/offerings`);
          await h.expectHeading(page, t('offerings-title'));
          await j.check(page, 'workshops: find');
          await page.getByRole('main').getByRole('link', { name: title, exact: true }).click();
        } else {
          await page.goto(offeringUrl);
        }
        await h.expectHeading(page, title);
        const expected = i < 2 ? t('offering-register-seat') : t('offering-register-waitlist');
        assert.ok((await page.locator('#f-offering').innerText()).includes(expected), `${person.email} is told: ${expected}`);
        if (i === 0) await j.check(page, 'the workshop, before registering');
        await page.getByRole('main').getByRole('button', { name: t('offering-register'), exact: true }).click();
        await h.expectFlash(page, i < 2 ? t('flash-offering-seat-taken') : t('flash-offering-waitlisted'));
        await h.expectHeading(page, title);
        if (i === 0) await j.check(page, 'registered: a seat');
        if (i === 2) {
          await j.check(page, 'registered: waitlisted');
        }
      }
      const seats = await pages[first.email].getByRole('definition').allInnerTexts();
      j.expect(seats.some((s) => /\b2\b/.test(s)), `the page counts 2 seats: ${seats.join(' | ')}`);

      // ---- The second cancels; the third is promoted and emailed.
      const leaving = pages[second.email];
      await leaving.reload();
      await leaving.getByRole('main').getByRole('button', { name: t('offering-cancel-registration'), exact: true }).click();
      await h.expectFlash(leaving, t('flash-offering-left'));
      await j.check(leaving, 'registration cancelled');

      const body = (lang) => h.texts(lang)('email-workshop-seat_confirmed-body', { offering: title, when: '\u0000' }).split('\u0000')[0];
      const mail = await h.waitForMail(suite.server, third.email, new RegExp(`${escape(body('en'))}|${escape(body('es'))}`));
      assert.ok([h.texts('en')('email-workshop-seat_confirmed-subject'), h.texts('es')('email-workshop-seat_confirmed-subject')].includes(mail.subject),
        `the promoted person's email subject: ${mail.subject}`);
      assert.ok(mail.links.some((l) => l.endsWith(new URL(offeringUrl).pathname)), `the email links the workshop: ${mail.links.join(', ')}`);
      const thirdPage = pages[third.email];
      await thirdPage.reload();
      await h.expectHeading(thirdPage, title);
      assert.ok((await thirdPage.locator('#f-offering').innerText()).includes(t('offering-you-confirmed')), 'the promoted person has a seat');
      await j.check(thirdPage, 'promoted from the waitlist');

      // ---- The .ics file of the workshop, read by ical.js.
      const icsHref = await thirdPage.getByRole('main').getByRole('link', { name: t('offering-calendar-all'), exact: true }).getAttribute('href');
      const ics = await thirdPage.request.get(new URL(icsHref, j.url).href);
      assert.equal(ics.status(), 200, `GET ${icsHref}`);
      assert.match(ics.headers()['content-type'], /^text\/calendar/);
      const fileCal = parseCalendar(await ics.text(), `${icsHref}`);
      const fileEvents = eventsOf(fileCal, title);
      assert.equal(fileEvents.length, 2, 'two sessions in the .ics file');
      assert.ok(fileCal.getAllSubcomponents('vtimezone').some((z) => z.getFirstPropertyValue('tzid') === ZONE), 'a VTIMEZONE for the zone');
      for (const [i, e] of fileEvents.entries()) {
        assert.equal(e.component.getFirstProperty('dtstart').getParameter('tzid'), ZONE, 'DTSTART in the session zone');
        assert.equal(e.startDate.toString().slice(0, 10), dates[i]);
        assert.equal(`${String(e.startDate.hour).padStart(2, '0')}:${String(e.startDate.minute).padStart(2, '0')}`, variant.start);
        assert.ok(e.location.includes('Columbus Teaching Hub'), `LOCATION: ${e.location}`);
        assert.ok(e.uid, 'a UID');
      }
      assert.notEqual(fileEvents[0].uid, fileEvents[1].uid, 'one UID per session');

      // ---- The personal feed, made on /calendar and read without cookies.
      await thirdPage.goto(`${j.url}/calendar`);
      await h.expectHeading(thirdPage, t('calendar-title'));
      await j.check(thirdPage, 'calendar feed');
      await thirdPage.locator('main form[action="/calendar/reset"] button').click();
      await h.expectHeading(thirdPage, t('calendar-title'));
      const feedUrl = await thirdPage.getByLabel(t('calendar-feed-label'), { exact: true }).inputValue();
      await j.check(thirdPage, 'calendar feed made');
      const feed = await fetch(feedUrl);
      assert.equal(feed.status, 200, `GET the feed (${feedUrl})`);
      const feedEvents = eventsOf(parseCalendar(await feed.text(), 'the feed'), title);
      assert.deepEqual(feedEvents.map((e) => e.uid), fileEvents.map((e) => e.uid), 'the feed holds the two sessions, with the same UIDs as the file');

      // ---- The facilitator marks both sessions on a 360 px wide phone.
      const fac = await j.newPage();
      await fac.setViewportSize({ width: 360, height: 780 });
      await h.signIn(fac, j, t, FACILITATOR.email);
      await fac.goto(offeringUrl);
      await h.expectHeading(fac, title);
      await fac.getByRole('main').getByRole('link', { name: t('offering-roster-link'), exact: true }).click();
      await h.expectHeading(fac, t('workshop-roster-title', { offering: title }));
      await j.check(fac, 'roster, before attendance');
      for (const n of [1, 2]) {
        await fac.getByRole('main').getByRole('link', { name: t('workshop-roster-mark') }).nth(n - 1).click();
        await h.expectHeading(fac, t('workshop-attendance-title', { n, offering: title }));
        const sheet = fac.getByRole('main');
        for (const person of [first, third]) {
          await sheet.getByRole('group', { name: person.name, exact: true }).getByRole('radio', { name: t('attendance-mark-present'), exact: true }).check();
        }
        const wide = await fac.evaluate(() => document.documentElement.scrollWidth);
        j.expect(wide <= 360, `the attendance sheet scrolls sideways at 360 px (${wide} px wide)`);
        if (n === 1) await j.check(fac, 'attendance sheet at 360 px');
        await sheet.getByRole('button', { name: t('workshop-attendance-save'), exact: true }).click();
        await h.expectFlash(fac, t('flash-attendance-saved'));
        if (!(await h.heading(fac, t('workshop-roster-title', { offering: title })).isVisible())) {
          await fac.getByRole('navigation', { name: t('breadcrumbs-label') }).getByRole('link', { name: t('workshop-attendance-back') }).click();
        }
        await h.expectHeading(fac, t('workshop-roster-title', { offering: title }));
      }
      const seated = fac.getByRole('table', { name: t('workshop-roster-confirmed', { count: 2 }) });
      for (const person of [first, third]) {
        const cells = await seated.getByRole('row').filter({ hasText: person.email }).getByRole('cell').allInnerTexts();
        assert.equal(cells.at(-1).trim(), t('workshop-roster-credited'), `${person.name}'s credit on the roster: ${cells.join(' | ')}`);
      }
      await j.check(fac, 'roster, attendance taken');

      // ---- The credit shows on both attendees' transcripts, not on the one who left.
      for (const person of [first, third, second]) {
        const page = pages[person.email];
        await page.goto(`${j.url}/transcript`);
        await h.expectHeading(page, t('transcript-title'));
        const row = page.getByRole('row').filter({ hasText: title });
        if (person === second) {
          assert.equal(await row.count(), 0, `${person.name} left: no credit`);
          continue;
        }
        const cells = await row.getByRole('cell').allInnerTexts();
        assert.equal(cells[2]?.trim(), t('pd-source-workshop'), `${person.name}'s transcript row: ${cells.join(' | ')}`);
        assert.match(cells[3]?.trim() ?? '', /^5([.,]0+)?$/, `${person.name}'s hours: ${cells.join(' | ')}`);
        if (person === first) await j.check(page, 'transcript with the workshop');
      }
    }));
}
