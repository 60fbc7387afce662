// The newsroom tools in Debian's Chromium: the site's mode, the surge autopilot's steps as readers
// and moderators see them, campaigns decided as one, and history holds in the reader drawer.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { launch, publisherPage, token, newArticle, widget, api, openDashboard } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const moderator = () => token({ groups: ['moderator'], name: 'مشرف غرفة الأخبار' });

const dashboard = (options) => openDashboard(browser, { viewport: { width: 1280, height: 900 }, ...options });

test('a busy article tells its readers: slower, reviewed first, paused; live, and when they post too soon', async () => {
  const article = newArticle();
  const mod = moderator();
  await api('POST', `/articles/${article}/comments`, mod, { body: 'افتتاح النقاش' });
  const { context, page } = await publisherPage(browser, { articleId: article, tok: token() });
  const w = widget(page);
  await w.locator('form.composer').waitFor();
  await page.waitForTimeout(300);
  assert.equal(await w.locator('p.pace').isHidden(), true);

  assert.equal((await api('PUT', `/moderation/surge/${article}`, mod, { pin: 'slow' })).status, 200);
  await w.locator('p.pace', { hasText: 'التعليقات أبطأ الآن' }).waitFor();
  await w.locator('form.composer textarea').fill('تعليقي الأول في الذروة');
  await w.locator('form.composer button[type=submit]').click();
  await w.locator('li.c', { hasText: 'تعليقي الأول في الذروة' }).waitFor();
  await w.locator('form.composer textarea').fill('تعليق ثانٍ بسرعة');
  await w.locator('form.composer button[type=submit]').click();
  await w.locator('.composer .msg', { hasText: 'يمكنك التعليق مجددًا بعد' }).waitFor();
  assert.equal(await w.locator('form.composer textarea').inputValue(), 'تعليق ثانٍ بسرعة', 'the text stays');

  await api('PUT', `/moderation/surge/${article}`, mod, { pin: 'closed' });
  await w.locator('p.pace', { hasText: 'التعليقات متوقفة مؤقتًا' }).waitFor();
  assert.equal(await w.locator('form.composer button[type=submit]').isDisabled(), true);

  // A reader who opens the page now sees the step at once, before any live event.
  const late = await publisherPage(browser, { articleId: article, tok: token(), lang: 'en' });
  await widget(late.page).locator('p.pace', { hasText: 'Comments are paused on this article for now.' }).waitFor();
  await late.context.close();

  await api('PUT', `/moderation/surge/${article}`, mod, { pin: 'normal' });
  await w.locator('p.pace').waitFor({ state: 'hidden' });
  assert.equal(await w.locator('form.composer button[type=submit]').isDisabled(), false);
  await api('PUT', `/moderation/surge/${article}`, mod, { pin: 'none' });
  assert.deepEqual(page.errors.filter((e) => !/status of 429/.test(e)), []);
  await context.close();
});

test('the newsroom page: admins set the site mode, everyone sees it; moderators pin and release hot articles', async () => {
  const article = newArticle();
  const mod = moderator();
  await api('POST', `/articles/${article}/comments`, mod, { body: 'خبر عاجل', articleTitle: 'خبر عاجل للاختبار' });
  const admin = await dashboard({ groups: ['admin'] });
  try {
    await admin.page.locator('#tab-newsroom').click();
    await admin.page.locator('#site-mode-select').selectOption('pre-new');
    await admin.page.locator('#site-mode', { hasText: 'مراجعة مسبقة للجدد' }).waitFor();
    const reader = await api('POST', `/articles/${newArticle()}/comments`, token(), { body: 'قارئ جديد تمامًا' });
    assert.equal(reader.body.status, 'pending', 'pre-new holds a reader who is not established');

    const { context, page } = await dashboard({ lang: 'en' });
    await page.locator('#site-mode', { hasText: 'New readers pre-moderated' }).waitFor();
    await page.locator('#tab-newsroom').click();
    assert.equal(await page.locator('#site-mode-select').count(), 0, 'only admins change the mode');
    const row = page.locator(`#hot tr[data-article="${article}"]`);
    await row.waitFor();
    await row.locator('select').selectOption('held');
    await page.locator(`#hot tr[data-article="${article}"] .badge.step`, { hasText: 'held' }).waitFor();
    assert.equal((await api('POST', `/articles/${article}/comments`, token(), { body: 'أثناء التثبيت' })).body.status, 'pending');
    await page.locator(`#hot tr[data-article="${article}"] button`, { hasText: 'Release' }).click();
    await page.locator(`#hot tr[data-article="${article}"] button`, { hasText: 'Release' }).waitFor({ state: 'detached' });
    assert.equal((await api('GET', `/moderation/surge/${article}`, mod)).body.pinned, null);
    const audit = (await api('GET', `/moderation/audit?articleId=${article}`, mod)).body.entries.map((e) => e.action);
    assert.ok(audit.includes('surge-settings') && audit.includes('surge-release') && audit.includes('surge-step'), String(audit));
    assert.deepEqual(page.errors, []);
    await context.close();
  } finally {
    await api('PUT', '/admin/settings/moderation', token({ groups: ['admin'] }), { mode: 'post' });
    await admin.context.close();
  }
});

/** Eight words drawn for this run: a message no other run or test writes. */
function message() {
  const words = ['قاطعوا', 'منتجات', 'الشركة', 'الكبرى', 'حتى', 'تخفض', 'أسعار', 'الخبز', 'والزيت', 'والسكر', 'فورا', 'وانشروا',
    'الرسالة', 'بين', 'الأهل', 'والجيران', 'اليوم', 'قبل', 'الغد', 'الحملة', 'مستمرة', 'بلا', 'توقف', 'للجميع'];
  return Array.from({ length: 9 }, () => words[randomInt(words.length)]).join(' ');
}

test('a campaign is one card; one click rejects every comment and bans every account', async () => {
  const text = message();
  const articles = [newArticle(), newArticle()];
  const ids = [];
  for (let i = 0; i < 6; i++) {
    const { body } = await api('POST', `/articles/${articles[i % 2]}/comments`, token({ name: 'حساب ' + i }), { body: text });
    ids.push(body.id);
  }
  const { context, page } = await dashboard();
  await page.locator('#tab-campaigns').click();
  const card = page.locator('.card.campaign', { hasText: text });
  await card.waitFor();
  assert.match(await card.locator('.meta').first().textContent(), /6 تعليقًا من 6 حسابًا على 2 مقالات/);
  await card.locator('button.danger', { hasText: 'رفض الكل وحظر الحسابات' }).click();
  await card.locator('.msg', { hasText: 'قُرّر 6 تعليقًا وحُظر 6 حسابًا.' }).waitFor();
  const mod = moderator();
  for (const id of ids) {
    const { body } = await api('GET', `/moderation/queues/rejected?q=${encodeURIComponent(text.split(' ')[0])}&limit=100`, mod);
    assert.ok(body.items.some((i) => i.id === id && i.author.status === 'banned'), 'comment ' + id + ' rejected, its author banned');
  }
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the reader drawer says why a reader is held for their record, and lifts it', async () => {
  const mod = moderator();
  const reader = token({ name: 'قارئ تحت المراقبة' });
  const article = newArticle();
  const ids = [];
  for (let i = 0; i < 3; i++) ids.push((await api('POST', `/articles/${article}/comments`, reader, { body: 'رأي رقم ' + ['أول', 'ثان', 'ثالث'][i] })).body.id);
  for (const id of ids) {
    const { body: item } = await api('GET', `/moderation/queues/all?articleId=${article}`, mod);
    const version = item.items.find((x) => x.id === id).version;
    assert.equal((await api('POST', `/moderation/comments/${id}/decision`, mod, { action: 'reject', reason: 'abuse', version })).status, 200);
  }
  const held = await api('POST', `/articles/${article}/comments`, reader, { body: 'بعد الرفض' });
  assert.equal(held.body.status, 'pending');
  const { context, page } = await dashboard();
  await page.locator('#q').fill('بعد الرفض');
  await page.locator('#q').press('Enter');
  await page.locator(`.card[data-id="${held.body.id}"] .author`).click();
  const drawer = page.locator('#drawer');
  await drawer.locator('.hold', { hasText: 'معلّق بسبب تعليقات مرفوضة' }).waitFor();
  await drawer.locator('.hold button', { hasText: 'ارفع التعليق' }).click();
  await drawer.locator('.msg', { hasText: 'حُفظ.' }).waitFor();
  assert.equal(await drawer.locator('.hold').count(), 0);
  assert.equal((await api('POST', `/articles/${article}/comments`, reader, { body: 'حر من جديد' })).body.status, 'published');
  await context.close();
});
