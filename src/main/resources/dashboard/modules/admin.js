// Admin pages: word lists, model versions, the audit log and statistics.
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

/** Model versions with their figures; activate any (also to roll back); train a new one and follow it. */
function showModels() {
  return adminPage('/api/v1/admin/models', (versions, t) => {
    const msg = el('p', { class: 'msg', role: 'status' });
    const since = el('input', { type: 'date', 'aria-label': t.since });
    const force = el('input', { type: 'checkbox' });
    const f1 = (v) => {
      const x = v.figures && (v.figures.fixed ? v.figures.fixed.macroF1 : v.figures.heldOut && v.figures.heldOut.all && v.figures.heldOut.all.macroF1);
      return typeof x === 'number' ? x.toFixed(4) : '—';
    };
    const train = el('button', { type: 'button', class: 'primary', text: t.train, onclick: async () => {
      train.disabled = true;
      try {
        const { data, res } = await api('POST', '/api/v1/admin/models', { since: since.value || null, force: force.checked });
        let job = data;
        const where = res.headers.get('Location') || '/api/v1/admin/models/jobs/' + job.id;
        while (job.state === 'running') {
          msg.textContent = fmt(t.training, { stage: job.stage, p: Math.round(job.progress * 100) });
          await new Promise((r) => setTimeout(r, 1000));
          job = (await api('GET', where)).data;
        }
        if (job.state === 'failed') throw new Error(job.outcome);
        await showModels();
        $('admin').querySelector('.msg').textContent = fmt(t.trained, { v: job.version, outcome: job.outcome });
      } catch (e) { msg.textContent = fmt(t.failed, { why: e.message }); train.disabled = false; }
    } });
    const activate = (v) => el('button', { type: 'button', text: t.activate, onclick: async () => {
      try {
        await api('PUT', '/api/v1/admin/models/active', { version: v.version });
        await showModels();
      } catch (e) { msg.textContent = fmt(t.failed, { why: e.message }); }
    } });
    return [
      el('div', { class: 'row' }, el('label', null, t.since + ' ', since), el('label', null, force, ' ' + t.force), train),
      msg,
      el('table', null,
        el('thead', null, el('tr', null, ...[t.version, t.origin, t.created, t.macroF1, ''].map((h) => el('th', { text: h })))),
        el('tbody', null, ...versions.map((v) => el('tr', { 'data-version': String(v.version) },
          el('td', { text: 'v' + v.version }), el('td', { text: v.origin }),
          el('td', { text: new Date(v.createdAt).toLocaleString(state.lang) }), el('td', { text: f1(v), title: v.figures && v.figures.gate ? v.figures.gate.reason : '' }),
          el('td', null, v.active ? el('span', { class: 'badge featured', text: t.active }) : activate(v))))))];
  });
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
    ...(data.model ? [el('h3', { text: fmt(t.agreement, { d: data.model.days }) }),
      el('dl', { class: 'agreement' },
        el('dt', { text: t.decisions }), el('dd', { text: String(data.model.decisions) }),
        ...[['holds', data.model.holds], ['rejects', data.model.rejects]].flatMap(([k, r]) => [
          el('dt', { text: fmt(t[k], { t: r.threshold }) }),
          el('dd', { text: fmt(t.precisionRecall, { p: r.precision == null ? '—' : r.precision.toFixed(2), r: r.recall == null ? '—' : r.recall.toFixed(2), n: r.flagged }) })]))] : []),
    el('h3', { text: t.perDay }),
    el('table', null, el('tbody', null, ...data.decisionsPerModeratorPerDay.map((d) =>
      el('tr', null, el('td', { text: d.day }), el('td', { text: d.moderator }), el('td', { text: String(d.decisions) })))))]);
}
