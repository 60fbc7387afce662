// The WordPress journey in Debian's Chromium: a real WordPress (src/test/wordpress/site.sh,
// Debian's package, Twenty Twenty-Three) with the Hiwar plugin, its comments imported into the
// test service. A subscriber signs in with WordPress and finds the site's old comments in the
// widget, their own among them, and replies; an editor signs in to the dashboard with the
// plugin's token and approves it; the reader sees it arrive live.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, widget, BASE } from './support.mjs';

const WP = process.env.WP_URL;
const POST = process.env.POST_ID;
const DOCS = new URL('../../../docs/', import.meta.url);

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function signIn(login, password) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 1400 } });
  const page = await context.newPage();
  page.errors = [];
  // Only Hiwar's own scripts are judged here: Debian's WordPress has its own console noise.
  page.on('pageerror', (e) => { if (/embed\.js|hiwar/.test(e.stack || '')) page.errors.push(e.message); });
  await page.goto(WP + '/wp-login.php');
  await page.locator('#user_login').fill(login);
  await page.locator('#user_pass').fill(password);
  await page.locator('#wp-submit').click();
  await page.waitForURL((url) => !url.pathname.endsWith('wp-login.php'));
  return { context, page };
}

test('a subscriber finds the imported comments, replies, and sees it approved live by an editor', async () => {
  mkdirSync(DOCS, { recursive: true });
  const reader = await signIn('mona', 'mona-password-1');
  await reader.page.goto(`${WP}/?p=${POST}`);
  const w = widget(reader.page);
  // The site's old comments, by their old authors; the subscriber's own is hers.
  const guest = w.locator('li.c', { has: reader.page.locator('.author', { hasText: 'زائر كريم' }) }).first();
  await guest.locator('.body', { hasText: 'خبر رائع' }).waitFor();
  // (A comment's own part is its article; its replies follow it in the same list item.)
  const mine = w.locator('li.c > article', { has: reader.page.locator('.body', { hasText: 'أوافقك الرأي تمامًا' }) });
  await mine.waitFor();
  assert.match(await mine.locator('.author').textContent(), /منى/);

  // A reply, held for review (the article is pre-moderated): its author sees it waiting.
  const text = 'رد من مشتركة بعد الانتقال ' + Date.now();
  await guest.locator('button.reply-btn').first().click();
  await guest.locator('form.composer textarea').fill(text);
  await guest.locator('form.composer button[type=submit]').click();
  const held = w.locator('li.c > article', { has: reader.page.locator('.body', { hasText: text }) });
  await held.locator('.badge.pending').waitFor();
  await reader.page.screenshot({ path: new URL('wordpress-reader.png', DOCS).pathname, fullPage: false });

  // The editor: WordPress sign-in, a token from the plugin, the dashboard.
  const editor = await signIn('editor', 'editor-password-1');
  await editor.page.goto(`${WP}/?p=${POST}`);
  const issued = await editor.page.evaluate(async () => {
    const r = await fetch(window.HiwarWordPress.tokenUrl, { method: 'POST', credentials: 'same-origin',
      headers: { 'X-WP-Nonce': window.HiwarWordPress.nonce } });
    return { status: r.status, body: await r.json() };
  });
  assert.equal(issued.status, 200);
  const dashboard = await editor.context.newPage();
  await dashboard.goto(BASE + '/moderation');
  await dashboard.locator('#token').fill(issued.body.token);
  await dashboard.locator('#use-token').click();
  await dashboard.locator('#desk').waitFor();
  await dashboard.locator('#q').fill(text);
  await dashboard.locator('#q').press('Enter');
  const card = dashboard.locator('.card', { hasText: text });
  await card.waitFor();
  await dashboard.screenshot({ path: new URL('wordpress-dashboard.png', DOCS).pathname });
  await card.locator('button[data-act=approve]').click();
  await card.waitFor({ state: 'detached' });

  // The reader's page hears it live (no reload): in place, or through the "new comments" banner.
  const banner = w.locator('button.banner');
  await Promise.race([held.locator('.badge.pending').waitFor({ state: 'detached', timeout: 15000 }).catch(() => {}),
    banner.waitFor({ timeout: 15000 }).catch(() => {})]);
  if (await banner.isVisible()) await banner.click();
  await w.locator('li.c > article', { has: reader.page.locator('.body', { hasText: text }) }).locator('.badge.pending')
    .waitFor({ state: 'detached', timeout: 15000 });
  assert.deepEqual(reader.page.errors, []);
  await editor.context.close();
  await reader.context.close();
});
