/*
 * Hiwar moderator dashboard: plain DOM over /api/v1/moderation. All comment text goes
 * through textContent; matched terms are wrapped in <mark> by their stored spans.
 */
'use strict';

const T = {
  ar: {
    brand: 'حوار · الإشراف', signOut: 'خروج', signInTitle: 'تسجيل دخول المشرفين', tokenLabel: 'رمز الدخول (JWT) من نظام دخول الناشر',
    signIn: 'دخول', devSignIn: 'دخول كمشرف تجريبي', search: 'بحث في النصوص', claim: 'احجز الدفعة التالية',
    approveSelected: 'اعتماد المحدد', rejectSelected: 'رفض المحدد', shortcuts: 'اختصارات', more: 'المزيد', cancel: 'إلغاء',
    reject: 'رفض', approve: 'اعتماد', feature: 'تمييز', featured: 'مميّز', unfeature: 'إلغاء التمييز', rejectWhy: 'سبب الرفض', close: 'إغلاق',
    queues: { pending: 'بانتظار المراجعة', reported: 'مُبلَّغ عنها', rejected: 'مرفوضة', approved: 'منشورة', all: 'الكل' },
    statuses: { pending: 'معلّق', published: 'منشور', rejected: 'مرفوض', deleted: 'محذوف' },
    admin: { wordlists: 'قوائم الكلمات', audit: 'سجل التدقيق', stats: 'إحصاءات' },
    reasons: { spam: 'رسائل مزعجة', abuse: 'إساءة', hate: 'كراهية', harassment: 'تحرش', 'off-topic': 'خارج الموضوع', 'personal-data': 'بيانات شخصية', other: 'أخرى' },
    empty: 'لا شيء هنا. عمل رائع!', selected: '{n} محدد', history: 'منشور {p} · مرفوض {r} · بلاغات {k}',
    replyTo: 'ردًّا على {name}:', reports: 'بلاغات القراء', hidden: 'مخفي بالبلاغات', claimed: 'محجوز لـ {who}',
    done: 'تم.', failed: 'تعذّر: {why}', claimedN: 'حجزت {n} تعليقات لمدة دقيقتين.', noToken: 'الصق رمزًا أولًا.',
    notModerator: 'هذا الرمز ليس لمشرف.', badToken: 'الرمز غير صالح أو منتهٍ.',
    user: 'القارئ', ban: 'حظر', unban: 'رفع الحظر', banUntil: 'حتى (اختياري)', banReject: 'ارفض كل تعليقاته',
    premod: 'مراجعة مسبقة لتعليقاته', trusted: 'قارئ موثوق', notes: 'ملاحظات المشرفين', addNote: 'أضف ملاحظة', recent: 'آخر تعليقاته',
    save: 'حفظ', saved: 'حُفظ.', list: 'القائمة', banned: 'محظورة', suspect: 'مشبوهة', conflict: 'عدّل أحدهم القائمة؛ أعد تحميلها.',
    when: 'الوقت', actor: 'المنفذ', action: 'الإجراء', comment: 'التعليق', status: 'الحالة', reason: 'السبب',
    oldest: 'عمر أقدم تعليق معلّق', median: 'وسيط زمن القرار', perDay: 'القرارات لكل مشرف يوميًا', seconds: '{n} ث',
    keys: { 'j / k': 'التالي / السابق', a: 'اعتماد', r: 'رفض مع سبب', f: 'تمييز', x: 'تحديد', u: 'ملف القارئ', '?': 'هذه القائمة' }
  },
  en: {
    brand: 'Hiwar · Moderation', signOut: 'Sign out', signInTitle: 'Moderator sign-in', tokenLabel: 'Sign-in token (JWT) from the publisher’s login',
    signIn: 'Sign in', devSignIn: 'Sign in as demo moderator', search: 'Search text', claim: 'Claim next batch',
    approveSelected: 'Approve selected', rejectSelected: 'Reject selected', shortcuts: 'Shortcuts', more: 'More', cancel: 'Cancel',
    reject: 'Reject', approve: 'Approve', feature: 'Feature', featured: 'Featured', unfeature: 'Unfeature', rejectWhy: 'Reason for rejecting', close: 'Close',
    queues: { pending: 'Pending', reported: 'Reported', rejected: 'Rejected', approved: 'Published', all: 'All' },
    statuses: { pending: 'pending', published: 'published', rejected: 'rejected', deleted: 'deleted' },
    admin: { wordlists: 'Word lists', audit: 'Audit log', stats: 'Stats' },
    reasons: { spam: 'Spam', abuse: 'Abuse', hate: 'Hate', harassment: 'Harassment', 'off-topic': 'Off-topic', 'personal-data': 'Personal data', other: 'Other' },
    empty: 'Nothing here. Well done!', selected: '{n} selected', history: 'published {p} · rejected {r} · reports {k}',
    replyTo: 'Replying to {name}:', reports: 'Readers’ reports', hidden: 'Hidden by reports', claimed: 'Claimed by {who}',
    done: 'Done.', failed: 'Failed: {why}', claimedN: 'Claimed {n} comments for 2 minutes.', noToken: 'Paste a token first.',
    notModerator: 'This token is not a moderator’s.', badToken: 'The token is invalid or expired.',
    user: 'Reader', ban: 'Ban', unban: 'Lift ban', banUntil: 'Until (optional)', banReject: 'Reject all their comments',
    premod: 'Pre-moderate their comments', trusted: 'Trusted reader', notes: 'Moderator notes', addNote: 'Add note', recent: 'Recent comments',
    save: 'Save', saved: 'Saved.', list: 'List', banned: 'Banned', suspect: 'Suspect', conflict: 'Someone changed the list; reload it.',
    when: 'When', actor: 'Actor', action: 'Action', comment: 'Comment', status: 'Status', reason: 'Reason',
    oldest: 'Oldest pending', median: 'Median time to decision', perDay: 'Decisions per moderator per day', seconds: '{n} s',
    keys: { 'j / k': 'next / previous', a: 'approve', r: 'reject with a reason', f: 'feature', x: 'select', u: 'reader profile', '?': 'this list' }
  }
};

const QUEUES = ['pending', 'reported', 'rejected', 'approved', 'all'];
const ADMIN = ['wordlists', 'audit', 'stats'];
const REJECT_REASONS = ['spam', 'abuse', 'hate', 'harassment', 'off-topic', 'personal-data', 'other'];

const state = {
  lang: localStorage.getItem('hiwar-mod-lang') || 'ar',
  token: sessionStorage.getItem('hiwar-mod-token'),
  view: 'pending', items: [], cursor: null, focus: -1, selected: new Set()
};
const $ = (id) => document.getElementById(id);
const m = () => T[state.lang];
// A function replacement: display names may hold $& or $` patterns.
const fmt = (s, vars) => Object.entries(vars || {}).reduce((a, [k, v]) => a.replace('{' + k + '}', () => String(v)), s);

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
}

async function api(method, path, body, extra) {
  const headers = Object.assign({ Authorization: 'Bearer ' + state.token }, extra || {});
  if (body !== undefined && typeof body !== 'string') headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)) });
  if (res.status === 401) { signOut(m().badToken); throw new Error(m().badToken); }
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = new Error((data && data.detail) || res.statusText);
    err.status = res.status;
    err.problem = data;
    throw err;
  }
  return { data, res };
}

function say(text, error) {
  $('status').textContent = text;
  $('status').classList.toggle('error', !!error);
}

// --- Language ---------------------------------------------------------------------------

function applyLang() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === 'ar' ? 'rtl' : 'ltr';
  $('lang').textContent = state.lang === 'ar' ? 'English' : 'العربية';
  document.querySelectorAll('[data-i18n]').forEach((n) => { n.textContent = m()[n.dataset.i18n]; });
  document.querySelectorAll('[data-i18n-placeholder]').forEach((n) => { n.placeholder = m()[n.dataset.i18nPlaceholder]; });
  $('reject-reasons').replaceChildren(...REJECT_REASONS.map((r, i) => el('label', null,
    el('input', { type: 'radio', name: 'reason', value: r, checked: i === 0 }), ' ' + (i + 1) + '. ' + m().reasons[r])));
  $('help-keys').replaceChildren(...Object.entries(m().keys).flatMap(([k, v]) => [el('dt', null, el('kbd', { text: k })), el('dd', { text: v })]));
  if (state.token) { renderTabs(); show(state.view); }
}

// --- Sign-in ----------------------------------------------------------------------------

async function signIn(token) {
  state.token = token;
  try {
    await api('GET', '/api/v1/moderation/counts');
  } catch (e) {
    state.token = null;
    $('signin-msg').textContent = e.status === 403 ? m().notModerator : m().badToken;
    return;
  }
  sessionStorage.setItem('hiwar-mod-token', token);
  try {
    const bytes = Uint8Array.from(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    $('me').textContent = payload.name || payload.preferred_username || payload.sub;
    state.admin = (payload.groups || []).includes('admin');
  } catch (e) { /* the name is cosmetic */ }
  $('signin').hidden = true;
  $('desk').hidden = false;
  $('signout').hidden = false;
  renderTabs();
  show('pending');
  clearInterval(state.poll);
  state.poll = setInterval(refreshCounts, 10000);
}

function signOut(message) {
  sessionStorage.removeItem('hiwar-mod-token');
  state.token = null;
  clearInterval(state.poll);
  $('desk').hidden = true;
  $('signout').hidden = true;
  $('signin').hidden = false;
  $('me').textContent = '';
  $('signin-msg').textContent = message || '';
}

// --- Queues -----------------------------------------------------------------------------

function renderTabs() {
  const tabs = [...QUEUES, ...ADMIN].map((v) => el('button', {
    type: 'button', role: 'tab', id: 'tab-' + v, 'aria-selected': String(state.view === v), 'data-view': v,
    onclick: () => show(v)
  }, (m().queues[v] || m().admin[v]), QUEUES.includes(v) && v !== 'all' ? el('span', { class: 'n', 'data-count': v }) : null));
  $('tabs').replaceChildren(...tabs);
  refreshCounts();
}

async function refreshCounts() {
  try {
    const { data } = await api('GET', '/api/v1/moderation/counts');
    document.querySelectorAll('[data-count]').forEach((n) => { n.textContent = String(data[n.dataset.count] ?? 0); });
  } catch (e) { /* shown on the next action */ }
}

function show(view) {
  state.view = view;
  document.querySelectorAll('#tabs [role=tab]').forEach((t) => t.setAttribute('aria-selected', String(t.dataset.view === view)));
  const isQueue = QUEUES.includes(view);
  document.querySelector('.toolbar').hidden = !isQueue;
  $('cards').hidden = !isQueue;
  $('admin').hidden = isQueue;
  say('');
  if (isQueue) loadQueue(true);
  else ({ wordlists: showWordLists, audit: showAudit, stats: showStats })[view]();
}

async function loadQueue(reset) {
  const load = (state.load = (state.load || 0) + 1); // only the latest request's answer is shown
  const params = new URLSearchParams({ limit: '20' });
  if ($('q').value.trim()) params.set('q', $('q').value.trim());
  if (!reset && state.cursor) params.set('cursor', state.cursor);
  try {
    const { data } = await api('GET', '/api/v1/moderation/queues/' + state.view + '?' + params);
    if (load !== state.load) return;
    if (reset) { state.items = []; state.focus = -1; state.selected.clear(); }
    state.items.push(...data.items);
    state.cursor = data.nextCursor;
  } catch (e) {
    say(fmt(m().failed, { why: e.message }), true);
  }
  renderCards();
}

function renderCards() {
  const cards = state.items.map((item, i) => card(item, i));
  $('cards').replaceChildren(...(cards.length ? cards : [el('p', { class: 'msg', text: m().empty })]));
  $('more').hidden = !state.cursor;
  $('selected').textContent = state.selected.size ? fmt(m().selected, { n: state.selected.size }) : '';
  if (state.focus >= 0) focusCard(Math.min(state.focus, state.items.length - 1));
}

/** The body with each matched term's span wrapped in <mark>, as text nodes. */
function highlighted(body, reasons) {
  const p = el('p', { class: 'body', dir: 'auto' });
  const spans = (reasons || []).filter((r) => Number.isInteger(r.start) && Number.isInteger(r.end) && r.end > r.start)
    .sort((a, b) => a.start - b.start);
  let at = 0;
  for (const r of spans) {
    if (r.start < at) continue;
    p.append(body.slice(at, r.start), el('mark', { title: r.rule + ': ' + (r.term || r.code), text: body.slice(r.start, r.end) }));
    at = r.end;
  }
  p.append(body.slice(at));
  return p;
}

function card(item, i) {
  const t = m();
  const a = item.author;
  const head = el('header', null,
    el('a', { class: 'title', href: item.article.url || '#', target: '_blank', rel: 'noopener noreferrer', text: item.article.title || item.article.id }),
    a ? el('button', { type: 'button', class: 'author', text: a.name || ('#' + a.id), onclick: () => openUser(a.id) }) : null,
    a ? el('span', { text: fmt(t.history, { p: a.published, r: a.rejected, k: a.reported }) }) : null,
    el('time', { datetime: item.createdAt, text: new Date(item.createdAt).toLocaleString(state.lang) }),
    el('span', { class: 'badge', text: t.statuses[item.status] || item.status }),
    item.hidden ? el('span', { class: 'badge', text: t.hidden }) : null,
    item.featured ? el('span', { class: 'badge featured', text: t.featured }) : null,
    item.claimedBy ? el('span', { class: 'badge', text: fmt(t.claimed, { who: item.claimedBy }) }) : null);
  const parent = item.parent ? el('p', { class: 'parent', dir: 'auto' }, fmt(t.replyTo, { name: item.parent.authorName || '—' }) + ' ', item.parent.body || '') : null;
  const reasons = (item.reasons || []).length ? el('div', { class: 'reasons' },
    ...item.reasons.map((r) => el('span', { class: 'chip warn', text: r.rule + (r.term ? ' · ' + r.term : '') }))) : null;
  const reports = (item.reports || []).length ? el('div', { class: 'reports', 'aria-label': t.reports },
    ...item.reports.map((r) => el('span', { class: 'chip', text: (t.reasons[r.reason] || r.reason) + (r.note ? ': ' + r.note : '') }))) : null;
  const select = el('input', { type: 'checkbox', 'aria-label': 'select ' + item.id, checked: state.selected.has(item.id),
    onchange: () => toggleSelect(item.id) });
  const actions = el('div', { class: 'actions' }, select,
    el('button', { type: 'button', class: 'primary', 'data-act': 'approve', text: t.approve, onclick: () => decide(item, 'approve') }),
    el('button', { type: 'button', class: 'danger', 'data-act': 'reject', text: t.reject, onclick: () => rejectWithReason([item]) }),
    item.status === 'published' ? el('button', { type: 'button', 'data-act': 'feature', text: item.featured ? t.unfeature : t.feature,
      onclick: () => decide(item, item.featured ? 'unfeature' : 'feature') }) : null);
  return el('article', { class: 'card' + (state.selected.has(item.id) ? ' selected' : ''), role: 'listitem', tabindex: '-1',
    'data-id': String(item.id), 'aria-label': (a && a.name || '') + ': ' + item.body.slice(0, 80),
    onfocus: () => { state.focus = i; } }, head, parent, highlighted(item.body, item.reasons), reasons, reports, actions);
}

function focusCard(i) {
  const cards = [...document.querySelectorAll('#cards .card')];
  if (!cards.length) return;
  state.focus = Math.max(0, Math.min(i, cards.length - 1));
  cards[state.focus].focus();
  cards[state.focus].scrollIntoView({ block: 'nearest' });
}

function toggleSelect(id) {
  if (state.selected.has(id)) state.selected.delete(id); else state.selected.add(id);
  renderCards();
}

async function decide(item, action, reason) {
  try {
    const { data } = await api('POST', '/api/v1/moderation/comments/' + item.id + '/decision', { action, reason, version: item.version });
    if (action === 'feature' || action === 'unfeature') {
      // The comment stays in its queue: show it as it is now (new version, badge).
      state.items = state.items.map((x) => (x.id === item.id ? data : x));
      const focus = state.focus;
      renderCards();
      focusCard(focus);
    } else {
      afterDecision([item.id]);
    }
    say(m().done);
  } catch (e) {
    say(fmt(m().failed, { why: e.message }), true);
  }
}

function afterDecision(ids) {
  const focus = state.focus;
  state.items = state.items.filter((x) => !ids.includes(x.id) || state.view === 'all');
  ids.forEach((id) => state.selected.delete(id));
  if (state.view === 'all') { loadQueue(true); return; }
  renderCards();
  focusCard(focus);
  refreshCounts();
}

function rejectWithReason(items) {
  const dialog = $('reject-dialog');
  dialog.returnValue = '';
  dialog.onclose = async () => {
    if (dialog.returnValue !== 'ok') return;
    const reason = dialog.querySelector('input[name=reason]:checked').value;
    if (items.length === 1) await decide(items[0], 'reject', reason);
    else await bulk(items, 'reject', reason);
  };
  dialog.showModal();
  dialog.querySelector('input[name=reason]:checked').focus();
}

async function bulk(items, action, reason) {
  if (!items.length) return;
  try {
    const { data } = await api('POST', '/api/v1/moderation/decisions',
      { items: items.map((x) => ({ id: x.id, action, reason, version: x.version })) });
    const ok = data.filter((r) => r.status === 200).map((r) => r.id);
    afterDecision(ok);
    const failed = data.filter((r) => r.status !== 200);
    say(failed.length ? fmt(m().failed, { why: failed.map((f) => '#' + f.id + ' ' + (f.problem && f.problem.detail)).join('; ') }) : m().done, failed.length > 0);
  } catch (e) {
    say(fmt(m().failed, { why: e.message }), true);
  }
}

async function claim() {
  try {
    const { data } = await api('POST', '/api/v1/moderation/queues/' + (state.view === 'all' ? 'pending' : state.view) + '/claim?limit=10');
    state.items = data;
    state.cursor = null;
    state.selected.clear();
    renderCards();
    focusCard(0);
    say(fmt(m().claimedN, { n: data.length }));
  } catch (e) {
    say(fmt(m().failed, { why: e.message }), true);
  }
}

// --- Reader drawer ---------------------------------------------------------------------

async function openUser(id, message) {
  const t = m();
  const drawer = $('drawer');
  let u;
  try {
    ({ data: u } = await api('GET', '/api/v1/moderation/users/' + id));
  } catch (e) {
    say(fmt(t.failed, { why: e.message }), true);
    return;
  }
  const msg = el('p', { class: 'msg', role: 'status', text: message || '' });
  // After a change the drawer is drawn again from the server's answer, saying it was saved.
  const done = async (promise) => {
    try { await promise; await openUser(id, t.saved); } catch (e) { msg.textContent = fmt(t.failed, { why: e.message }); }
  };
  const until = el('input', { type: 'datetime-local', 'aria-label': t.banUntil });
  const rejectAll = el('input', { type: 'checkbox', id: 'ban-reject' });
  const note = el('textarea', { 'aria-label': t.addNote, rows: '2' });
  const banned = u.status === 'banned';
  drawer.replaceChildren(
    el('h2', { id: 'drawer-title', dir: 'auto', text: (u.name || '#' + u.id) }),
    el('p', { text: u.subject + ' · ' + new Date(u.createdAt).toLocaleDateString(state.lang) }),
    el('p', { text: Object.entries(u.comments || {}).map(([k, v]) => k + ': ' + v).join(' · ') + ' · ' + t.reports + ': ' + u.openReports }),
    el('label', null, el('input', { type: 'checkbox', checked: u.premoderated, onchange: (e) => done(api('PUT', '/api/v1/moderation/users/' + id, { premoderated: e.target.checked })) }), ' ' + t.premod),
    el('br'),
    el('label', null, el('input', { type: 'checkbox', checked: u.trusted, onchange: (e) => done(api('PUT', '/api/v1/moderation/users/' + id, { trusted: e.target.checked })) }), ' ' + t.trusted),
    el('h3', { text: banned ? t.unban : t.ban }),
    banned ? el('button', { type: 'button', onclick: () => done(api('DELETE', '/api/v1/moderation/users/' + id + '/ban')) , text: t.unban })
      : el('div', { class: 'row' }, until, el('label', null, rejectAll, ' ' + t.banReject),
        el('button', { type: 'button', class: 'danger', text: t.ban, onclick: () => done(api('POST', '/api/v1/moderation/users/' + id + '/ban',
          { until: until.value ? new Date(until.value).toISOString() : null, rejectComments: rejectAll.checked, reason: 'abuse' })) })),
    el('h3', { text: t.notes }),
    el('ul', null, ...(u.notes || []).map((n) => el('li', { dir: 'auto', text: n.body + ' — ' + n.author }))),
    note, el('button', { type: 'button', text: t.addNote, onclick: () => note.value.trim() && done(api('POST', '/api/v1/moderation/users/' + id + '/notes', { body: note.value })) }),
    el('h3', { text: t.recent }),
    el('ul', null, ...(u.recentComments || []).map((c) => el('li', { dir: 'auto', text: '[' + c.status + '] ' + c.body.slice(0, 140) }))),
    msg,
    el('button', { type: 'button', text: t.close, onclick: closeDrawer }));
  const reopened = !drawer.hidden;
  drawer.hidden = false;
  drawer.querySelector('h2').tabIndex = -1;
  if (!reopened) drawer.querySelector('h2').focus();
}

function closeDrawer() {
  $('drawer').hidden = true;
  focusCard(state.focus);
}

// --- Admin pages -------------------------------------------------------------------------

async function showWordLists() {
  const t = m();
  const box = $('admin');
  box.className = 'admin';
  const which = el('select', { 'aria-label': t.list }, el('option', { value: 'banned', text: t.banned }), el('option', { value: 'suspect', text: t.suspect }));
  const text = el('textarea', { 'aria-label': t.list, dir: 'auto', spellcheck: 'false' });
  const msg = el('p', { class: 'msg', role: 'status' });
  let etag = null;
  // While a list loads, the box shows nothing and saves nothing: the other list's text must
  // never be saved under this list's name.
  const load = async () => {
    const list = which.value;
    text.value = '';
    text.disabled = save.disabled = true;
    delete text.dataset.list;
    try {
      const { data, res } = await api('GET', '/api/v1/admin/wordlists/' + list);
      if (which.value !== list) return;
      text.value = data;
      etag = res.headers.get('ETag');
      text.dataset.list = list;
      text.disabled = save.disabled = false;
      msg.textContent = '';
    } catch (e) { msg.textContent = fmt(t.failed, { why: e.message }); }
  };
  which.onchange = load;
  const save = el('button', { type: 'button', class: 'primary', text: t.save, onclick: async () => {
    msg.textContent = '';
    try {
      const { res } = await api('PUT', '/api/v1/admin/wordlists/' + which.value, text.value, { 'Content-Type': 'text/plain; charset=utf-8', 'If-Match': etag });
      etag = res.headers.get('ETag');
      msg.textContent = t.saved;
    } catch (e) { msg.textContent = e.status === 412 ? t.conflict : fmt(t.failed, { why: e.message }); }
  } });
  box.replaceChildren(el('div', { class: 'row' }, which, save), text, msg);
  await load();
}

async function showAudit() {
  const t = m();
  const box = $('admin');
  box.className = 'admin';
  try {
    const { data } = await api('GET', '/api/v1/moderation/audit?limit=100');
    box.replaceChildren(el('table', null,
      el('thead', null, el('tr', null, ...[t.when, t.actor, t.action, t.comment, t.status, t.reason].map((h) => el('th', { text: h })))),
      el('tbody', null, ...data.entries.map((e) => el('tr', null,
        el('td', { text: new Date(e.at).toLocaleString(state.lang) }), el('td', { text: e.actor }), el('td', { text: e.action }),
        el('td', { text: e.commentId ? '#' + e.commentId : '' }),
        el('td', { text: (e.statusBefore || '') + (e.statusAfter ? ' → ' + e.statusAfter : '') }), el('td', { text: e.reason || '' }))))));
  } catch (e) { box.replaceChildren(el('p', { class: 'msg error', text: fmt(t.failed, { why: e.message }) })); }
}

async function showStats() {
  const t = m();
  const box = $('admin');
  box.className = 'admin';
  try {
    const { data } = await api('GET', '/api/v1/moderation/stats');
    box.replaceChildren(
      el('dl', null, ...Object.entries(data.queues).flatMap(([k, v]) => [el('dt', { text: t.queues[k] || k }), el('dd', { text: String(v) })]),
        el('dt', { text: t.oldest }), el('dd', { text: data.oldestPendingSeconds == null ? '—' : fmt(t.seconds, { n: data.oldestPendingSeconds }) }),
        el('dt', { text: t.median }), el('dd', { text: data.medianSecondsToDecision == null ? '—' : fmt(t.seconds, { n: Math.round(data.medianSecondsToDecision) }) })),
      el('h3', { text: t.perDay }),
      el('table', null, el('tbody', null, ...data.decisionsPerModeratorPerDay.map((d) =>
        el('tr', null, el('td', { text: d.day }), el('td', { text: d.moderator }), el('td', { text: String(d.decisions) }))))));
  } catch (e) { box.replaceChildren(el('p', { class: 'msg error', text: fmt(t.failed, { why: e.message }) })); }
}

// --- Keyboard ----------------------------------------------------------------------------

function onKey(e) {
  if (e.ctrlKey || e.metaKey || e.altKey || $('desk').hidden || !QUEUES.includes(state.view)) return;
  if (e.target.closest('input, textarea, select, dialog')) return;
  const item = state.items[state.focus];
  const act = {
    j: () => focusCard(state.focus + 1),
    k: () => focusCard(state.focus - 1),
    a: () => item && decide(item, 'approve'),
    r: () => item && rejectWithReason([item]),
    f: () => item && item.status === 'published' && decide(item, item.featured ? 'unfeature' : 'feature'),
    x: () => { if (item) { toggleSelect(item.id); focusCard(state.focus); } },
    u: () => item && item.author && openUser(item.author.id),
    '?': () => $('help').showModal(),
    Escape: () => closeDrawer()
  }[e.key];
  if (act) { e.preventDefault(); act(); }
}

function onDialogKey(e) {
  const n = Number(e.key);
  if (n >= 1 && n <= REJECT_REASONS.length) {
    $('reject-dialog').querySelector('input[value="' + REJECT_REASONS[n - 1] + '"]').checked = true;
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  $('lang').onclick = () => { state.lang = state.lang === 'ar' ? 'en' : 'ar'; localStorage.setItem('hiwar-mod-lang', state.lang); applyLang(); };
  $('signout').onclick = () => signOut();
  $('use-token').onclick = () => ($('token').value.trim() ? signIn($('token').value.trim()) : ($('signin-msg').textContent = m().noToken));
  $('dev-signin').onclick = async () => {
    const res = await fetch('/dev/sign-in?as=moderator', { method: 'POST' });
    if (res.ok) signIn((await res.json()).token);
  };
  $('q').addEventListener('change', () => loadQueue(true));
  $('more').onclick = () => loadQueue(false);
  $('claim').onclick = claim;
  $('bulk-approve').onclick = () => bulk(state.items.filter((x) => state.selected.has(x.id)), 'approve');
  $('bulk-reject').onclick = () => rejectWithReason(state.items.filter((x) => state.selected.has(x.id)));
  $('help-btn').onclick = () => $('help').showModal();
  $('reject-dialog').addEventListener('keydown', onDialogKey);
  document.addEventListener('keydown', onKey);
  applyLang();
  // The dev sign-in exists only in dev builds: a GET there answers 405 instead of 404.
  fetch('/dev/sign-in').then((r) => { $('dev-signin').hidden = r.status === 404; }).catch(() => {});
  if (state.token) signIn(state.token); else $('signin').hidden = false;
});
