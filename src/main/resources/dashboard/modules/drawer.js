// The reader drawer: a reader's profile, history, notes, ban and trust.
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
    u.hold ? el('p', { class: 'hold', role: 'note' }, el('strong', { text: t.holdReasons[u.hold.reason] || u.hold.reason }), ' ',
      fmt(t.holdSince, { when: new Date(u.hold.since).toLocaleString(state.lang), figures: Object.entries(u.hold.figures || {}).map(([k, v]) => k + ' ' + v).join(' · ') }), ' ',
      el('button', { type: 'button', text: t.releaseHold, onclick: () => done(api('PUT', '/api/v1/moderation/users/' + id, { held: false })) })) : null,
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
