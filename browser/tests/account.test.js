'use strict';
// A new educator: register, confirm the email, sign in, fill in the profile,
// switch language, sign out. And the registration form's errors.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const VARIANTS = [
  { lang: 'en', js: true }, { lang: 'es', js: true },
  { lang: 'en', js: false }, { lang: 'es', js: false },
];
const label = ({ lang, js }) => `[${lang}${js ? '' : ', without JavaScript'}]`;

let suite;
before(async () => { suite = await h.openSuite('account'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`register, confirm email, sign in, edit profile, switch language, sign out ${label(variant)}`, () =>
    suite.run('register to sign out', variant, async (j, t) => {
      const other = j.lang === 'en' ? 'es' : 'en';
      const o = h.texts(other);
      const name = `Jordan Ellis ${j.variant}`;
      const email = `jordan.${j.variant}@columbus.example.org`;
      const page = await j.newPage();

      await page.goto(`${j.url}/`);
      await h.expectHeading(page, t('home-title'));
      await j.check(page, 'home');

      const nav = page.getByRole('navigation', { name: t('nav-label') });
      await nav.getByRole('link', { name: t('nav-register') }).click();
      await h.expectHeading(page, t('register-title'));
      await j.check(page, 'register');

      await page.getByLabel(t('field-display-name'), { exact: true }).fill(name);
      await page.getByLabel(t('field-email'), { exact: true }).fill(email);
      await page.getByLabel(t('field-new-password'), { exact: true }).fill('four everyday words together');
      await page.getByRole('radio', { name: t(`lang-${j.lang}`) }).check();
      await page.getByRole('button', { name: t('register-button') }).click();
      await h.expectFlash(page, t('flash-registered'));
      await h.expectHeading(page, t('sign-in-title'));
      await j.check(page, 'registered: check your email');

      const mail = await h.waitForMail(suite.server, email, /\/verify-email\?token=/);
      assert.equal(mail.subject, t('email-verify-subject'), 'the email is in the chosen language');
      const link = mail.links.find((l) => l.includes('/verify-email?token='));
      await page.goto(link); // following the link in the email
      await h.expectFlash(page, t('flash-verified'));
      await j.check(page, 'email confirmed');

      await page.getByLabel(t('field-email'), { exact: true }).fill(email);
      await page.getByLabel(t('field-password'), { exact: true }).fill('four everyday words together');
      await page.getByRole('main').getByRole('button', { name: t('sign-in-button') }).click();
      await h.expectFlash(page, t('flash-signed-in'));
      // The first sign-in asks, once, for the school and what one teaches.
      await h.expectHeading(page, t('welcome-title'));
      await j.check(page, 'welcome step');
      const school = page.getByLabel(t('welcome-school'), { exact: true });
      if (await school.count()) await school.selectOption({ index: 1 });
      await page.getByLabel(t('subject-science'), { exact: true }).check();
      await page.getByRole('button', { name: t('welcome-save'), exact: true }).click();
      await h.expectHeading(page, t('home-welcome', { name }));
      await j.check(page, 'home, signed in');

      await (await h.openMenu(page, t)).getByRole('link', { name: t('nav-profile') }).click();
      await h.expectHeading(page, t('profile-title'));
      await j.check(page, 'profile');

      const form = page.getByRole('main');
      for (const key of ['subject-math', 'subject-science', 'grade-band-6-8']) {
        await form.getByRole('checkbox', { name: t(key), exact: true }).check();
      }
      await form.getByLabel(t('field-years'), { exact: true }).fill('7');
      await form.getByLabel(t('field-school-role'), { exact: true }).selectOption({ label: t('school-role-teacher') });
      await form.getByRole('button', { name: t('profile-save') }).click();
      await h.expectFlash(page, t('flash-profile-saved'));
      await h.expectHeading(page, t('profile-title'));
      for (const key of ['subject-math', 'subject-science', 'grade-band-6-8']) {
        assert.ok(await form.getByRole('checkbox', { name: t(key), exact: true }).isChecked(), `${t(key)} stays ticked`);
      }
      assert.equal(await form.getByLabel(t('field-years'), { exact: true }).inputValue(), '7');
      await j.check(page, 'profile saved');

      await page.getByRole('button', { name: o(`lang-${other}`) }).click();
      await h.expectHeading(page, o('profile-title'));
      if (other === 'es') assert.equal(await h.heading(page, 'Su perfil').count(), 1, 'the page is in Spanish');
      await j.check(page, `profile in ${other}`, { lang: other });

      await (await h.openMenu(page, o)).getByRole('button', { name: o('nav-sign-out') }).click();
      await h.expectFlash(page, o('flash-signed-out'));
      assert.equal(await page.getByRole('navigation', { name: o('nav-label') })
        .getByRole('link', { name: o('nav-sign-in') }).count(), 1, 'signed out: the header offers to sign in');
      await j.check(page, 'signed out', { lang: other });
    }));
}

for (const variant of VARIANTS) {
  test(`registration form errors: summary links move focus, values are kept ${label(variant)}`, () =>
    suite.run('registration errors', variant, async (j, t) => {
      const page = await j.newPage();
      await page.goto(`${j.url}/register`);
      await h.expectHeading(page, t('register-title'));
      await page.getByRole('button', { name: t('register-button') }).click();

      const summary = page.locator('.error-summary[role=alert]');
      await summary.getByRole('heading', { name: t('error-summary-title') }).waitFor();
      await h.settle(page);
      assert.ok((await page.title()).startsWith(t('title-error-prefix')), 'the title says there is an error');
      await j.check(page, 'register: empty form sent');

      const expected = {
        display_name: t.fieldError('required', 'display_name'),
        email: t.fieldError('email-missing', 'email'),
        password: t.fieldError('password-missing', 'password'),
      };
      const links = summary.getByRole('link');
      const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.deepEqual(hrefs, Object.keys(expected).map((f) => `#f-${f}`), 'the summary links to each field in order');
      for (const [field, message] of Object.entries(expected)) {
        const link = summary.locator(`a[href="#f-${field}"]`);
        assert.equal((await link.innerText()).trim(), message,
          `the summary's message for ${field} is the catalogue's (is the lyceum binary older than crates/domain/locales?)`);
        const input = page.locator(`#f-${field}`);
        assert.equal(await input.getAttribute('aria-invalid'), 'true', `${field} is marked invalid`);
        assert.ok((await page.locator(`#f-${field}-error`).innerText()).includes(message), `${field}: message beside the field`);
        // Read out of context (a list of links), each message must say which field it is about.
        const fieldLabel = (await page.locator(`label[for="f-${field}"]`).innerText()).trim();
        j.expect(message.toLowerCase().includes(fieldLabel.toLowerCase()),
          `register: the error summary link "${message}" does not name its field "${fieldLabel}" (WCAG 3.3.1)`);
        await link.click();
        const focused = await page.evaluate(() => document.activeElement && document.activeElement.id);
        j.expect(focused === `f-${field}`,
          `register: the summary link "${message}" should move focus to #f-${field}, focus is on ${focused ? `#${focused}` : 'nothing'}`);
      }

      await page.getByLabel(t('field-display-name'), { exact: true }).fill('Ana Example');
      await page.getByLabel(t('field-email'), { exact: true }).fill('ana@');
      await page.getByLabel(t('field-new-password'), { exact: true }).fill('short');
      await page.getByLabel(t('field-join-code'), { exact: true }).fill('');
      await page.getByRole('button', { name: t('register-button') }).click();
      const invalidEmail = t.fieldError('email-invalid', 'email');
      await summary.getByRole('link', { name: invalidEmail }).waitFor();
      await h.settle(page);
      // Every problem is reported at once: the address and the too-short password.
      assert.deepEqual(await summary.getByRole('link').allInnerTexts(),
        [invalidEmail, t.fieldError('password-too-short', 'password')]);
      assert.equal(await page.getByLabel(t('field-display-name'), { exact: true }).inputValue(), 'Ana Example', 'the name is kept');
      assert.equal(await page.getByLabel(t('field-email'), { exact: true }).inputValue(), 'ana@', 'the email is kept');
      assert.equal(await page.getByLabel(t('field-new-password'), { exact: true }).inputValue(), '', 'the password is not sent back');
      await j.check(page, 'register: errors after a second try');
    }));
}

// API tokens: made only with the password, read only or read and change,
// for a chosen number of days (never for ever); shown once; revoked. The
// password form offers to revoke them too.
for (const variant of VARIANTS.filter((v) => v.js)) {
  test(`an API token needs the password, a scope and an expiry ${label(variant)}`, () =>
    suite.run('api tokens', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, 'researcher@lyceum.example.org');
      await page.goto(`${j.url}/account`);
      await page.getByRole('main').getByRole('link', { name: t('tokens-title'), exact: true }).click();
      await h.expectHeading(page, t('tokens-title'));
      await j.check(page, 'api tokens');
      const tokenName = `Reporting script ${j.variant}`;
      await page.getByLabel(t('field-token-name'), { exact: true }).fill(tokenName);
      await page.getByRole('radio', { name: t('token-scope-read'), exact: true }).check();
      const expiry = page.getByLabel(t('field-token-expiry'), { exact: true });
      assert.equal(await expiry.inputValue(), '90', '90 days unless another is chosen');
      assert.equal(await expiry.locator('option').count(), 3, '30, 90 or 365 days: never for ever');
      await page.getByRole('button', { name: t('tokens-create'), exact: true }).click();
      const summary = page.locator('.error-summary[role=alert]');
      await summary.getByRole('link', { name: t.fieldError('password-wrong', 'password') }).waitFor();
      await h.settle(page);
      assert.equal(await page.getByLabel(t('field-token-name'), { exact: true }).inputValue(), tokenName, 'the name is kept');
      await j.check(page, 'api tokens: password missing');
      await page.getByLabel(t('field-current-password'), { exact: true }).fill(h.PASSWORD);
      await page.getByRole('button', { name: t('tokens-create'), exact: true }).click();
      await page.getByRole('heading', { name: t('tokens-created-title') }).waitFor();
      assert.match(await page.locator('code.token').innerText(), /^lyc_/);
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: tokenName, exact: true }) });
      await card.getByText(t('token-scope-read'), { exact: true }).waitFor();
      await j.check(page, 'api token made');
      await card.getByRole('button', { name: t('tokens-revoke', { name: tokenName }), exact: true }).click();
      await h.expectFlash(page, t('flash-token-revoked'));

      await page.goto(`${j.url}/account/password`);
      await h.expectHeading(page, t('password-title'));
      assert.ok(await page.getByLabel(t('password-revoke-tokens'), { exact: true }).isChecked(), 'revoking tokens is ticked');
      await j.check(page, 'change password');
    }));
}
