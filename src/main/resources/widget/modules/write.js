// Writing: posting, replying, editing, deleting, liking and reporting.
/** The reader's writes, each with its own feedback in place. */
const Writing = {
  setReply(c) {
    this.replyTo = c;
    this.replyLabel.hidden = !c;
    this.cancelReply.hidden = !c;
    this.replyLabel.textContent = c ? this.t('replyingTo', { name: (c.author && c.author.name) || this.m.anonymous }) : '';
    const li = c && this.byId.get(c.id);
    if (li) li.querySelector(':scope > article').after(this.form); // the composer moves under the comment answered
    else this.banner.before(this.form);
    if (c) this.textarea.focus();
  },

  async post() {
    const body = this.textarea.value.trim();
    if (!body) { this.textarea.focus(); return; }
    const token = await this.authToken(false);
    if (!token) { this.requestLogin(); return; }
    this.postBtn.disabled = true;
    this.postBtn.textContent = this.m.posting;
    let posted;
    this.posting = new Promise((resolve) => { posted = resolve; });
    this.composerMsg.classList.remove('error');
    this.composerMsg.textContent = '';
    try {
      const req = { body, articleUrl: this.o.articleUrl || undefined, articleTitle: this.o.articleTitle || undefined,
        articleSection: this.o.articleSection || undefined };
      if (this.replyTo) req.parentId = this.replyTo.id;
      const c = await this.api('POST', '/articles/' + encodeURIComponent(this.o.articleId) + '/comments', req);
      this.mine.add(c.id);
      if (c.status === 'rejected') {
        this.composerMsg.classList.add('error');
        this.composerMsg.textContent = this.m.rejectedMsg; // the text stays, nothing is lost
        this.textarea.focus();
        return;
      }
      this.textarea.value = '';
      const li = this.renderComment(c);
      const parent = c.parentId && this.byId.get(c.parentId);
      if (parent) {
        let replies = parent.querySelector(':scope > ol.replies');
        if (!replies) { replies = el('ol', { className: 'replies' }); parent.append(replies); }
        replies.append(li);
      } else {
        this.list.prepend(li);
      }
      if (c.status === 'published') { this.total += 1; this.countEl.textContent = this.count('count', this.total); }
      this.composerMsg.textContent = c.status === 'pending' ? this.m.pendingMsg : '';
      this.setReply(null);
      li.tabIndex = -1;
      li.focus();
    } catch (e) {
      this.composerMsg.classList.add('error');
      this.composerMsg.textContent = this.explain(e);
    } finally {
      posted();
      this.postBtn.disabled = false;
      this.postBtn.textContent = this.m.post;
    }
  },

  startEdit(li) {
    const c = li.comment;
    const card = li.querySelector(':scope > article');
    const area = el('textarea', { 'aria-label': this.m.edit, maxlength: String(SETTINGS.maxLength) });
    area.value = c.body;
    const msg = el('p', { className: 'msg error', role: 'alert' });
    const form = el('form', { className: 'edit', onsubmit: async (e) => {
      e.preventDefault();
      try {
        const updated = await this.api('PATCH', '/comments/' + c.id, { body: area.value, version: c.version });
        updated.replies = c.replies; updated.replyCount = c.replyCount;
        this.refill(li, updated);
      } catch (err) {
        msg.textContent = err.status === 200 ? '' : this.explain(err);
      }
    } }, area, el('div', { className: 'row' },
      el('button', { type: 'submit', className: 'primary', text: this.m.save }),
      el('button', { type: 'button', text: this.m.cancel, onclick: () => this.refill(li, c) })), msg);
    card.querySelector('.body').replaceWith(form);
    card.querySelector('.actions').hidden = true;
    area.focus();
  },

  refill(li, c, focus = true) {
    const replies = li.querySelector(':scope > ol.replies');
    const extra = li.querySelector(':scope > button.link');
    this.fill(li, Object.assign({}, c, { replies: [] }));
    li.querySelector(':scope > ol.replies')?.remove();
    if (replies) li.append(replies);
    if (extra) li.append(extra);
    if (focus) li.querySelector('button')?.focus();
  },

  async remove(li, button) {
    if (!button.dataset.confirm) {
      button.dataset.confirm = '1';
      button.textContent = this.m.confirmDelete;
      return;
    }
    try {
      await this.api('DELETE', '/comments/' + li.comment.id);
      const hasReplies = li.querySelector(':scope > ol.replies li');
      if (hasReplies) this.refill(li, Object.assign({}, li.comment, { status: 'deleted', body: null, mine: false }));
      else li.remove();
      if (li.comment.status === 'published') { this.total -= 1; this.countEl.textContent = this.count('count', this.total); }
      this.textarea.focus();
    } catch (e) {
      this.say(li, this.explain(e), true);
    }
  },

  async toggleLike(li, button) {
    const liked = button.getAttribute('aria-pressed') === 'true';
    if (!(await this.authToken(false))) { this.requestLogin(); return; }
    button.disabled = true;
    try {
      const state = await this.api(liked ? 'DELETE' : 'PUT', '/comments/' + li.comment.id + '/like');
      this.showLikes(li, state.likes, state.liked);
    } catch (e) {
      this.say(li, this.explain(e), true);
    } finally {
      button.disabled = false;
    }
  },

  showLikes(li, likes, liked) {
    li.comment.likes = likes;
    const button = li.querySelector(':scope > article .like');
    if (!button) return;
    button.querySelector('span').textContent = this.number.format(likes);
    button.setAttribute('aria-label', this.m.like + ' (' + this.number.format(likes) + ')');
    if (liked !== undefined) { li.comment.liked = liked; button.setAttribute('aria-pressed', String(liked)); }
  },

  async openPrefs() {
    let prefs;
    try {
      prefs = await this.api('GET', '/me/preferences');
    } catch (e) {
      this.composerMsg.textContent = this.explain(e);
      return;
    }
    for (const name of ['replies', 'decisions']) this.prefsDialog.querySelector('select[name=' + name + ']').value = prefs[name];
    this.prefsDialog.showModal();
    this.prefsDialog.querySelector('select').focus();
  },

  async savePrefs(form) {
    const choices = { locale: this.lang };
    for (const s of form.querySelectorAll('select')) choices[s.name] = s.value;
    this.prefsDialog.close();
    try {
      await this.api('PUT', '/me/preferences', choices);
      this.composerMsg.textContent = this.m.saved;
    } catch (e) {
      const type = (e.problem && e.problem.type || '').split('/').pop();
      this.composerMsg.textContent = type === 'email-disabled' ? this.m.emailOff
        : (e.problem.errors || []).some((x) => x.field === 'email') ? this.m.noEmail : this.explain(e);
    }
    this.emailBtn.focus();
  },

  async openReport(c, trigger) {
    if (trigger.getAttribute('aria-disabled') === 'true') return;
    if (!(await this.authToken(false))) { this.requestLogin(); return; }
    this.reporting = { c, trigger };
    this.reportNote.value = '';
    this.dialog.showModal();
    this.dialog.querySelector('input[name=reason]').focus();
  },

  async sendReport(form) {
    const { c, trigger } = this.reporting;
    const reason = form.querySelector('input[name=reason]:checked').value;
    const note = this.reportNote.value.trim();
    this.dialog.close();
    const li = this.byId.get(c.id);
    try {
      await this.api('POST', '/comments/' + c.id + '/reports', note ? { reason, note } : { reason });
      if (li) this.say(li, this.m.thanksReport);
      trigger.textContent = this.m.reported;
      trigger.setAttribute('aria-disabled', 'true'); // still focusable, so focus can return to it
    } catch (e) {
      if (li) this.say(li, this.explain(e), true);
    }
    trigger.focus();
  }
};
