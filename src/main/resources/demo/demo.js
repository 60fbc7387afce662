// Minimal comment box for the dev demo. Every piece of user text goes through textContent.
const root = document.getElementById('hiwar-comments');
const articleId = root.dataset.articleId;
const api = (path) => `/api/v1${path}`;
const fmt = new Intl.RelativeTimeFormat('ar', { numeric: 'auto' });
const plural = new Intl.PluralRules('ar');
const countWords = { zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: 'تعليقات', many: 'تعليقًا', other: 'تعليق' };
let session = JSON.parse(sessionStorage.getItem('hiwar-demo') || 'null');
let nextCursor = null;
let replyTo = null;

const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, text) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  if (text !== undefined) node.textContent = text;
  return node;
};

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const res = await fetch(api(path), { method, headers, body: body ? JSON.stringify(body) : undefined });
  const data = res.status === 204 ? null : await res.json();
  if (!res.ok) throw Object.assign(new Error(data?.detail || res.statusText), { problem: data });
  return data;
}

function relative(iso) {
  const seconds = (new Date(iso) - Date.now()) / 1000;
  const units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return fmt.format(Math.round(seconds / size), unit);
  return fmt.format(Math.round(seconds), 'second');
}

function render(c) {
  const li = el('li', { class: 'comment', id: `c${c.id}` });
  if (c.status === 'deleted') {
    li.append(el('p', { class: 'body' }, 'حُذف هذا التعليق.'));
  } else {
    const header = el('header');
    header.append(el('span', { class: 'author' }, c.author?.name || 'قارئ'), ' · ', el('time', { datetime: c.createdAt }, relative(c.createdAt)));
    if (c.status === 'pending') header.append(el('span', { class: 'pending' }, 'بانتظار المراجعة'));
    li.append(header, el('p', { class: 'body', dir: c.dir }, c.body));
    const actions = el('div', { class: 'actions' });
    const reply = el('button', { type: 'button' }, 'رد');
    reply.onclick = () => { replyTo = c; $('replying').hidden = false; $('replying').textContent = `ردًا على ${c.author?.name || 'قارئ'}`; $('body').focus(); };
    actions.append(reply);
    if (c.mine) {
      const del = el('button', { type: 'button' }, 'حذف');
      del.onclick = async () => { await call('DELETE', `/comments/${c.id}`); load(true); };
      actions.append(del);
    }
    li.append(actions);
  }
  if (c.replies?.length) {
    const ol = el('ol', { class: 'comments' });
    c.replies.forEach((r) => ol.append(render(r)));
    li.append(ol);
  }
  return li;
}

async function load(reset) {
  if (reset) { $('list').replaceChildren(); nextCursor = null; }
  const q = new URLSearchParams({ sort: 'newest' });
  if (nextCursor) q.set('cursor', nextCursor);
  const page = await call('GET', `/articles/${encodeURIComponent(articleId)}/comments?${q}`);
  const n = page.article.publishedCount;
  $('count').textContent = `(${n === 0 ? countWords.zero : n <= 2 ? countWords[plural.select(n)] : `${n.toLocaleString('ar-EG')} ${countWords[plural.select(n)]}`})`;
  $('closed').hidden = page.article.open;
  page.comments.forEach((c) => $('list').append(render(c)));
  nextCursor = page.nextCursor;
  $('more').hidden = !nextCursor;
}

function showSession() {
  $('who').textContent = session ? session.name : 'زائر';
  $('signout').hidden = !session;
}

document.querySelectorAll('[data-as]').forEach((b) => b.addEventListener('click', async () => {
  const res = await fetch(`/dev/sign-in?as=${b.dataset.as}`, { method: 'POST' });
  session = await res.json();
  sessionStorage.setItem('hiwar-demo', JSON.stringify(session));
  showSession();
  load(true);
}));
$('signout').onclick = () => { session = null; sessionStorage.removeItem('hiwar-demo'); showSession(); load(true); };
$('more').onclick = () => load(false);
$('compose').addEventListener('submit', async (e) => {
  e.preventDefault();
  if (!session) { $('status').textContent = 'سجّل الدخول أولًا لتنشر تعليقك.'; return; }
  try {
    const c = await call('POST', `/articles/${encodeURIComponent(articleId)}/comments`, {
      body: $('body').value, parentId: replyTo?.id, articleTitle: root.dataset.articleTitle, articleUrl: location.href,
    });
    $('body').value = '';
    replyTo = null; $('replying').hidden = true;
    $('status').textContent = c.status === 'published' ? 'نُشر تعليقك.' : 'تعليقك بانتظار المراجعة.';
    load(true);
  } catch (err) {
    $('status').textContent = err.problem?.detail || 'تعذّر نشر التعليق، حاول مرة أخرى.';
  }
});

showSession();
load(true);
