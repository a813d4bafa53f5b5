'use strict';
// Keyboard only: Tab, Shift+Tab, Enter and Space (and typing into the focused
// field). On key pages, every element reached with Tab shows its focus, and
// every link and button stays readable under the mouse.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

let suite;
before(async () => { suite = await h.openSuite('keyboard'); });
after(async () => { await suite?.close(); });

const focusedIs = (locator) => locator.evaluate((el) => el === document.activeElement);

for (const variant of [{ lang: 'en', js: true }, { lang: 'en', js: false }, { lang: 'es', js: true }]) {
  test(`keyboard only: skip link, sign in, edit profile, sign out [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('keyboard only', { ...variant, screenshots: false }, async (j, t) => {
      const page = await j.newPage();
      await page.goto(`${j.url}/`);
      await h.expectHeading(page, t('home-title'));
      await j.check(page, 'home');

      // The first Tab lands on the skip link, which shows on screen; Enter moves to the content.
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: t('skip-to-content') });
      assert.ok(await focusedIs(skip), 'the first Tab reaches the skip link');
      const box = await skip.boundingBox();
      assert.ok(box && box.x >= 0 && box.y >= 0 && box.width > 0, `the focused skip link is on screen: ${JSON.stringify(box)}`);
      await page.keyboard.press('Enter');
      assert.ok(await focusedIs(page.locator('main#main')), 'Enter on the skip link moves focus to <main>');

      const nav = page.getByRole('navigation', { name: t('nav-label') });
      await h.tabTo(page, nav.getByRole('link', { name: t('nav-sign-in') }), { back: true });
      await page.keyboard.press('Enter');
      await h.expectHeading(page, t('sign-in-title'));
      await j.check(page, 'sign in');

      const email = page.getByLabel(t('field-email'), { exact: true });
      await h.tabTo(page, email);
      await page.keyboard.type('educator@columbus.example.org');
      await page.keyboard.press('Tab');
      assert.ok(await focusedIs(page.getByLabel(t('field-password'), { exact: true })), 'Tab goes from email to password');
      await page.keyboard.type(h.PASSWORD);
      await h.tabTo(page, page.getByRole('main').getByRole('button', { name: t('sign-in-button') }));
      await page.keyboard.press('Enter');
      await h.expectFlash(page, h.either('flash-signed-in'));
      if (j.lang !== 'en') {
        const sw = page.locator('form.lang-switch button');
        await h.tabTo(page, sw, { back: true });
        await page.keyboard.press('Enter');
        await page.locator(`form.lang-switch button:not([lang="${j.lang}"])`).waitFor();
      }
      await h.settle(page);
      await j.check(page, 'home, signed in');

      // The header's menu is a disclosure: Enter opens it, Tab goes on into it.
      await h.tabTo(page, nav.locator('details.menu > summary'), { back: true });
      await page.keyboard.press('Enter');
      await h.tabTo(page, nav.getByRole('link', { name: t('nav-profile') }));
      await page.keyboard.press('Enter');
      await h.expectHeading(page, t('profile-title'));
      await j.check(page, 'profile');

      const form = page.getByRole('main');
      const wanted = ['subject-math', 'subject-science', 'grade-band-6-8'];
      for (const key of wanted) {
        const box = form.getByRole('checkbox', { name: t(key), exact: true });
        await h.tabTo(page, box);
        if (!(await box.isChecked())) await page.keyboard.press('Space');
        assert.ok(await box.isChecked(), `Space ticks ${t(key)}`);
      }
      const years = form.getByLabel(t('field-years'), { exact: true });
      await h.tabTo(page, years);
      await page.keyboard.press('Control+A');
      await page.keyboard.type('12');
      const role = form.getByLabel(t('field-school-role'), { exact: true });
      await h.tabTo(page, role);
      // Type-ahead on the option's first word (a space would open the list instead).
      await page.keyboard.type(t('school-role-instructional-coach').split(' ')[0]);
      assert.equal(await role.inputValue(), 'instructional-coach', 'typing on the focused select chooses the option');
      // Back to check the number, then on to the button.
      await page.keyboard.press('Shift+Tab');
      assert.ok(await focusedIs(years), 'Shift+Tab goes back to the years field');
      assert.equal(await years.inputValue(), '12');
      await h.tabTo(page, form.getByRole('button', { name: t('profile-save') }));
      await page.keyboard.press('Space');
      await h.expectFlash(page, t('flash-profile-saved'));
      await h.settle(page);
      for (const key of wanted) assert.ok(await form.getByRole('checkbox', { name: t(key), exact: true }).isChecked());
      assert.equal(await years.inputValue(), '12');
      assert.equal(await role.inputValue(), 'instructional-coach');
      await j.check(page, 'profile saved');

      await h.tabTo(page, nav.locator('details.menu > summary'), { back: true });
      await page.keyboard.press('Enter');
      await h.tabTo(page, nav.getByRole('button', { name: t('nav-sign-out') }));
      await page.keyboard.press('Enter');
      await h.expectFlash(page, t('flash-signed-out'));
      await j.check(page, 'signed out');
    }));
}

test('visible focus on every focusable element of key pages [en]', () =>
  suite.run('visible focus', { lang: 'en', js: true, screenshots: false }, async (j, t) => {
    const page = await j.newPage();
    const audit = async (step) => {
      await j.check(page, step, { budget: false });
      const { results, problems } = await h.auditFocus(page);
      j.expect(results.length > 3, `${step}: Tab reached only ${results.length} element(s)`);
      for (const p of problems) j.expect(false, `${step} (${new URL(page.url()).pathname}): ${p}`);
    };
    for (const [path, step] of [['/', 'home'], ['/sign-in', 'sign in'], ['/register', 'register']]) {
      await page.goto(`${j.url}${path}`);
      await audit(step);
    }
    await page.goto(`${j.url}/register`);
    await page.getByLabel(t('field-display-name'), { exact: true }).press('Enter');
    await page.locator('.error-summary').waitFor();
    await h.settle(page);
    await audit('register with errors');

    await page.goto(`${j.url}/sign-in`);
    await page.getByLabel(t('field-email'), { exact: true }).fill('orgadmin@columbus.example.org');
    await page.getByLabel(t('field-password'), { exact: true }).fill(h.PASSWORD);
    await page.getByLabel(t('field-password'), { exact: true }).press('Enter');
    await h.expectFlash(page, t('flash-signed-in'));
    const district = await page.getByRole('main').getByRole('link', { name: 'Columbus City Schools', exact: true }).getAttribute('href');
    for (const [path, step] of [['/', 'home, signed in'], ['/profile', 'profile'], [district, 'district'],
      [`${district}/admin/new`, 'district: add below'], [`${district}/admin/invitations`, 'district: invitations']]) {
      await page.goto(`${j.url}${path}`);
      await audit(step);
    }
  }));

test('hover: links and buttons stay readable under the mouse [en]', () =>
  suite.run('hover contrast', { lang: 'en', js: true, screenshots: false }, async (j, t) => {
    const page = await j.newPage();
    const hoverAll = async (step) => {
      await h.settle(page);
      const controls = page.locator('a[href]:visible, button:visible');
      const n = await controls.count();
      for (let i = 0; i < n; i++) {
        const control = controls.nth(i);
        if (await control.evaluate((el) => el.getBoundingClientRect().right <= 0)) continue; // the skip link, until focused
        await control.evaluate((el) => el.setAttribute('data-hover-audit', ''));
        await control.hover();
        const violations = await h.runAxe(page, { rules: ['color-contrast'], selector: '[data-hover-audit]' });
        const name = (await control.innerText()).trim();
        j.expect(violations.length === 0, `${step}: hovering "${name}" — ${violations.flatMap((v) => v.nodes.map((x) => x.summary)).join(' ').replace(/\s+/g, ' ')}`);
        await control.evaluate((el) => el.removeAttribute('data-hover-audit'));
      }
      await page.mouse.move(0, 0);
    };
    await page.goto(`${j.url}/`);
    await hoverAll('home');
    await page.goto(`${j.url}/sign-in`);
    await page.getByLabel(t('field-email'), { exact: true }).fill('orgadmin@columbus.example.org');
    await page.getByLabel(t('field-password'), { exact: true }).fill(h.PASSWORD);
    await page.getByLabel(t('field-password'), { exact: true }).press('Enter');
    await h.expectFlash(page, t('flash-signed-in'));
    await hoverAll('home, signed in');
    await page.getByRole('main').getByRole('link', { name: 'Columbus City Schools', exact: true }).click();
    await h.expectHeading(page, 'Columbus City Schools');
    await hoverAll('district');
  }));
