// The newcomer's tour on the demo article (dev and test builds): a reader comments, the
// comment waits for review, a moderator approves it on the dashboard, and the article page
// shows it live. The demo page's own CSP (nothing inline) applies throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, token, api, BASE } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('demo tour: comment, wait for review, approve on the dashboard, see it live', async () => {
  const moderatorToken = token({ groups: ['moderator'], name: 'مشرف' });
  // The demo article exists once someone commented; hold every comment on it, as for a new commenter in dev.
  await api('POST', '/articles/demo-library-cairo/comments', moderatorToken, { body: 'مرحبًا بالجميع في النقاش' });
  await api('PUT', '/moderation/articles/demo-library-cairo', moderatorToken, { premoderation: true });

  const readerContext = await browser.newContext();
  // What the demo page's sign-in buttons store (the test mints the token instead of calling
  // the IP-limited dev sign-in, which another test exhausts on purpose).
  await readerContext.addInitScript((t) => sessionStorage.setItem('hiwar-demo', JSON.stringify(t)),
    { token: token({ name: 'قارئة جديدة' }), as: 'reader', name: 'قارئة جديدة', expiresAt: new Date(Date.now() + 3600e3).toISOString() });
  const article = await readerContext.newPage();
  const errors = [];
  article.on('pageerror', (e) => errors.push(e.message));
  article.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await article.goto(BASE + '/');
  assert.equal(await article.locator('#who').textContent(), 'قارئة جديدة');
  const w = article.locator('#hiwar-comments');
  const marker = 'demo' + Math.random().toString(36).replace(/[^a-z]/g, '');
  const text = 'زرت المكتبة أمس وهي رائعة ' + marker;
  await w.locator('form.composer textarea').fill(text);
  await w.locator('form.composer button[type=submit]').click();
  const mine = w.locator('ol.list > li.c', { hasText: text });
  await mine.locator('.badge.pending').waitFor();
  const id = await mine.getAttribute('data-id');

  const mod = await browser.newPage();
  await mod.goto(BASE + '/moderation');
  await mod.locator('#token').fill(moderatorToken);
  await mod.locator('#use-token').click();
  await mod.locator('#q').fill(marker); // the queue holds other tests' comments too, oldest first
  await mod.locator('#q').press('Enter');
  const card = mod.locator(`.card[data-id="${id}"]`);
  await card.waitFor();
  await card.locator('button[data-act=approve]').click();
  await card.waitFor({ state: 'detached' });

  // The author's page learns it live (another reader would see the "new comments" banner).
  const anonymous = await browser.newPage();
  await anonymous.goto(BASE + '/');
  await anonymous.locator('#hiwar-comments ol.list > li.c', { hasText: text }).waitFor();
  assert.equal(await anonymous.locator('#hiwar-comments ol.list > li.c', { hasText: text }).locator('.badge.pending').count(), 0);
  assert.deepEqual(errors, []);
  await api('PUT', '/moderation/articles/demo-library-cairo', moderatorToken, { premoderation: false });
  await readerContext.close();
  await mod.close();
  await anonymous.close();
});
