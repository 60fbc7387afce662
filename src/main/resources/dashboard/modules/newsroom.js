// The newsroom under pressure: the site's moderation mode, the surge autopilot's hot articles, and coordinated campaigns.
const STEPS = ['normal', 'slow', 'held', 'closed'];
const MODES = ['post', 'pre', 'pre-new'];

/** The site's mode in the header, for every moderator; refreshed with the counts. */
async function refreshSiteMode() {
  try {
    const { data } = await api('GET', '/api/v1/admin/settings/moderation');
    state.site = data;
    const badge = $('site-mode');
    badge.hidden = data.mode === 'post';
    badge.textContent = m().modes[data.mode];
    badge.title = fmt(m().modeBy, { who: data.updatedBy, when: data.updatedAt ? new Date(data.updatedAt).toLocaleString(state.lang) : '' });
  } catch (e) { /* shown on the newsroom page */ }
}

/** The newsroom page: the mode (admins change it) and the hot articles with their steps, pins and releases. */
function showNewsroom() {
  return adminPage('/api/v1/moderation/surge', (hot, t) => {
    const msg = el('p', { class: 'msg', role: 'status' });
    const act = (promise) => promise.then(() => showNewsroom()).catch((e) => { msg.textContent = fmt(t.failed, { why: e.message }); });
    const site = state.site || { mode: 'post' };
    const mode = state.admin
      ? el('select', { id: 'site-mode-select', 'aria-label': t.siteMode, onchange: (e) => act(api('PUT', '/api/v1/admin/settings/moderation',
          { mode: e.target.value, version: site.version, reason: 'dashboard' }).then(refreshSiteMode)) },
        ...MODES.map((k) => el('option', { value: k, text: t.modes[k], selected: site.mode === k })))
      : el('strong', { text: t.modes[site.mode] });
    const pct = (x) => Math.round(x * 100) + '%';
    const rows = hot.map((h) => {
      const pin = el('select', { 'aria-label': fmt(t.pinFor, { a: h.title || h.articleId }), 'data-pin': h.articleId,
        onchange: (e) => e.target.value && act(api('PUT', '/api/v1/moderation/surge/' + encodeURIComponent(h.articleId), { pin: e.target.value })) },
        el('option', { value: '', text: t.pinTo }), ...STEPS.map((s) => el('option', { value: s, text: t.steps[s] })));
      return el('tr', { 'data-article': h.articleId, class: 'step-' + h.step },
        el('td', { dir: 'auto' }, el('a', { href: h.url || '#', target: '_blank', rel: 'noopener noreferrer', text: h.title || h.articleId }),
          h.section ? el('span', { class: 'badge', text: h.section }) : null),
        el('td', null, el('span', { class: 'badge step', text: t.steps[h.step] }), h.pinned ? el('span', { class: 'badge', text: t.pinned }) : null),
        el('td', { text: h.since ? new Date(h.since).toLocaleTimeString(state.lang) : '—' }),
        el('td', { text: Math.round(h.figures.commentsPerMinute) + ' / ' + Math.round(h.figures.reportsPerMinute) }),
        el('td', { text: pct(h.figures.heldShare) }),
        el('td', { text: String(Math.round(h.figures.newCommentersPerMinute)) }),
        el('td', null, pin, h.pinned ? el('button', { type: 'button', text: t.release,
          onclick: () => act(api('PUT', '/api/v1/moderation/surge/' + encodeURIComponent(h.articleId), { pin: 'none' })) }) : null));
    });
    return [
      el('h3', { text: t.siteMode }),
      el('div', { class: 'row' }, mode, el('span', { class: 'msg', text: t.modeHelp[site.mode] })),
      el('h3', { text: t.hot }),
      hot.length ? el('table', { id: 'hot' },
        el('thead', null, el('tr', null, ...[t.article, t.step, t.stepSince, t.perMinute, t.heldShare, t.newcomers, ''].map((h) => el('th', { text: h })))),
        el('tbody', null, ...rows)) : el('p', { class: 'msg', text: t.calmNow }),
      msg];
  });
}

/** Campaigns: one card per group of near-identical comments, decided as one. */
function showCampaigns() {
  return adminPage('/api/v1/moderation/campaigns', (cards, t) => {
    if (!cards.length) return [el('p', { class: 'msg', text: t.noCampaigns })];
    return cards.map((c) => {
      const msg = el('p', { class: 'msg', role: 'status' });
      const decide = (action) => {
        const body = { action, members: c.members };
        if (action !== 'approve') body.reason = 'spam';
        api('POST', '/api/v1/moderation/campaigns/' + c.id + '/decision', body)
          .then(({ data }) => { msg.textContent = fmt(t.campaignDone, { n: data.results.filter((r) => r.status === 200).length, b: data.banned.length }); refreshCounts(); })
          .then(() => setTimeout(showCampaigns, 800))
          .catch((e) => { msg.textContent = e.status === 409 ? t.campaignGrew : fmt(t.failed, { why: e.message }); });
      };
      return el('article', { class: 'card campaign', 'data-campaign': String(c.id) },
        el('p', { class: 'body', dir: 'auto', text: c.sample || '' }),
        el('p', { class: 'meta', text: fmt(t.campaignFigures, { n: c.members, a: c.accounts, p: c.pending, k: c.articles.length,
          from: new Date(c.firstAt).toLocaleString(state.lang), to: new Date(c.lastAt).toLocaleTimeString(state.lang) }) }),
        el('p', { class: 'meta', dir: 'ltr', text: c.articles.join(' · ') }),
        c.status !== 'open' ? el('span', { class: 'badge', text: t.campaignStatus[c.status] }) : null,
        el('div', { class: 'row' },
          el('button', { type: 'button', text: t.approveAll, onclick: () => decide('approve') }),
          el('button', { type: 'button', text: t.rejectAll, onclick: () => decide('reject') }),
          el('button', { type: 'button', class: 'danger', text: t.rejectBanAll, onclick: () => decide('reject-and-ban') })),
        msg);
    });
  });
}
