// The reader widget in Debian's Chromium, embedded in a publisher page on another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launch, publisherPage, token, newArticle, widget, api, PUBLISHER, BASE } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const composer = (w) => w.locator('form.composer');
const comments = (w) => w.locator('ol.list > li.c');

async function post(w, text) {
  await composer(w).locator('textarea').fill(text);
  await composer(w).locator('button[type=submit]').click();
}

test('a reader posts a comment and sees it at the top, with the count updated', async () => {
  const article = newArticle();
  await api('POST', `/articles/${article}/comments`, token(), { body: 'تعليق سابق' });
  const { context, page } = await publisherPage(browser, { articleId: article, tok: token({ name: 'سارة' }) });
  const w = widget(page);
  await w.locator('h2', { hasText: 'تعليق واحد' }).waitFor();
  await post(w, 'مقال ممتاز، شكرًا للكاتب');
  await comments(w).first().locator('.body', { hasText: 'مقال ممتاز، شكرًا للكاتب' }).waitFor();
  await assert.doesNotReject(w.locator('h2', { hasText: 'تعليقان' }).waitFor());
  assert.equal(await comments(w).first().locator('.author').textContent(), 'سارة (أنت)');
  assert.equal(await composer(w).locator('textarea').inputValue(), '', 'the composer is cleared');
  assert.equal(await w.locator('.banner').isHidden(), true, 'one\'s own comment is not announced as new');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('replying, liking, reporting, editing and deleting', async () => {
  const article = newArticle();
  const other = token({ name: 'كريم' });
  const { body: theirs } = await api('POST', `/articles/${article}/comments`, other, { body: 'رأي كريم في المقال' });
  const { context, page } = await publisherPage(browser, { articleId: article, tok: token({ name: 'ليلى' }) });
  const w = widget(page);
  const card = w.locator(`li.c[data-id="${theirs.id}"]`);
  await card.waitFor();

  // Reply: the composer moves under the comment, the reply lands in its thread.
  await card.locator('button.reply-btn').click();
  assert.equal(await card.locator('form.composer textarea').evaluate((t) => t === t.getRootNode().activeElement), true, 'focus moves to the reply box');
  await card.locator('form.composer textarea').fill('أتفق معك تمامًا');
  await card.locator('form.composer button[type=submit]').click();
  await card.locator('ol.replies li.c .body', { hasText: 'أتفق معك تمامًا' }).waitFor();

  // Like, and take it back.
  const like = card.locator(':scope > article .like');
  await like.click();
  await assert.doesNotReject(card.locator(':scope > article .like[aria-pressed=true]').waitFor());
  assert.equal((await like.textContent()).trim(), '♥ 1');
  await like.click();
  await card.locator(':scope > article .like[aria-pressed=false]').waitFor();
  assert.equal((await like.textContent()).trim(), '♥ 0');

  // Report through the dialog: focus goes into it and comes back to the button.
  const report = card.locator(':scope > article button.report');
  await report.click();
  const dialog = w.locator('dialog[open]');
  await dialog.waitFor();
  await dialog.locator('input[value=off-topic]').check();
  await dialog.locator('textarea').fill('لا علاقة له بالخبر');
  await dialog.locator('button[type=submit]').click();
  await card.locator(':scope > article .msg', { hasText: 'شكرًا، سيراجع المشرفون البلاغ.' }).waitFor();
  assert.equal(await report.textContent(), 'تم الإبلاغ');
  assert.equal(await report.evaluate((b) => b === b.getRootNode().activeElement), true, 'focus returns to the report button');
  const mod = token({ groups: ['moderator'] });
  const { body: queue } = await api('GET', '/moderation/queues/reported?limit=100', mod);
  const reported = queue.items.find((i) => i.id === theirs.id);
  assert.equal(reported.reports[0].reason, 'off-topic');
  assert.equal(reported.reports[0].note, 'لا علاقة له بالخبر');

  // Edit my reply within the window, then delete it.
  const mine = card.locator('ol.replies li.c').first();
  await mine.locator('button', { hasText: 'تعديل' }).click();
  await mine.locator('form.edit textarea').fill('أتفق معك تمامًا، مع تحفظ بسيط');
  await mine.locator('form.edit button[type=submit]').click();
  await mine.locator('.body', { hasText: 'مع تحفظ بسيط' }).waitFor();
  await mine.locator('.meta', { hasText: 'مُعدَّل' }).waitFor();
  await mine.locator('button', { hasText: 'حذف' }).click();
  await mine.locator('button', { hasText: 'تأكيد الحذف؟' }).click();
  await card.locator('ol.replies li.c').waitFor({ state: 'detached' });
  const { body: after } = await api('GET', `/comments/${theirs.id}`);
  assert.equal(after.replyCount, 0);
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a comment held for review shows the pending notice to its author only', async () => {
  const article = newArticle();
  const mod = token({ groups: ['moderator'] });
  await api('POST', `/articles/${article}/comments`, mod, { body: 'افتتاح النقاش' });
  await api('PUT', `/moderation/articles/${article}`, mod, { premoderation: true });
  const { context, page } = await publisherPage(browser, { articleId: article, tok: token({ name: 'هدى' }) });
  const w = widget(page);
  await comments(w).first().waitFor();
  await post(w, 'تعليق ينتظر المراجعة');
  await composer(w).locator('.msg', { hasText: 'سيظهر تعليقك للجميع بعد أن يراجعه أحد المشرفين' }).waitFor();
  const held = comments(w).first();
  await held.locator('.badge.pending', { hasText: 'بانتظار المراجعة' }).waitFor();
  await page.reload();
  await w.locator('.badge.pending').waitFor(); // still there for its author after a reload
  const anonymous = await publisherPage(browser, { articleId: article });
  await widget(anonymous.page).locator('li.c').first().waitFor();
  assert.equal(await widget(anonymous.page).locator('.badge.pending').count(), 0, 'nobody else sees it');
  await anonymous.context.close();
  await context.close();
});

test('a new comment reaches a second browser as a live "new comments" banner', async () => {
  const article = newArticle();
  await api('POST', `/articles/${article}/comments`, token(), { body: 'بداية' });
  const first = await publisherPage(browser, { articleId: article, tok: token({ name: 'أمل' }) });
  const second = await publisherPage(browser, { articleId: article });
  const w2 = widget(second.page);
  await comments(w2).first().waitFor();
  await second.page.waitForTimeout(300); // the stream is open

  await post(widget(first.page), 'خبر عاجل من القارئة أمل');
  const banner = w2.locator('button.banner');
  await banner.waitFor();
  assert.equal(await banner.textContent(), 'تعليق جديد واحد — اعرضه');
  assert.equal(await w2.locator('[role=status][aria-live=polite]', { hasText: 'تعليق جديد واحد' }).count(), 1, 'screen readers hear it');
  // A retried POST is announced again (its first attempt may have committed unseen); it still counts once.
  const retry = { 'Idempotency-Key': randomUUID() }, reader = token();
  const again = { body: 'تعليق أُرسل مرتين' };
  assert.equal((await api('POST', `/articles/${article}/comments`, reader, again, retry)).status, 201);
  await banner.filter({ hasText: 'تعليقان جديدان' }).waitFor();
  assert.equal((await api('POST', `/articles/${article}/comments`, reader, again, retry)).status, 201);
  await second.page.waitForTimeout(500);
  assert.match(await banner.textContent(), /تعليقان جديدان/, 'the repeated announcement counts once');
  await banner.click();
  await comments(w2).locator('.body', { hasText: 'خبر عاجل من القارئة أمل' }).waitFor();
  assert.equal(await comments(w2).locator('.body', { hasText: 'تعليق أُرسل مرتين' }).count(), 1);
  assert.equal(await banner.isHidden(), true);
  await first.context.close();
  await second.context.close();
});

test('a stream ended by a stopping instance, then refused by a full one, comes back live', async () => {
  const article = newArticle();
  await api('POST', `/articles/${article}/comments`, token(), { body: 'بداية' });
  const attempts = [];
  const setup = (context) => context.route(`${BASE}/api/v1/articles/${article}/events*`, (route) => {
    attempts.push(route.request().url());
    if (attempts.length === 1) { // what LiveHub.drain sends: reconnect after retry, then the end
      return route.fulfill({ status: 200, contentType: 'text/event-stream', body: 'retry: 200\nevent: reconnect\ndata: {"retry":200}\n\n' });
    }
    if (attempts.length === 2) { // a full or stopping instance: not a stream, so EventSource gives up
      return route.fulfill({ status: 503, contentType: 'application/problem+json', headers: { 'Retry-After': '1' },
        body: JSON.stringify({ type: 'https://hiwar.dev/problems/live-full', title: 'Too many live readers', status: 503 }) });
    }
    return route.continue();
  });
  const { page, context } = await publisherPage(browser, { articleId: article, setup });
  const w = widget(page);
  await comments(w).first().waitFor();
  const deadline = Date.now() + 15000;
  while (attempts.length < 3 && Date.now() < deadline) await page.waitForTimeout(100);
  assert.equal(attempts.length, 3, 'the widget opens its stream again after a 503');
  await page.waitForTimeout(300); // the third stream is open

  await api('POST', `/articles/${article}/comments`, token(), { body: 'وصل بعد إعادة الاتصال' });
  await w.locator('button.banner', { hasText: 'تعليق جديد واحد' }).waitFor();
  await context.close();
});

test('RTL layout keeps each comment in its own direction, isolated from its neighbours', async () => {
  const article = newArticle();
  const tok = token({ name: 'Sam' });
  await api('POST', `/articles/${article}/comments`, tok, { body: 'English first, then عربي, then 2024 numbers.' });
  await api('POST', `/articles/${article}/comments`, token({ name: 'منى' }), { body: 'نص عربي يحوي English words و 3 أرقام.' });
  const { context, page } = await publisherPage(browser, { articleId: article });
  const w = widget(page);
  await comments(w).nth(1).waitFor();
  assert.equal(await w.locator('section.hw').getAttribute('dir'), 'rtl');
  const [arabic, english] = [comments(w).nth(0), comments(w).nth(1)];
  assert.equal(await arabic.locator('.body').getAttribute('dir'), 'rtl');
  assert.equal(await english.locator('.body').getAttribute('dir'), 'ltr');
  for (const selector of ['.body', '.author']) {
    assert.equal(await english.locator(selector).evaluate((n) => getComputedStyle(n).unicodeBidi), 'isolate');
  }
  // In RTL the author's name sits at the right; an English body starts at the left.
  const section = await w.locator('section.hw').boundingBox();
  const name = await english.locator('.author').boundingBox();
  const body = await english.locator('.body').evaluate((p) => {
    const r = document.createRange(); r.selectNodeContents(p); const rect = r.getClientRects()[0]; return { x: rect.x };
  });
  assert.ok(name.x + name.width > section.x + section.width * 0.8, 'the author is on the right');
  assert.ok(body.x < section.x + section.width * 0.2, 'an English comment reads from the left');
  await context.close();
});

test('XSS payloads (OWASP filter-evasion vectors) are shown as text and stay inert', async () => {
  const vectors = [
    '<script>window.xss=1</script>',
    '<IMG SRC="javascript:window.xss=1">',
    '<IMG SRC=javascript:window.xss=1>',
    '<img src=x onerror="window.xss=1">',
    '<svg/onload=window.xss=1>',
    '<a href="javascript:window.xss=1">click</a>',
    '"><script>window.xss=1</script>',
    '<iframe src="javascript:window.xss=1"></iframe>',
    '<BODY ONLOAD=window.xss=1>',
    '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;window.xss=1>',
    '<IMG SRC="jav&#x09;ascript:window.xss=1">',
    '<<SCRIPT>window.xss=1;//<</SCRIPT>',
    '<IMG """><SCRIPT>window.xss=1</SCRIPT>">',
    '<div style="background-image: url(javascript:window.xss=1)">x</div>',
    'javascript:window.xss=1',
    '<math><mtext><table><mglyph><style><img src=x onerror=window.xss=1>',
    '<details open ontoggle=window.xss=1>',
    'https://example.com/"onmouseover="window.xss=1"'
  ];
  const article = newArticle();
  const mod = token({ groups: ['moderator'], name: 'مشرف' });
  for (const v of vectors) {
    const { status, body } = await api('POST', `/articles/${article}/comments`, mod, { body: v });
    assert.equal(status, 201, JSON.stringify(body));
    assert.equal(body.status, 'published', v);
  }
  const { context, page } = await publisherPage(browser, { articleId: article });
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const w = widget(page);
  await comments(w).nth(vectors.length - 1).waitFor();
  await page.mouse.move(500, 500);
  await page.waitForTimeout(500);
  const texts = await w.locator('ol.list > li.c .body').allTextContents();
  assert.deepEqual([...texts].sort(), [...vectors].sort(), 'every payload shows as the text it is');
  const injected = await page.evaluate(() => {
    const root = document.getElementById('hiwar-comments').shadowRoot;
    return {
      xss: window.xss,
      elements: root.querySelectorAll('script, img, svg, iframe, math, details, body, div[style]').length,
      badLinks: [...root.querySelectorAll('a')].filter((a) => !/^https?:$/.test(new URL(a.href).protocol)).length,
      rel: [...root.querySelectorAll('a')].map((a) => a.rel)
    };
  });
  assert.equal(injected.xss, undefined);
  assert.equal(injected.elements, 0);
  assert.equal(injected.badLinks, 0);
  assert.ok(injected.rel.length >= 1 && injected.rel.every((r) => ['nofollow', 'ugc', 'noopener'].every((x) => r.split(' ').includes(x))));
  assert.equal(dialogs, 0);
  await context.close();
});

test('rejections explain without accusing and keep the text; rate limits say how long to wait', async () => {
  const article = newArticle();
  const tok = token({ name: 'زائر' });
  const { context, page } = await publisherPage(browser, { articleId: article, tok });
  const w = widget(page);
  await w.locator('form.composer').waitFor();
  await post(w, 'كـس امك');
  await composer(w).locator('.msg.error', { hasText: 'لا يتوافق مع إرشادات المجتمع' }).waitFor();
  assert.equal(await composer(w).locator('textarea').inputValue(), 'كـس امك', 'nothing typed is lost');
  await post(w, 'نص فيه رمز تحكم \u0007 غير مرئي');
  await composer(w).locator('.msg.error', { hasText: 'تعذّر قبول النص كما هو' }).waitFor();

  // The test profile allows 6 edits a minute: spend them, then the 7th in the widget is refused.
  await composer(w).locator('textarea').fill('تعليق سأعدله كثيرًا');
  await composer(w).locator('button[type=submit]').click();
  const mine = comments(w).first();
  await mine.locator('.body', { hasText: 'سأعدله' }).waitFor();
  const id = Number(await mine.getAttribute('data-id'));
  for (let i = 0; i < 6; i++) await api('PATCH', `/comments/${id}`, tok, { body: 'تعديل ' + i });
  await mine.locator('button', { hasText: 'تعديل' }).click();
  await mine.locator('form.edit textarea').fill('تعديل أخير');
  await mine.locator('form.edit button[type=submit]').click();
  await mine.locator('form.edit .msg', { hasText: /تمهّل قليلًا: يمكنك المحاولة بعد \S+ (ثوانٍ|ثانية|ثانيتين)/ }).waitFor();
  await context.close();
});

test('a closed article shows its notice, live, and hides the composer', async () => {
  const article = newArticle();
  const mod = token({ groups: ['moderator'] });
  await api('POST', `/articles/${article}/comments`, mod, { body: 'قبل الإغلاق' });
  const { context, page } = await publisherPage(browser, { articleId: article, tok: token() });
  const w = widget(page);
  await w.locator('form.composer').waitFor();
  await page.waitForTimeout(300);
  await api('PUT', `/moderation/articles/${article}`, mod, { open: false });
  await w.locator('p.notice', { hasText: 'أُغلق باب التعليق على هذا المقال.' }).waitFor();
  assert.equal(await w.locator('form.composer').isHidden(), true);
  await context.close();
});

test('signed out, the widget asks the host page to sign in; an expired token is refreshed once', async () => {
  const article = newArticle();
  const anon = await publisherPage(browser, { articleId: article });
  const signIn = widget(anon.page).locator('button.primary', { hasText: 'سجّل الدخول للتعليق' });
  await signIn.click();
  assert.equal(await anon.page.evaluate(() => window.loginRequests), 1);
  await anon.context.close();

  const { context, page } = await publisherPage(browser, {
    articleId: article,
    tok: expiredToken(), freshTok: token({ name: 'نور' })
  });
  const w = widget(page);
  await post(w, 'بعد تجديد الرمز');
  await comments(w).first().locator('.body', { hasText: 'بعد تجديد الرمز' }).waitFor();
  assert.ok((await page.evaluate(() => window.tokenRequests)).includes(true), 'getToken was asked again with force');
  await context.close();
});

function expiredToken() {
  // Signed correctly but expired an hour ago: the service answers 401.
  return token({ ttl: -3600 });
}

test('English UI, Arabic plural forms and Arabic-Indic digits', async () => {
  const article = newArticle();
  for (let i = 0; i < 3; i++) await api('POST', `/articles/${article}/comments`, token(), { body: 'تعليق ' + i });
  const en = await publisherPage(browser, { articleId: article, lang: 'en' });
  await widget(en.page).locator('h2', { hasText: '3 comments' }).waitFor();
  assert.equal(await widget(en.page).locator('section.hw').getAttribute('dir'), 'ltr');
  assert.equal(await widget(en.page).locator('select option[value=top]').textContent(), 'Most liked');
  await en.context.close();
  const ar = await publisherPage(browser, { articleId: article, digits: 'arab' });
  await widget(ar.page).locator('h2', { hasText: '٣ تعليقات' }).waitFor();
  await ar.context.close();
});

test('count.js fills every listing-page counter with one request', async () => {
  const [one, two, none] = [newArticle(), newArticle(), newArticle()];
  await api('POST', `/articles/${one}/comments`, token(), { body: 'واحد' });
  for (let i = 0; i < 2; i++) await api('POST', `/articles/${two}/comments`, token(), { body: 'اثنان ' + i });
  const context = await browser.newContext();
  await context.route(PUBLISHER + '/**', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
      <script src="${BASE}/count.js" defer></script></head><body>
      <a href="#"><span data-hiwar-count="${one}"></span></a><a href="#"><span data-hiwar-count="${two}"></span></a>
      <span data-hiwar-count="${none}"></span><span class="again" data-hiwar-count="${two}"></span></body></html>`
  }));
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/api/v1/counts')) requests.push(r.url()); });
  await page.goto(PUBLISHER + '/listing');
  await page.locator(`[data-hiwar-count="${one}"][data-hiwar-count-value]`).waitFor();
  assert.equal(await page.locator(`[data-hiwar-count="${one}"]`).textContent(), 'تعليق واحد');
  assert.equal(await page.locator(`[data-hiwar-count="${two}"]`).first().textContent(), 'تعليقان');
  assert.equal(await page.locator('.again').textContent(), 'تعليقان');
  assert.equal(await page.locator(`[data-hiwar-count="${none}"]`).textContent(), 'لا تعليقات');
  assert.equal(requests.length, 1);
  await context.close();
});

test('keyboard only: tab to the composer, post, and reach the comment actions', async () => {
  const article = newArticle();
  const { context, page } = await publisherPage(browser, { articleId: article, tok: token({ name: 'رامي' }) });
  const w = widget(page);
  await w.locator('form.composer').waitFor();
  await composer(w).locator('textarea').focus();
  await page.keyboard.type('من لوحة المفاتيح');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const first = comments(w).first();
  await first.locator('.body', { hasText: 'من لوحة المفاتيح' }).waitFor();
  assert.equal(await first.evaluate((li) => li === li.getRootNode().activeElement), true, 'focus moves to the new comment');
  assert.equal(await w.locator('ol.list').getAttribute('aria-labelledby'), 'hw-title');
  assert.ok(await first.locator('article[aria-labelledby]').count() === 1);
  await context.close();
});

test('a link to one comment (as in an email) shows it, also from beyond the first page, and brings it into view', async () => {
  const article = newArticle();
  const old = await api('POST', `/articles/${article}/comments`, token(), { body: 'التعليق الذي يشير إليه البريد' });
  for (let i = 0; i < 25; i++) await api('POST', `/articles/${article}/comments`, token(), { body: 'تعليق لاحق ' + i });
  const { context, page } = await publisherPage(browser, { articleId: article, hash: '#hiwar-comment-' + old.body.id });
  const w = widget(page);
  const linked = w.locator('li.c.linked');
  await linked.locator('.body', { hasText: 'التعليق الذي يشير إليه البريد' }).waitFor();
  assert.equal(await linked.getAttribute('data-id'), String(old.body.id));
  assert.equal(await linked.locator('article.card').evaluate((n) => n.getRootNode().activeElement === n), true, 'focused for keyboards and readers');
  assert.equal(await w.locator(`li.c[data-id="${old.body.id}"]`).count(), 1, 'shown once');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a signed-in reader chooses email notifications from the widget; without an email claim the widget says why', async () => {
  const sub = 'browser-' + Date.now();
  const { context, page } = await publisherPage(browser, { articleId: newArticle(), tok: token({ sub, email: sub + '@readers.test' }) });
  const w = widget(page);
  await w.locator('button', { hasText: 'إشعارات البريد' }).click();
  const dialog = w.locator('dialog[open]');
  await dialog.locator('select[name=replies]').selectOption('instant');
  await dialog.locator('select[name=decisions]').selectOption('digest');
  await dialog.locator('button[type=submit]').click();
  await w.locator('.msg', { hasText: 'حُفظت اختياراتك.' }).waitFor();
  const saved = await api('GET', '/me/preferences', token({ sub, email: sub + '@readers.test' }));
  assert.deepEqual([saved.body.replies, saved.body.decisions, saved.body.email, saved.body.locale],
    ['instant', 'digest', sub + '@readers.test', 'ar']);
  await w.locator('button', { hasText: 'إشعارات البريد' }).click();
  assert.equal(await w.locator('dialog[open] select[name=replies]').inputValue(), 'instant', 'the dialog shows what is saved');
  await context.close();

  const second = await publisherPage(browser, { articleId: newArticle(), tok: token() });
  const w2 = widget(second.page);
  await w2.locator('button', { hasText: 'إشعارات البريد' }).click();
  await w2.locator('dialog[open] select[name=replies]').selectOption('instant');
  await w2.locator('dialog[open] button[type=submit]').click();
  await w2.locator('.msg', { hasText: 'لا يحمل حسابك عنوان بريد موثّقًا' }).waitFor();
  assert.deepEqual(second.page.errors.filter((e) => !/status of 422/.test(e)), [], 'only the refused save, which the widget explained');
  await second.context.close();
});

test('the widget stays within its size budget and reserves its space before loading', async () => {
  const res = await fetch(BASE + '/embed.js', { headers: { 'Accept-Encoding': 'gzip' } });
  const raw = Buffer.from(await res.arrayBuffer()).length;
  const { gzipSync } = await import('node:zlib');
  const text = await (await fetch(BASE + '/embed.js')).text();
  const gz = gzipSync(Buffer.from(text)).length;
  assert.ok(gz <= 30 * 1024, `embed.js (JS and CSS) is ${gz} bytes gzipped`);
  assert.ok(raw > 0);
  const { context, page } = await publisherPage(browser, { articleId: newArticle() });
  const minHeight = await page.locator('#hiwar-comments').evaluate((n) => parseFloat(getComputedStyle(n).minHeight));
  assert.ok(minHeight >= 300, 'the host box is reserved before comments arrive');
  await context.close();
});

test('paging, sorting, long threads and theming', async () => {
  const article = newArticle();
  const author = token({ name: 'كاتب' });
  const ids = [];
  for (let i = 0; i < 22; i++) {
    ids.push((await api('POST', `/articles/${article}/comments`, author, { body: 'تعليق رقم ' + i })).body.id);
  }
  for (let i = 0; i < 5; i++) {
    await api('POST', `/articles/${article}/comments`, token(), { body: 'رد رقم ' + i, parentId: ids[21] });
  }
  for (let i = 0; i < 2; i++) await api('PUT', `/comments/${ids[3]}/like`, token());
  const { context, page } = await publisherPage(browser, {
    articleId: article,
    extraHead: '<style>#hiwar-comments { --hiwar-accent: rgb(200, 0, 100); }</style>'
  });
  const w = widget(page);
  await comments(w).nth(19).waitFor();
  assert.equal(await comments(w).count(), 20, 'one page first');
  assert.equal(await comments(w).first().locator(':scope > article time').textContent(), 'الآن', 'relative times in Arabic');
  // The newest comment's thread shows its first 3 replies, then "show 2 more".
  const thread = comments(w).first();
  assert.equal(await thread.locator('ol.replies > li.c').count(), 3);
  await thread.locator(':scope > button.link', { hasText: 'عرض ردّان' }).click();
  await thread.locator('ol.replies > li.c').nth(4).waitFor();
  await w.locator('button.more').click();
  await comments(w).nth(21).waitFor();
  assert.equal(await w.locator('button.more').isHidden(), true, 'no more pages');
  await w.locator('header select').selectOption('top');
  await comments(w).first().locator('.body', { hasText: 'تعليق رقم 3' }).waitFor();
  assert.equal((await comments(w).first().locator('.like').textContent()).trim(), '♥ 2');
  await w.locator('header select').selectOption('oldest');
  await comments(w).first().locator('.body', { hasText: 'تعليق رقم 0' }).waitFor();
  const color = await w.locator('h2').evaluate((h) => getComputedStyle(h.getRootNode().host).getPropertyValue('--hiwar-accent').trim());
  assert.equal(color, 'rgb(200, 0, 100)');
  await context.close();
});

test('on a phone-sized screen nothing overflows sideways', async () => {
  const article = newArticle();
  // A moderator's comment skips the link and flooding rules, so it is published as is.
  const { body } = await api('POST', `/articles/${article}/comments`, token({ groups: ['moderator'] }),
    { body: 'تعليق طويل '.repeat(30) + 'https://example.com/' + 'a'.repeat(120) });
  assert.equal(body.status, 'published');
  const { context, page } = await publisherPage(browser, { articleId: article, viewport: { width: 360, height: 740 } });
  await widget(page).locator('li.c').first().waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
  await context.close();
});
