// The queues: tabs with live counts, cards, selection, decisions (one or in bulk) and claims.
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
  else ({ newsroom: showNewsroom, campaigns: showCampaigns, wordlists: showWordLists, models: showModels, audit: showAudit, stats: showStats })[view]();
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
    const score = typeof r.score === 'number' ? ' ' + r.score.toFixed(2) : '';
    p.append(body.slice(at, r.start), el('mark', { class: r.rule === 'model' ? 'model' : null,
      title: r.rule + score + ': ' + (r.term || r.code), text: body.slice(r.start, r.end) }));
    at = r.end;
  }
  p.append(body.slice(at));
  return p;
}

/** One chip per rule that fired; the model's spans share one chip with its score and version. */
function reasonChips(reasons, t) {
  const model = reasons.filter((r) => r.rule === 'model');
  const chips = reasons.filter((r) => r.rule !== 'model')
    .map((r) => el('span', { class: 'chip warn', text: r.rule + (r.term ? ' · ' + r.term : '') }));
  if (model.length) {
    const terms = model.map((r) => r.term).filter(Boolean);
    chips.push(el('span', { class: 'chip warn model', title: model[0].message,
      text: fmt(t.modelScore, { score: (model[0].score || 0).toFixed(2), v: model[0].modelVersion }) + (terms.length ? ' · ' + terms.join('، ') : '') }));
  }
  return chips;
}

function card(item, i) {
  const t = m();
  const a = item.author;
  const head = el('header', null,
    el('a', { class: 'title', href: item.article.url || '#', target: '_blank', rel: 'noopener noreferrer', text: item.article.title || item.article.id }),
    item.article.section ? el('span', { class: 'badge section', text: item.article.section }) : null,
    a && a.id != null ? el('button', { type: 'button', class: 'author', text: a.name || ('#' + a.id), onclick: () => openUser(a.id) }) : null,
    a && a.id != null ? el('span', { text: fmt(t.history, { p: a.published, r: a.rejected, k: a.reported }) }) : null,
    a && a.id == null ? el('span', { class: 'author', dir: 'auto', text: fmt(t.guest, { name: a.name }) }) : null,
    el('time', { datetime: item.createdAt, text: new Date(item.createdAt).toLocaleString(state.lang) }),
    el('span', { class: 'badge', text: t.statuses[item.status] || item.status }),
    item.hidden ? el('span', { class: 'badge', text: t.hidden }) : null,
    item.featured ? el('span', { class: 'badge featured', text: t.featured }) : null,
    item.claimedBy ? el('span', { class: 'badge', text: fmt(t.claimed, { who: item.claimedBy }) }) : null);
  const parent = item.parent ? el('p', { class: 'parent', dir: 'auto' }, fmt(t.replyTo, { name: item.parent.authorName || '—' }) + ' ', item.parent.body || '') : null;
  const reasons = (item.reasons || []).length ? el('div', { class: 'reasons' }, ...reasonChips(item.reasons, t)) : null;
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
