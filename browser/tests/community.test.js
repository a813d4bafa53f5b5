'use strict';
// An educator asks a question in a subject space; a colleague answers and
// mentions her; she accepts the answer and the colleague is told. A post
// is reported and a moderator hides it; in the last variant the moderator
// also suspends its author, who then cannot post. At the end the
// moderator locks the question, saying why. English, Spanish, and
// without JavaScript; every page checked with axe.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('../lib/helpers');

const SPACE = 'Columbus science teachers';
const ASKER = 'educator@columbus.example.org'; // Ana Rivera
const ANSWERER = 'facilitator@columbus.example.org'; // Marcus Lee
const MODERATOR = 'orgadmin@columbus.example.org'; // Grace Kim, admin of Columbus
const VARIANTS = [
  { lang: 'en', js: true, title: 'How do you assess lab reports now?', suspend: false },
  { lang: 'es', js: true, title: '¿Cómo evalúan ahora los informes de laboratorio?', suspend: false },
  { lang: 'en', js: false, title: 'Lab notebooks or lab reports?', suspend: true },
];

let suite;
before(async () => { suite = await h.openSuite('community'); });
after(async () => { await suite?.close(); });

for (const variant of VARIANTS) {
  test(`a question is answered, accepted, and a report is handled [${variant.lang}${variant.js ? '' : ', without JavaScript'}]`, () =>
    suite.run('ask, answer, moderate', variant, async (j, t) => {
      const asker = await j.newPage();
      await h.signIn(asker, j, t, ASKER);
      await asker.getByRole('main').getByRole('link', { name: t('home-spaces-link'), exact: true }).click();
      await h.expectHeading(asker, t('spaces-title'));
      await j.check(asker, 'spaces');
      await asker.getByRole('main').getByRole('link', { name: SPACE, exact: true }).click();
      await h.expectHeading(asker, SPACE);
      const ask = asker.getByRole('region', { name: t('topic-new') });
      await ask.getByLabel(t('topic-title-label'), { exact: true }).fill(variant.title);
      await ask.getByLabel(t('topic-kind-question'), { exact: true }).check();
      await ask.getByLabel(t('post-body'), { exact: true }).fill('Students paste **AI text** into reports. <script>alert(1)</script> What works?');
      await ask.getByRole('button', { name: t('topic-start'), exact: true }).click();
      await h.expectFlash(asker, t('flash-topic-started'));
      assert.equal(await asker.locator('script:not([src])').count(), 0, 'no script survives');
      await j.check(asker, 'question asked');
      const topicUrl = asker.url().split('#')[0];

      // A colleague answers, mentioning her, and posts an advert too.
      const answerer = await j.newPage();
      await h.signIn(answerer, j, t, ANSWERER);
      await answerer.goto(topicUrl);
      const reply = answerer.getByRole('region', { name: t('topic-reply'), exact: true });
      await reply.getByLabel(t('post-body'), { exact: true }).fill('@Ana Rivera grade the lab notebook, not the final report.');
      await reply.getByRole('button', { name: t('topic-reply-button'), exact: true }).click();
      await h.expectFlash(answerer, t('flash-reply-posted'));
      await j.check(answerer, 'answered');
      const advert = `Buy my grading course at ads.example (${variant.lang}${variant.js ? '' : ', no JS'})`;
      await answerer.getByRole('region', { name: t('topic-reply'), exact: true }).getByLabel(t('post-body'), { exact: true }).fill(advert);
      await h.replaced(answerer, () => answerer.getByRole('region', { name: t('topic-reply'), exact: true }).getByRole('button', { name: t('topic-reply-button'), exact: true }).click());
      await h.expectFlash(answerer, t('flash-reply-posted'));
      await answerer.getByRole('main').locator('article', { hasText: advert }).first().waitFor();

      // She is told, accepts the answer; he is told.
      await asker.goto(`${j.url}/notifications`);
      await h.expectHeading(asker, t('notifications-title'));
      await j.check(asker, 'notifications');
      await asker.goto(topicUrl);
      await asker.getByRole('button', { name: t('post-accept', { name: 'Marcus Lee' }), exact: true }).first().click();
      await h.expectFlash(asker, t('flash-answer-accepted'));
      await j.check(asker, 'answer accepted');
      await answerer.goto(`${j.url}/notifications`);
      await answerer.getByRole('link', { name: t('notification-accepted', { name: 'Ana Rivera', topic: variant.title }) }).first().waitFor();
      await j.check(answerer, 'told of the accepted answer');

      // She reports the advert.
      await asker.goto(topicUrl);
      await asker.locator('article', { hasText: advert }).getByRole('link', { name: t('post-flag'), exact: true }).click();
      await h.expectHeading(asker, t('flag-title'));
      await j.check(asker, 'report a post');
      // The form shows the post being reported, and asks what kind of problem it is.
      await asker.locator('.reported-post', { hasText: advert }).waitFor();
      await asker.getByLabel(t('flag-category-spam'), { exact: true }).check();
      await asker.getByLabel(t('flag-why'), { exact: true }).fill('Advertising');
      await asker.getByRole('button', { name: t('flag-send'), exact: true }).click();
      await h.expectFlash(asker, t('flash-post-flagged'));

      // A moderator (the district's admin) handles it.
      const moderator = await j.newPage();
      await h.signIn(moderator, j, t, MODERATOR);
      await moderator.getByRole('main').getByRole('link', { name: t('home-moderation-link'), exact: true }).click();
      await h.expectHeading(moderator, t('moderation-title'));
      const card = moderator.getByRole('region', { name: t('moderation-flag-heading', { name: 'Marcus Lee', topic: variant.title }) });
      await card.waitFor();
      await j.check(moderator, 'moderation queue');
      if (variant.suspend) {
        await card.getByLabel(t('moderation-days'), { exact: true }).fill('2');
        await card.getByLabel(t('moderation-suspend-why'), { exact: true }).fill('Repeated advertising');
        // The form says where the suspension applies: the district's spaces.
        await card.getByRole('heading', { name: t('moderation-suspend', { name: 'Marcus Lee', org: 'Columbus City Schools' }), exact: true }).waitFor();
        await card.getByRole('button', { name: t('moderation-suspend-button'), exact: true }).click();
        await h.expectHeading(moderator, t('moderation-suspended-title'));
        const said = t('moderation-suspended-body', { name: 'Marcus Lee', org: 'Columbus City Schools', until: '@' }).split('@')[0].trim();
        await moderator.getByText(said).first().waitFor();
        await j.check(moderator, 'suspension recorded');
        await moderator.getByRole('link', { name: t('moderation-back'), exact: true }).click();
        await h.expectHeading(moderator, t('moderation-title'));
      }
      const again = moderator.getByRole('region', { name: t('moderation-flag-heading', { name: 'Marcus Lee', topic: variant.title }) });
      await again.getByLabel(t('moderation-why'), { exact: true }).fill('Advertising is not allowed here.');
      await again.getByRole('button', { name: t('moderation-hide'), exact: true }).click();
      await h.expectFlash(moderator, t('flash-moderation-done'));
      await j.check(moderator, 'report handled');
      await asker.goto(topicUrl);
      assert.equal(await asker.getByText(advert).count(), 0, 'the advert is hidden');

      // Her own question: edited (the earlier text is kept for moderators).
      await asker.getByRole('link', { name: t('post-edit'), exact: true }).first().click();
      await h.expectHeading(asker, t('post-edit-title'));
      await j.check(asker, 'edit a post');
      await asker.getByLabel(t('post-body'), { exact: true }).fill('Students paste **AI text** into lab reports. What works for you?');
      await asker.getByRole('button', { name: t('post-save'), exact: true }).click();
      await h.expectFlash(asker, t('flash-post-edited'));

      // Search finds the answer, its words marked.
      await asker.goto(`${j.url}/spaces`);
      await asker.getByRole('search').getByLabel(t('spaces-search-label'), { exact: true }).fill('notebook');
      await asker.getByRole('search').getByRole('button', { name: t('people-search-button'), exact: true }).click();
      await h.expectHeading(asker, t('spaces-search-title'));
      await asker.locator('mark').first().waitFor();
      await j.check(asker, 'search');

      // Narrowed: to one space, from its own search box; to one person's
      // posts, from their name on a post.
      await asker.goto(`${j.url}/spaces`);
      await asker.getByRole('main').getByRole('link', { name: SPACE, exact: true }).click();
      const inSpace = asker.getByRole('search', { name: t('spaces-search-this-space') });
      await inSpace.getByLabel(t('spaces-search-label'), { exact: true }).fill('notebook');
      await inSpace.getByRole('button', { name: t('spaces-search-this-space'), exact: true }).click();
      await h.expectHeading(asker, t('spaces-search-title'));
      await asker.getByText(t('spaces-search-within', { space: SPACE })).waitFor();
      await asker.locator('mark').first().waitFor();
      await j.check(asker, 'search one space');
      await asker.goto(topicUrl);
      await asker.getByRole('main').getByRole('link', { name: 'Marcus Lee', exact: true }).first().click();
      await h.expectHeading(asker, t('spaces-search-title'));
      await asker.getByText(t('spaces-search-by', { name: 'Marcus Lee' })).waitFor();
      await j.check(asker, 'posts by one person');

      // Where the district's admin creates spaces.
      await moderator.goto(`${j.url}/`);
      await moderator.getByRole('main').getByRole('link', { name: t('home-manage', { name: 'Columbus City Schools' }), exact: true }).click();
      await moderator.getByRole('navigation', { name: t('org-admin-tabs-label') }).getByRole('link', { name: t('org-admin-spaces-title'), exact: true }).click();
      await h.expectHeading(moderator, t('org-admin-spaces-title'));
      await j.check(moderator, 'spaces of an organisation');

      if (variant.suspend) {
        // Suspended: refused, saying where and until when.
        await answerer.goto(topicUrl);
        const form = answerer.getByRole('region', { name: t('topic-reply'), exact: true });
        await form.getByLabel(t('post-body'), { exact: true }).fill('One more advert');
        await form.getByRole('button', { name: t('topic-reply-button'), exact: true }).click();
        await answerer.locator('.error-summary').waitFor();
        await j.check(answerer, 'suspended author refused');
      }

      // The moderator locks the question: not without saying why, which
      // its author is told.
      await moderator.goto(topicUrl);
      const moderate = () => moderator.getByRole('region', { name: t('topic-moderate'), exact: true });
      await moderate().getByRole('button', { name: t('topic-lock'), exact: true }).click();
      await moderator.locator('.error-summary').waitFor();
      await j.check(moderator, 'lock refused without a reason');
      const why = `Answered; thank you (${variant.lang})`;
      await moderate().getByLabel(t('topic-moderate-why'), { exact: true }).fill(why);
      await moderate().getByRole('button', { name: t('topic-lock'), exact: true }).click();
      await h.expectFlash(moderator, t('flash-topic-moderated'));
      await moderator.getByText(t('topic-locked-note')).waitFor();
      await j.check(moderator, 'topic locked');
      await asker.goto(`${j.url}/notifications`);
      await asker.getByText(`${t('notifications-why')} ${why}`).first().waitFor();
    }));
}
