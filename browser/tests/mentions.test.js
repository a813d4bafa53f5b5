'use strict';
// Writing a post for someone new to forums: with JavaScript, typing "@"
// and part of a name lists the people who may see the space and picking
// one writes the mention; without it, a name no one there has is refused,
// naming it, with nothing typed lost. "Preview" shows the Markdown
// rendered before posting, "Formatting help" lists what to write, a
// mentioned name links to that person's posts, and deleting a post asks
// first. English with JavaScript, Spanish without; every page checked
// with axe.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const SPACE = 'Columbus science teachers'; // members only: Columbus City Schools
const WRITER = 'educator@columbus.example.org'; // Ana Rivera
const VARIANTS = [
  { lang: 'en', js: true, title: 'Who runs the lab safety course?' },
  { lang: 'es', js: false, title: '¿Quién lleva el curso de seguridad?' },
];

let suite;
before(async () => { suite = await h.openSuite('mentions'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`mentions, preview, formatting help and deleting [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('mention, preview, delete', variant, async (j, t) => {
      const page = await j.newPage();
      await h.signIn(page, j, t, WRITER);
      await page.goto(`${j.url}/spaces`);
      await page.getByRole('main').getByRole('link', { name: SPACE, exact: true }).click();
      await h.expectHeading(page, SPACE);
      const form = () => page.getByRole('region', { name: t('topic-new') });
      const body = () => form().getByLabel(t('post-body'), { exact: true });
      await form().getByLabel(t('topic-title-label'), { exact: true }).fill(variant.title);

      // Someone outside the space (the federation's moderator) is never found.
      const outsider = `${variant.title} @Dolores`;
      await body().fill(outsider);
      await form().getByRole('button', { name: t('topic-start'), exact: true }).click();
      await page.locator('.error-summary').waitFor();
      await page.locator('.error-summary').getByText(t('error-mention-unknown', { name: 'Dolores' })).waitFor();
      assert.equal(await body().inputValue(), outsider, 'what was typed is kept');
      await j.check(page, 'a name no one in the space has');

      if (variant.js) {
        // Suggestions as one types: the arrow keys choose, Enter writes it.
        await body().fill('');
        await body().pressSequentially('Over to @Mar', { delay: 20 });
        const options = page.getByRole('listbox', { name: t('mention-suggestions') });
        await options.getByRole('option', { name: 'Marcus Lee', exact: true }).waitFor();
        assert.equal(await options.getByRole('option', { name: 'Dolores Chávez' }).count(), 0);
        // The count is said (a status region; its plural form is Fluent's).
        await page.waitForFunction(() => /^1\D/.test(document.getElementById('f-body-mentions-status')?.textContent || ''));
        await j.check(page, 'suggestions while typing a mention');
        await body().press('Enter');
        const written = await body().inputValue();
        assert.match(written, /^Over to @\[Marcus Lee\]\(user:\d+\) $/, written);
        assert.equal(await options.count(), 0, 'the list closes once one is picked');
        await body().pressSequentially('and the **lab** course.', { delay: 5 });
      } else {
        await body().fill('Over to @Marcus Lee and the **lab** course.');
      }

      // The preview: rendered, nothing posted, the text kept.
      const typed = await body().inputValue();
      await form().getByRole('button', { name: t('post-preview'), exact: true }).click();
      const preview = page.getByRole('region', { name: t('post-preview-heading'), exact: true });
      await preview.locator('strong', { hasText: 'lab' }).waitFor();
      assert.equal(await body().inputValue(), typed, 'the text is kept');
      assert.equal(await page.locator('.error-summary').count(), 0);
      await j.check(page, 'preview');

      // Formatting help.
      await form().getByText(t('format-help'), { exact: true }).click();
      await form().getByRole('cell', { name: t('format-mention'), exact: true }).waitFor();
      await j.check(page, 'formatting help');

      // Posted: the mentioned name links to his posts.
      await form().getByRole('button', { name: t('topic-start'), exact: true }).click();
      await h.expectFlash(page, t('flash-topic-started'));
      const topicUrl = page.url().split('#')[0];
      const post = page.locator('article').first();
      const link = post.locator('.post-body').getByRole('link', { name: 'Marcus Lee', exact: true });
      assert.match(await link.getAttribute('href'), /^\/spaces\/search\?author=\d+$/);
      await j.check(page, 'a mention in a post');
      await link.click();
      await h.expectHeading(page, t('spaces-search-title'));
      assert.match(page.url(), /author=\d+/);
      await page.goto(topicUrl);

      // Deleting asks first, showing the post.
      await h.expectHeading(page, variant.title);
      await page.locator('article').first().getByRole('link', { name: t('post-delete'), exact: true }).click();
      await h.expectHeading(page, t('post-delete-title'));
      await page.locator('.reported-post').getByRole('link', { name: 'Marcus Lee', exact: true }).waitFor();
      await j.check(page, 'delete asks first');
      await page.getByRole('button', { name: t('post-delete-confirm'), exact: true }).click();
      await h.expectFlash(page, t('flash-post-deleted'));
      await page.getByText(t('post-deleted'), { exact: true }).first().waitFor();
    }));
}
