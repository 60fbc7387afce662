// The moderator dashboard in Debian's Chromium, against the running service.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launch, publisherPage, token, newArticle, widget, api, openDashboard, BASE } from './support.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

/** A premoderated article holding `n` pending comments whose text carries a unique marker to search by. */
async function pendingComments(n, extra = '') {
  const article = newArticle();
  // Letters only: digits in a row would trip the phone-number rule.
  const marker = 'mk' + randomUUID().replace(/[^a-f]/g, '').slice(0, 10);
  const mod = token({ groups: ['moderator'] });
  await api('POST', `/articles/${article}/comments`, mod, { body: 'افتتاح ' + marker, articleTitle: 'خبر للاختبار' });
  await api('PUT', `/moderation/articles/${article}`, mod, { premoderation: true });
  const ids = [];
  const opening = (await api('GET', `/articles/${article}/comments`)).body.comments[0];
  for (let i = 0; i < n; i++) {
    const { body } = await api('POST', `/articles/${article}/comments`, token({ name: 'قارئ ' + i }), { body: `تعليق ${i} ${marker} ${extra}` });
    assert.equal(body.status, 'pending');
    ids.push(body.id);
  }
  return { article, marker, ids, opening };
}

const dashboard = (options) => openDashboard(browser, options);

async function search(page, marker, queue = 'pending') {
  await page.locator(`#tab-${queue}`).click();
  await page.locator('#q').fill(marker);
  await page.locator('#q').press('Enter'); // commits the search (change event)
  await page.locator('#q').press('Tab'); // out of the box, so keys are shortcuts again
  await page.waitForFunction((m) => {
    const cards = [...document.querySelectorAll('#cards .card')];
    return cards.length > 0 && cards.every((c) => c.getAttribute('aria-label').includes(m));
  }, marker);
}

test('signing in needs a moderator token; the tabs show live queue counts, in Arabic and RTL', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(BASE + '/moderation');
  assert.equal(await page.locator('html').getAttribute('dir'), 'rtl');
  await page.locator('#token').fill(token());
  await page.locator('#use-token').click();
  await page.locator('#signin-msg', { hasText: 'هذا الرمز ليس لمشرف.' }).waitFor();
  await page.locator('#token').fill('not-a-token');
  await page.locator('#use-token').click();
  await page.locator('#signin-msg', { hasText: 'الرمز غير صالح أو منتهٍ.' }).waitFor();
  await context.close();

  const { context: c2, page: p2 } = await dashboard();
  await p2.locator('#tab-pending .n').filter({ hasText: /^\d+$/ }).waitFor();
  const csp = (await p2.request.get(BASE + '/moderation')).headers()['content-security-policy'];
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  assert.deepEqual(p2.errors, []);
  await c2.close();
});

test('a moderator approves a pending comment and the reader sees it appear', async () => {
  const { article, marker, ids } = await pendingComments(1);
  const reader = await publisherPage(browser, { articleId: article });
  await widget(reader.page).locator('li.c').first().waitFor();
  await reader.page.waitForTimeout(300);
  assert.equal(await widget(reader.page).locator(`li.c[data-id="${ids[0]}"]`).count(), 0);

  const { context, page } = await dashboard();
  await search(page, marker);
  const card = page.locator(`.card[data-id="${ids[0]}"]`);
  await card.waitFor();
  assert.equal(await card.locator('.title').textContent(), 'خبر للاختبار');
  await card.locator('button[data-act=approve]').click();
  await card.waitFor({ state: 'detached' });

  const banner = widget(reader.page).locator('button.banner');
  await banner.waitFor();
  await banner.click();
  await widget(reader.page).locator(`li.c[data-id="${ids[0]}"]`).waitFor();
  await context.close();
  await reader.context.close();
});

test('keyboard shortcuts: j/k move, x selects, a approves, r rejects with a reason, f features, u opens the reader', async () => {
  const { marker, ids } = await pendingComments(4);
  const { context, page } = await dashboard();
  await search(page, marker);
  await page.locator('.card').nth(3).waitFor();
  const focused = () => page.evaluate(() => document.activeElement.dataset.id);

  await page.keyboard.press('j');
  assert.equal(await focused(), String(ids[0]));
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  assert.equal(await focused(), String(ids[0]));
  await page.keyboard.press('a'); // approve the first
  await page.locator(`.card[data-id="${ids[0]}"]`).waitFor({ state: 'detached' });
  assert.equal(await focused(), String(ids[1]), 'focus stays in place, on the next comment');

  await page.keyboard.press('r'); // reject the second, reason 2 (abuse)
  await page.locator('#reject-dialog[open]').waitFor();
  await page.keyboard.press('2');
  await page.locator('#reject-dialog button[value=ok]').click();
  await page.locator(`.card[data-id="${ids[1]}"]`).waitFor({ state: 'detached' });
  const { body: rejected } = await api('GET', `/moderation/audit?commentId=${ids[1]}`, token({ groups: ['moderator'] }));
  assert.equal(rejected.entries[0].reason, 'abuse');

  await page.keyboard.press('x'); // select the third
  await page.locator(`.card.selected[data-id="${ids[2]}"]`).waitFor();
  await page.locator('#selected', { hasText: '1 محدد' }).waitFor();

  await page.keyboard.press('u'); // the reader's drawer
  await page.locator('#drawer h2').waitFor();
  assert.equal(await page.locator('#drawer h2').textContent(), 'قارئ 2');
  await page.keyboard.press('Escape');
  await page.locator('#drawer').waitFor({ state: 'hidden' });

  // f features a published comment, in the published queue.
  await search(page, marker, 'approved');
  const approved = page.locator(`.card[data-id="${ids[0]}"]`);
  await approved.waitFor();
  await approved.focus();
  await page.keyboard.press('f');
  await approved.locator('.badge.featured', { hasText: 'مميّز' }).waitFor();
  const { body: article } = await api('GET', `/articles/${(await api('GET', `/comments/${ids[0]}`)).body.articleId}/comments`);
  assert.deepEqual(article.featured.map((c) => c.id), [ids[0]], 'featured comments lead the reader page');
  await page.keyboard.press('?');
  await page.locator('#help[open]').waitFor();
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('bulk select and approve, and claiming the next batch', async () => {
  const { marker, ids } = await pendingComments(3);
  const { context, page } = await dashboard();
  await search(page, marker);
  await page.locator('.card').nth(2).waitFor();
  for (const id of ids.slice(0, 2)) await page.locator(`.card[data-id="${id}"] input[type=checkbox]`).check();
  await page.locator('#bulk-approve').click();
  await page.locator(`.card[data-id="${ids[0]}"]`).waitFor({ state: 'detached' });
  await page.locator(`.card[data-id="${ids[1]}"]`).waitFor({ state: 'detached' });
  for (const id of ids.slice(0, 2)) assert.equal((await api('GET', `/comments/${id}`)).status, 200);

  await page.locator('#claim').click();
  await page.locator('#status', { hasText: /حجزت \d+ تعليقات/ }).waitFor();
  const claimed = await page.locator('.card .badge', { hasText: 'محجوز لـ' }).count();
  assert.ok(claimed >= 1, 'claimed cards say so');
  await context.close();
});

test('cards highlight what the pipeline matched, and show the author history and the parent', async () => {
  const { article, marker, ids, opening } = await pendingComments(1, 'https://spam.example/offer');
  const { body: reply } = await api('POST', `/articles/${article}/comments`, token({ name: 'مجيب' }),
    { body: 'رد على الافتتاح ' + marker, parentId: opening.id });
  const { context, page } = await dashboard();
  await search(page, marker);
  const card = page.locator(`.card[data-id="${ids[0]}"]`);
  await card.waitFor();
  assert.equal(await card.locator('mark').textContent(), 'https://spam.example/offer');
  assert.match(await card.locator('header').textContent(), /منشور 0 · مرفوض 0 · بلاغات 0/);
  const replyCard = page.locator(`.card[data-id="${reply.id}"]`);
  assert.match(await replyCard.locator('.parent').textContent(), new RegExp('ردًّا على .*: افتتاح ' + marker));
  await context.close();
});

test('what the model held or rejected shows its score, version and the words it weighed most', async () => {
  const article = newArticle();
  const marker = 'mk' + randomUUID().replace(/[^a-f]/g, '').slice(0, 10);
  const { body } = await api('POST', `/articles/${article}/comments`, token({ name: 'قارئ غاضب' }),
    { body: `${marker} يا ابن الكلب يا واطي يا حقير`, articleTitle: 'خبر للاختبار' });
  assert.ok(['rejected', 'pending'].includes(body.status), body.status);
  const { context, page } = await dashboard();
  await search(page, marker, body.status === 'rejected' ? 'rejected' : 'pending');
  const card = page.locator(`.card[data-id="${body.id}"]`);
  const chip = card.locator('.chip.model');
  await chip.waitFor();
  const chipText = await chip.textContent();
  assert.match(chipText, /^النموذج 0\.\d\d \(الإصدار \d+\) · /);
  assert.match(chipText, /كلب|واطي|حقير/);
  // The words are marked in the text (by the model, or by a word list where both found the same word).
  const marks = await card.locator('mark').allTextContents();
  assert.ok(marks.some((m) => /كلب|واطي|حقير/.test(m)), String(marks));
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('the reader drawer: trust, pre-moderate, notes and ban', async () => {
  const { marker, ids } = await pendingComments(1);
  const { context, page } = await dashboard();
  await search(page, marker);
  await page.locator(`.card[data-id="${ids[0]}"] .author`).click();
  const drawer = page.locator('#drawer');
  await drawer.locator('h2').waitFor();
  await drawer.locator('textarea').fill('ملاحظة من الاختبار');
  await drawer.locator('button', { hasText: 'أضف ملاحظة' }).click();
  await drawer.locator('li', { hasText: 'ملاحظة من الاختبار' }).waitFor();
  // The note already left "saved" in the drawer: wait for the trust change's own answer.
  const trusted = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/moderation/users/'));
  await drawer.locator('label', { hasText: 'قارئ موثوق' }).locator('input').check();
  assert.equal((await trusted).status(), 200);
  await drawer.locator('label', { hasText: 'قارئ موثوق' }).locator('input:checked').waitFor();
  await drawer.locator('button.danger', { hasText: 'حظر' }).click();
  await drawer.locator('button', { hasText: 'رفع الحظر' }).waitFor();
  const authorId = (await api('GET', `/moderation/queues/all?q=${marker}`, token({ groups: ['moderator'] }))).body.items
    .find((i) => i.id === ids[0]).author.id;
  const { body: user } = await api('GET', `/moderation/users/${authorId}`, token({ groups: ['moderator'] }));
  assert.equal(user.status, 'banned');
  assert.equal(user.trusted, true);
  await context.close();
});

test('admin pages: word lists, model versions, audit log and stats; and the English interface', async () => {
  const { context, page } = await dashboard({ groups: ['admin'], lang: 'en' });
  assert.equal(await page.locator('html').getAttribute('dir'), 'ltr');
  assert.equal(await page.locator('#tab-pending').evaluate((b) => b.firstChild.textContent), 'Pending');
  await page.locator('#tab-wordlists').click();
  const text = page.locator('#admin textarea');
  // The box names the list it holds once that list has loaded.
  const loaded = (list) => page.waitForFunction((l) => document.querySelector('#admin textarea')?.dataset.list === l, list);
  await loaded('banned');
  const original = await text.inputValue();
  const term = 'كلمةاختبار' + Math.floor(Math.random() * 1e6);
  await page.locator('#admin select').selectOption('suspect');
  await loaded('suspect');
  const suspect = await text.inputValue();
  await text.fill(suspect + '\n' + term + '\n');
  await page.locator('#admin button.primary').click();
  await page.locator('#admin .msg', { hasText: 'Saved.' }).waitFor();
  // Every instance rebuilds its matcher when told through Redis: within moments, not instantly.
  let status;
  for (let i = 0; i < 50 && status !== 'pending'; i++) {
    if (i > 0) await new Promise((r) => setTimeout(r, 100));
    status = (await api('POST', `/articles/${newArticle()}/comments`, token(), { body: 'نص فيه ' + term })).body.status;
  }
  assert.equal(status, 'pending', 'the new suspect term holds comments');
  await text.fill(suspect);
  await page.locator('#admin button.primary').click();
  await page.locator('#admin .msg', { hasText: 'Saved.' }).waitFor();
  assert.ok(original.length > 0);

  await page.locator('#tab-models').click();
  // The shipped model is a version on any database; whichever version is active says so.
  await page.locator('#admin tr[data-version="1"]').waitFor();
  assert.equal(await page.locator('#admin tr[data-version="1"] td').nth(1).textContent(), 'shipped');
  assert.equal(await page.locator('#admin .badge', { hasText: 'Active' }).count(), 1);
  assert.match(await page.locator('#admin tr[data-version="1"] td').nth(3).textContent(), /^0\.\d{4}$/);
  // Train a version (forced, so it becomes active whatever the gate says), follow it, then roll back.
  await page.locator('#admin input[type=checkbox]').check();
  await page.locator('#admin button.primary', { hasText: 'Train a new version' }).click();
  await page.locator('#admin .msg', { hasText: /^Version \d+: .*promoted/ }).waitFor({ timeout: 60000 });
  const trained = (await page.locator('#admin .msg').textContent()).match(/^Version (\d+)/)[1];
  assert.equal(await page.locator(`#admin tr[data-version="${trained}"] .badge`).textContent(), 'Active');
  await page.locator('#admin tr[data-version="1"] button', { hasText: 'Activate' }).click();
  await page.locator('#admin tr[data-version="1"] .badge', { hasText: 'Active' }).waitFor();
  assert.equal((await api('GET', '/admin/models', token({ groups: ['admin'] }))).body.find((v) => v.active).version, 1);

  await page.locator('#tab-audit').click();
  await page.locator('#admin table tbody tr').first().waitFor();
  await page.locator('#tab-stats').click();
  await page.locator('#admin dl dt', { hasText: 'Oldest pending' }).waitFor();
  await page.locator('#admin h3', { hasText: /^Model agreement with moderators \(last 30 days\)$/ }).waitFor();
  assert.match(await page.locator('#admin dl.agreement').textContent(), /Holds at 0\.48precision/);
  assert.deepEqual(page.errors, []);
  await context.close();
});
