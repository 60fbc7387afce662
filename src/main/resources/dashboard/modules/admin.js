// Admin pages: word lists, the audit log and statistics.
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

/** An admin page that shows what `render` makes of one API answer, or why it failed. */
async function adminPage(path, render) {
  const t = m();
  const box = $('admin');
  box.className = 'admin';
  try {
    const { data } = await api('GET', path);
    box.replaceChildren(...render(data, t));
  } catch (e) { box.replaceChildren(el('p', { class: 'msg error', text: fmt(t.failed, { why: e.message }) })); }
}

function showAudit() {
  return adminPage('/api/v1/moderation/audit?limit=100', (data, t) => [el('table', null,
    el('thead', null, el('tr', null, ...[t.when, t.actor, t.action, t.comment, t.status, t.reason].map((h) => el('th', { text: h })))),
    el('tbody', null, ...data.entries.map((e) => el('tr', null,
      el('td', { text: new Date(e.at).toLocaleString(state.lang) }), el('td', { text: e.actor }), el('td', { text: e.action }),
      el('td', { text: e.commentId ? '#' + e.commentId : '' }),
      el('td', { text: (e.statusBefore || '') + (e.statusAfter ? ' → ' + e.statusAfter : '') }), el('td', { text: e.reason || '' })))))]);
}

function showStats() {
  return adminPage('/api/v1/moderation/stats', (data, t) => [
    el('dl', null, ...Object.entries(data.queues).flatMap(([k, v]) => [el('dt', { text: t.queues[k] || k }), el('dd', { text: String(v) })]),
      el('dt', { text: t.oldest }), el('dd', { text: data.oldestPendingSeconds == null ? '—' : fmt(t.seconds, { n: data.oldestPendingSeconds }) }),
      el('dt', { text: t.median }), el('dd', { text: data.medianSecondsToDecision == null ? '—' : fmt(t.seconds, { n: Math.round(data.medianSecondsToDecision) }) })),
    el('h3', { text: t.perDay }),
    el('table', null, el('tbody', null, ...data.decisionsPerModeratorPerDay.map((d) =>
      el('tr', null, el('td', { text: d.day }), el('td', { text: d.moderator }), el('td', { text: String(d.decisions) })))))]);
}
