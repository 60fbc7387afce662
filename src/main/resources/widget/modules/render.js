// Showing comments: one list item per comment, its actions, relative times, replies.
/** Rendering comments into the list. */
const Rendering = {
  renderComment(c, featured) {
    const li = el('li', { className: 'c' + (featured ? ' featured' : ''), 'data-id': String(c.id) });
    this.fill(li, c);
    if (!featured) this.byId.set(c.id, li);
    return li;
  },

  fill(li, c) {
    li.comment = c;
    const m = this.m;
    const headId = 'hw-a-' + c.id + (li.classList.contains('featured') ? '-f' : '');
    const card = el('article', { className: 'card', 'aria-labelledby': headId });
    const meta = el('div', { className: 'meta' });
    const name = c.status === 'deleted' ? '' : (c.author && c.author.name) || m.anonymous;
    meta.append(el('span', { className: 'author', id: headId, dir: 'auto', text: c.mine ? name + ' (' + m.you + ')' : name }));
    const at = new Date(c.createdAt);
    meta.append(el('time', { datetime: c.createdAt, title: this.dateFormat.format(at), text: this.ago(at) }));
    if (c.editedAt && c.status !== 'deleted') meta.append(el('span', { text: m.edited }));
    if (li.classList.contains('featured')) meta.append(el('span', { className: 'badge featured', text: m.featured }));
    if (c.status === 'pending') meta.append(el('span', { className: 'badge pending', text: m.pending }));
    card.append(meta);
    if (c.status === 'deleted') {
      card.append(el('p', { className: 'body deleted', text: m.deleted }));
    } else {
      const body = el('p', { className: 'body', dir: c.dir || 'auto' });
      body.append(linkified(c.body || ''));
      card.append(body);
      if (c.hidden) card.append(el('p', { className: 'msg', text: m.hidden }));
      if (c.status === 'pending' && c.mine) card.append(el('p', { className: 'msg', text: m.pendingMsg }));
      card.append(this.actions(li, c));
    }
    li.replaceChildren(card);
    if (c.replies && c.replies.length || c.replyCount) {
      const replies = el('ol', { className: 'replies' });
      for (const r of c.replies || []) replies.append(this.renderComment(r));
      li.append(replies);
      const shown = (c.replies || []).length;
      if (c.replyCount > shown && !li.classList.contains('featured')) {
        li.append(el('button', { type: 'button', className: 'link', text: this.t('moreReplies', { replies: this.count('replies', c.replyCount - shown) }),
          onclick: (e) => this.loadReplies(li, c, e.currentTarget) }));
      }
    }
  },

  actions(li, c) {
    const m = this.m;
    const bar = el('div', { className: 'actions', role: 'group', 'aria-label': m.reply });
    const published = c.status === 'published';
    if (published) {
      bar.append(el('button', { type: 'button', className: 'link reply-btn', text: m.reply, hidden: !this.open,
        onclick: () => this.setReply(c) }));
      const like = el('button', { type: 'button', className: 'link like', 'aria-pressed': String(!!c.liked),
        'aria-label': m.like + ' (' + this.number.format(c.likes || 0) + ')',
        onclick: () => this.toggleLike(li, like) }, '♥ ', el('span', { text: this.number.format(c.likes || 0) }));
      if (c.mine) like.disabled = true;
      bar.append(like);
    }
    if (c.mine && c.editableUntil && new Date(c.editableUntil) > new Date()) {
      bar.append(el('button', { type: 'button', className: 'link', text: m.edit, onclick: () => this.startEdit(li) }));
    }
    if (c.mine) {
      const del = el('button', { type: 'button', className: 'link', text: m.delete, onclick: () => this.remove(li, del) });
      bar.append(del);
    } else if (published) {
      bar.append(el('button', { type: 'button', className: 'link report', text: m.report, onclick: (e) => this.openReport(c, e.currentTarget) }));
    }
    bar.append(el('span', { className: 'msg', role: 'status', 'aria-live': 'polite' }));
    return bar;
  },

  say(li, text, error) {
    const msg = li.querySelector(':scope > article .actions .msg');
    if (msg) { msg.textContent = text; msg.classList.toggle('error', !!error); }
  },

  ago(date) {
    const seconds = (date - Date.now()) / 1000;
    const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
    for (const [unit, size] of units) if (Math.abs(seconds) >= size) return this.relative.format(Math.round(seconds / size), unit);
    return this.relative.format(0, 'second');
  },

  tick() {
    this.root.querySelectorAll('time[datetime]').forEach((t) => { t.textContent = this.ago(new Date(t.getAttribute('datetime'))); });
  },

  async loadReplies(li, c, button) {
    button.disabled = true;
    try {
      let cursor = null;
      const list = li.querySelector(':scope > ol.replies');
      do {
        const page = await this.api('GET', '/comments/' + c.id + '/replies?limit=100' + (cursor ? '&cursor=' + cursor : ''));
        for (const r of page.comments) if (!this.byId.has(r.id)) list.append(this.renderComment(r));
        cursor = page.nextCursor;
      } while (cursor);
      button.remove();
    } catch (e) {
      button.disabled = false;
      this.say(li, this.explain(e), true);
    }
  }
};
