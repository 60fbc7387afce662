// Screenshots for the README (docs/*.png), taken from a running dev service:
//   ./mvnw quarkus:dev        then        node src/test/browser/screenshots.mjs
// Seeds a few comments on the demo article through the dev sign-in, then shoots the demo
// article and the dashboard, in Arabic and in English, at a phone and a desktop width.
import { launch } from './support.mjs';
import { fileURLToPath } from 'node:url';

const BASE = process.env.BASE_URL || 'http://localhost:8080';
const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
const signIn = async (as) => (await (await fetch(`${BASE}/dev/sign-in?as=${as}`, { method: 'POST' })).json()).token;
const call = async (tok, method, path, body) => (await fetch(BASE + '/api/v1' + path, {
  method, headers: { Authorization: 'Bearer ' + tok, 'Content-Type': 'application/json' }, body: body && JSON.stringify(body)
})).json();

const [reader, reader2, moderator] = [await signIn('reader'), await signIn('reader2'), await signIn('moderator')];
const article = 'demo-library-cairo';
const articleTitle = 'افتتاح مكتبة عامة جديدة في وسط القاهرة';
const page1 = await call(reader, 'GET', `/articles/${article}/comments`);
if (!page1.comments || page1.comments.length < 3) {
  const a = await call(reader, 'POST', `/articles/${article}/comments`, { body: 'خبر رائع! المكتبات العامة هي ما تحتاجه المدينة، وأتمنى أن تفتح فروع في الأحياء الأخرى أيضًا.', articleTitle });
  await call(reader2, 'POST', `/articles/${article}/comments`, { body: 'Great news. I visited the old building in 2019 — glad to see it restored. هل توجد قاعة للمطالعة الهادئة؟' });
  await call(reader2, 'POST', `/articles/${article}/comments`, { body: 'أتفق معك، والأهم أن تبقى مجانية للطلاب.', parentId: a.id });
  await call(reader2, 'PUT', `/comments/${a.id}/like`);
  await call(moderator, 'PUT', `/comments/${a.id}/like`);
  await call(reader, 'POST', `/articles/${article}/comments`, { body: 'للحجز والاستفسار زوروا https://spam.example/offer', articleTitle });
}

// New commenters' first comments wait for review (as in production): approve the demo ones,
// leaving the link spam pending for the dashboard shot.
const pending = await call(moderator, 'GET', `/moderation/queues/pending?articleId=${article}&limit=100`);
for (const item of pending.items || []) {
  if (!item.body.includes('spam.example')) {
    await call(moderator, 'POST', `/moderation/comments/${item.id}/decision`, { action: 'approve', version: item.version });
  }
}

const browser = await launch();
for (const lang of ['ar', 'en']) {
  for (const [name, viewport] of [['', { width: 1100, height: 1300 }], ['-mobile', { width: 390, height: 1100 }]]) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    await context.addInitScript((t) => sessionStorage.setItem('hiwar-demo', JSON.stringify(t)),
      { token: reader, as: 'reader', name: 'قارئة تجريبية', expiresAt: new Date(Date.now() + 3600e3).toISOString() });
    const page = await context.newPage();
    await page.goto(`${BASE}/?lang=${lang}`);
    await page.locator('#hiwar-comments li.c').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${docs}widget-${lang}${name}.png`, fullPage: true });
    await context.close();
  }
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await context.addInitScript((l) => localStorage.setItem('hiwar-mod-lang', l), lang);
  const page = await context.newPage();
  await page.goto(`${BASE}/moderation`);
  await page.locator('#dev-signin:not([hidden])').click();
  await page.locator('#cards .card').first().waitFor();
  await page.keyboard.press('j');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${docs}dashboard-${lang}.png` });
  await context.close();
}
await browser.close();
console.log('screenshots written to', docs);
