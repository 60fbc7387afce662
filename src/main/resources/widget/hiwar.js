/*
 * Hiwar comment widget. No framework: plain DOM inside a Shadow DOM, styles adopted from the
 * stylesheet the service inlines below. All user text goes through textContent; links become
 * anchors only for http and https.
 */
(() => {
  'use strict';
  if (window.Hiwar && window.Hiwar.mount) return;

  const CSS = __HIWAR_CSS__;
  const script = document.currentScript;
  const ORIGIN = script ? new URL(script.src, location.href).origin : location.origin;

  const MESSAGES = {
    ar: {
      title: 'التعليقات',
      count: { zero: 'لا تعليقات بعد', one: 'تعليق واحد', two: 'تعليقان', few: '{n} تعليقات', many: '{n} تعليقًا', other: '{n} تعليق' },
      replies: { zero: 'لا ردود', one: 'رد واحد', two: 'ردّان', few: '{n} ردود', many: '{n} ردًّا', other: '{n} رد' },
      newComments: { zero: '', one: 'تعليق جديد واحد — اعرضه', two: 'تعليقان جديدان — اعرضهما', few: '{n} تعليقات جديدة — اعرضها', many: '{n} تعليقًا جديدًا — اعرضها', other: '{n} تعليق جديد — اعرضها' },
      sort: 'ترتيب', newest: 'الأحدث', oldest: 'الأقدم', top: 'الأكثر إعجابًا',
      placeholder: 'شارك برأيك…', compose: 'اكتب تعليقك', post: 'نشر', posting: 'جارٍ النشر…',
      signIn: 'سجّل الدخول للتعليق', replyingTo: 'ردًّا على {name}', cancel: 'إلغاء',
      reply: 'رد', edit: 'تعديل', save: 'حفظ', delete: 'حذف', confirmDelete: 'تأكيد الحذف؟',
      like: 'إعجاب', likes: 'إعجاب: {n}', report: 'إبلاغ', reported: 'تم الإبلاغ',
      more: 'عرض المزيد من التعليقات', moreReplies: 'عرض {replies}', anonymous: 'قارئ', you: 'أنت',
      deleted: 'حُذف هذا التعليق.', pending: 'بانتظار المراجعة',
      pendingMsg: 'شكرًا لك! سيظهر تعليقك للجميع بعد أن يراجعه أحد المشرفين.',
      hidden: 'مخفي مؤقتًا إلى أن يراجعه مشرف بعد بلاغات من القراء.',
      rejectedMsg: 'لم يُنشر تعليقك لأنه لا يتوافق مع إرشادات المجتمع. يمكنك تعديل نصه والمحاولة مرة أخرى.',
      featured: 'مختار', edited: 'مُعدَّل', closed: 'أُغلق باب التعليق على هذا المقال.',
      rateLimited: 'تمهّل قليلًا: يمكنك المحاولة بعد {seconds}.', seconds: { one: 'ثانية واحدة', two: 'ثانيتين', few: '{n} ثوانٍ', many: '{n} ثانية', other: '{n} ثانية', zero: '{n} ثانية' },
      error: 'تعذّر ذلك الآن. حاول مرة أخرى بعد قليل.', stale: 'تغيّر التعليق منذ فتحته؛ أعد تحميل الصفحة.',
      editClosed: 'انتهت مهلة التعديل.', loadFailed: 'تعذّر تحميل التعليقات.', retry: 'أعد المحاولة',
      reportTitle: 'لماذا تبلغ عن هذا التعليق؟', reportNote: 'ملاحظة (اختياري)', send: 'إرسال',
      reasons: { spam: 'رسائل مزعجة أو إعلان', abuse: 'إساءة أو تحرش', hate: 'خطاب كراهية', 'off-topic': 'خارج الموضوع', 'personal-data': 'بيانات شخصية', other: 'سبب آخر' },
      alreadyReported: 'سبق أن أبلغت عن هذا التعليق.', thanksReport: 'شكرًا، سيراجع المشرفون البلاغ.',
      ownComment: 'لا يمكنك فعل ذلك بتعليقك.', live: 'تحديثات مباشرة',
      invalidText: 'تعذّر قبول النص كما هو: قد يكون طويلًا جدًا (الحد ٥٠٠٠ حرف) أو فارغًا أو فيه رموز تحكم غير مرئية.'
    },
    en: {
      title: 'Comments',
      count: { zero: 'No comments yet', one: '1 comment', other: '{n} comments' },
      replies: { one: '1 reply', other: '{n} replies' },
      newComments: { one: '1 new comment — show it', other: '{n} new comments — show them' },
      sort: 'Sort', newest: 'Newest', oldest: 'Oldest', top: 'Most liked',
      placeholder: 'Share your view…', compose: 'Write your comment', post: 'Post', posting: 'Posting…',
      signIn: 'Sign in to comment', replyingTo: 'Replying to {name}', cancel: 'Cancel',
      reply: 'Reply', edit: 'Edit', save: 'Save', delete: 'Delete', confirmDelete: 'Really delete?',
      like: 'Like', likes: 'Likes: {n}', report: 'Report', reported: 'Reported',
      more: 'Show more comments', moreReplies: 'Show {replies}', anonymous: 'Reader', you: 'You',
      deleted: 'This comment was deleted.', pending: 'Awaiting review',
      pendingMsg: 'Thank you! Your comment will appear to everyone once a moderator has reviewed it.',
      hidden: 'Hidden for now, until a moderator reviews readers’ reports.',
      rejectedMsg: 'Your comment was not published because it does not fit the community guidelines. You can edit it and try again.',
      featured: 'Featured', edited: 'edited', closed: 'Comments are closed on this article.',
      rateLimited: 'Slow down a little: you can try again in {seconds}.', seconds: { one: '1 second', other: '{n} seconds' },
      error: 'That did not work just now. Please try again shortly.', stale: 'This comment changed since you opened it; reload the page.',
      editClosed: 'The edit window has closed.', loadFailed: 'Comments could not be loaded.', retry: 'Try again',
      reportTitle: 'Why are you reporting this comment?', reportNote: 'Note (optional)', send: 'Send',
      reasons: { spam: 'Spam or advertising', abuse: 'Abuse or harassment', hate: 'Hate speech', 'off-topic': 'Off-topic', 'personal-data': 'Personal data', other: 'Something else' },
      alreadyReported: 'You already reported this comment.', thanksReport: 'Thanks, moderators will review the report.',
      ownComment: 'You cannot do that to your own comment.', live: 'Live updates',
      invalidText: 'The text could not be accepted as it is: it may be too long (5,000 characters at most), empty, or contain invisible control characters.'
    }
  };

  const URL_RE = /\bhttps?:\/\/[^\s<>"'\u00A0]+/gi;

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'text') node.textContent = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else if (k === 'className') node.className = v;
        else node.setAttribute(k, v === true ? '' : v);
      }
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  /** Text with http(s) links as anchors; everything else stays text. */
  function linkified(text) {
    const frag = document.createDocumentFragment();
    let last = 0;
    for (const m of text.matchAll(URL_RE)) {
      let href = m[0].replace(/[.,;:!?)\]،؛]+$/, '');
      frag.append(text.slice(last, m.index));
      let url = null;
      try { url = new URL(href); } catch (e) { url = null; }
      if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
        frag.append(el('a', { href: url.href, rel: 'nofollow ugc noopener noreferrer', target: '_blank', text: href }));
      } else {
        frag.append(href);
      }
      last = m.index + href.length;
    }
    frag.append(text.slice(last));
    return frag;
  }

  function tokenExpiry(token) {
    try {
      const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      return payload.exp ? payload.exp * 1000 : Infinity;
    } catch (e) {
      return 0;
    }
  }

  class Widget {
    constructor(host, options) {
      this.host = host;
      this.o = options;
      this.lang = MESSAGES[options.lang] ? options.lang : 'ar';
      this.m = MESSAGES[this.lang];
      this.dir = this.lang === 'ar' ? 'rtl' : 'ltr';
      const locale = this.lang + (options.digits === 'arab' ? '-u-nu-arab' : '-u-nu-latn');
      this.plural = new Intl.PluralRules(this.lang);
      this.number = new Intl.NumberFormat(locale);
      this.relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
      this.dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' });
      this.sort = 'newest';
      this.cursor = null;
      this.fresh = 0;
      this.token = null;
      this.byId = new Map();
      this.mine = new Set();
      this.open = true;
      this.build();
      this.load(true);
      this.connect();
      this.clock = setInterval(() => this.tick(), 60000);
    }

    t(key, vars) {
      let s = this.m[key];
      if (vars) for (const [k, v] of Object.entries(vars)) s = s.replace('{' + k + '}', () => String(v)); // a function: names may hold $& or $`
      return s;
    }

    count(key, n) {
      const forms = this.m[key];
      const form = (n === 0 && forms.zero !== undefined) ? forms.zero : (forms[this.plural.select(n)] || forms.other);
      return form.replace('{n}', () => this.number.format(n));
    }

    // --- Shell -------------------------------------------------------------------------

    build() {
      const root = this.host.shadowRoot || this.host.attachShadow({ mode: 'open' });
      this.root = root;
      root.replaceChildren();
      try {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
      } catch (e) {
        root.append(el('style', { text: CSS }));
      }
      const m = this.m;
      this.countEl = el('h2', { id: 'hw-title', text: m.title });
      this.sortEl = el('select', { 'aria-label': m.sort, onchange: () => { this.sort = this.sortEl.value; this.load(true); } },
        ...['newest', 'oldest', 'top'].map((s) => el('option', { value: s, text: m[s] })));
      this.banner = el('button', { type: 'button', className: 'banner', hidden: true, onclick: () => this.showFresh() });
      this.bannerLive = el('p', { className: 'sr', role: 'status', 'aria-live': 'polite' });
      this.closedEl = el('p', { className: 'notice', hidden: true, text: m.closed });
      this.textarea = el('textarea', { 'aria-label': m.compose, placeholder: m.placeholder, maxlength: '5000', rows: '3' });
      this.replyLabel = el('span', { className: 'replying', hidden: true });
      this.cancelReply = el('button', { type: 'button', className: 'link', hidden: true, text: m.cancel, onclick: () => this.setReply(null) });
      this.postBtn = el('button', { type: 'submit', className: 'primary', text: m.post });
      this.composerMsg = el('p', { className: 'msg', role: 'status', 'aria-live': 'polite' });
      this.signInBtn = el('button', { type: 'button', className: 'primary', hidden: true, text: m.signIn, onclick: () => this.requestLogin() });
      this.form = el('form', { className: 'composer', onsubmit: (e) => { e.preventDefault(); this.post(); } },
        this.textarea, el('div', { className: 'row' }, el('span', null, this.replyLabel, this.cancelReply), this.postBtn),
        this.composerMsg);
      this.list = el('ol', { className: 'list', 'aria-labelledby': 'hw-title' });
      this.moreBtn = el('button', { type: 'button', className: 'more', hidden: true, text: m.more, onclick: () => this.load(false) });
      this.dialog = this.buildReportDialog();
      this.section = el('section', { className: 'hw', dir: this.dir, lang: this.lang, 'aria-labelledby': 'hw-title' },
        el('header', { className: 'top' }, this.countEl, this.sortEl),
        this.closedEl, this.signInBtn, this.form, this.banner, this.bannerLive, this.list, this.moreBtn, this.dialog);
      root.append(this.section);
      this.skeleton();
    }

    skeleton() {
      this.list.replaceChildren(...[0, 1, 2].map(() => el('li', { className: 'skeleton', 'aria-hidden': 'true' })));
    }

    buildReportDialog() {
      const m = this.m;
      const reasons = Object.entries(m.reasons).map(([value, label], i) =>
        el('label', null, el('input', { type: 'radio', name: 'reason', value, required: true, checked: i === 0 }), ' ' + label));
      this.reportNote = el('textarea', { 'aria-label': m.reportNote, placeholder: m.reportNote, maxlength: '500' });
      const form = el('form', { method: 'dialog', onsubmit: (e) => { e.preventDefault(); this.sendReport(form); } },
        el('fieldset', null, el('legend', { text: m.reportTitle }), ...reasons), this.reportNote,
        el('div', { className: 'row' },
          el('button', { type: 'button', text: m.cancel, onclick: () => this.dialog.close() }),
          el('button', { type: 'submit', className: 'primary', text: m.send })));
      return el('dialog', { 'aria-label': m.reportTitle }, form);
    }

    // --- Auth ----------------------------------------------------------------------------

    async authToken(force) {
      if (!this.o.getToken) return null;
      if (!force && this.token && tokenExpiry(this.token) - Date.now() > 30000) return this.token;
      try {
        this.token = (await this.o.getToken({ force: !!force })) || null;
      } catch (e) {
        this.token = null;
      }
      return this.token;
    }

    requestLogin() {
      if (this.o.onLoginRequest) this.o.onLoginRequest();
    }

    /**
     * Calls the API. Writes carry an Idempotency-Key, kept across one retry after a network
     * failure, so a comment is never posted twice. On 401 the host is asked for a fresh token once.
     */
    async api(method, path, body, retried) {
      const headers = { Accept: 'application/json' };
      const token = await this.authToken(retried);
      if (token) headers.Authorization = 'Bearer ' + token;
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      if (method !== 'GET') headers['Idempotency-Key'] = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
      const init = { method, headers, body: body === undefined ? undefined : JSON.stringify(body) };
      let res;
      try {
        res = await fetch(ORIGIN + '/api/v1' + path, init);
      } catch (network) {
        await new Promise((r) => setTimeout(r, 1000));
        res = await fetch(ORIGIN + '/api/v1' + path, init);
      }
      if (res.status === 401 && !retried && this.o.getToken) return this.api(method, path, body, true);
      const data = res.status === 204 ? null : await res.json().catch(() => null);
      if (!res.ok) {
        const err = new Error((data && data.detail) || res.statusText);
        err.status = res.status;
        err.problem = data || {};
        err.retryAfter = Number(res.headers.get('Retry-After') || 0);
        throw err;
      }
      return data;
    }

    explain(err) {
      const type = (err.problem && err.problem.type || '').split('/').pop();
      if (err.status === 429) return this.t('rateLimited', { seconds: this.count('seconds', Math.max(1, err.retryAfter || 1)) });
      if (err.status === 401) { this.requestLogin(); return this.m.signIn; }
      if (type === 'stale-version') return this.m.stale;
      if (type === 'edit-window-closed') return this.m.editClosed;
      if (type === 'article-closed') { this.setOpen(false); return this.m.closed; }
      if (type === 'already-reported') return this.m.alreadyReported;
      if (type === 'own-comment') return this.m.ownComment;
      if (err.status === 422 && (err.problem.errors || []).some((e) => e.field === 'body' || e.field === 'note')) return this.m.invalidText;
      if (err.status === 422 && err.problem.detail) return err.problem.detail;
      return this.m.error;
    }

    // --- Loading -------------------------------------------------------------------------

    async load(reset) {
      if (reset) {
        this.cursor = null;
        this.fresh = 0;
        this.updateBanner();
      }
      const params = new URLSearchParams({ sort: this.sort });
      if (!reset && this.cursor) params.set('cursor', this.cursor);
      this.moreBtn.disabled = true;
      let page;
      try {
        page = await this.api('GET', '/articles/' + encodeURIComponent(this.o.articleId) + '/comments?' + params);
      } catch (e) {
        this.list.replaceChildren(el('li', { className: 'notice', role: 'alert' }, this.m.loadFailed + ' ',
          el('button', { type: 'button', className: 'link', text: this.m.retry, onclick: () => this.load(true) })));
        return;
      } finally {
        this.moreBtn.disabled = false;
      }
      if (reset) {
        this.list.replaceChildren();
        this.byId.clear();
        for (const c of page.featured || []) this.list.append(this.renderComment(c, true));
      }
      for (const c of page.comments) {
        if (!this.byId.has(c.id)) this.list.append(this.renderComment(c));
      }
      this.cursor = page.nextCursor;
      this.moreBtn.hidden = !page.nextCursor;
      this.total = page.article.publishedCount;
      this.countEl.textContent = this.count('count', this.total);
      this.setOpen(page.article.open);
      this.refreshAuthUi();
    }

    async refreshAuthUi() {
      const token = await this.authToken(false);
      const signedIn = !!token;
      this.form.hidden = !signedIn || !this.open;
      this.signInBtn.hidden = signedIn || !this.open || !this.o.onLoginRequest;
    }

    setOpen(open) {
      this.open = open;
      this.closedEl.hidden = open;
      this.refreshAuthUi();
      this.root.querySelectorAll('.reply-btn').forEach((b) => { b.hidden = !open; });
    }

    // --- Rendering -----------------------------------------------------------------------

    renderComment(c, featured) {
      const li = el('li', { className: 'c' + (featured ? ' featured' : ''), 'data-id': String(c.id) });
      this.fill(li, c);
      if (!featured) this.byId.set(c.id, li);
      return li;
    }

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
    }

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
    }

    say(li, text, error) {
      const msg = li.querySelector(':scope > article .actions .msg');
      if (msg) { msg.textContent = text; msg.classList.toggle('error', !!error); }
    }

    ago(date) {
      const seconds = (date - Date.now()) / 1000;
      const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
      for (const [unit, size] of units) if (Math.abs(seconds) >= size) return this.relative.format(Math.round(seconds / size), unit);
      return this.relative.format(0, 'second');
    }

    tick() {
      this.root.querySelectorAll('time[datetime]').forEach((t) => { t.textContent = this.ago(new Date(t.getAttribute('datetime'))); });
    }

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

    // --- Writing -------------------------------------------------------------------------

    setReply(c) {
      this.replyTo = c;
      this.replyLabel.hidden = !c;
      this.cancelReply.hidden = !c;
      this.replyLabel.textContent = c ? this.t('replyingTo', { name: (c.author && c.author.name) || this.m.anonymous }) : '';
      const li = c && this.byId.get(c.id);
      if (li) li.querySelector(':scope > article').after(this.form); // the composer moves under the comment answered
      else this.banner.before(this.form);
      if (c) this.textarea.focus();
    }

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
        const req = { body, articleUrl: this.o.articleUrl || undefined, articleTitle: this.o.articleTitle || undefined };
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
    }

    startEdit(li) {
      const c = li.comment;
      const card = li.querySelector(':scope > article');
      const area = el('textarea', { 'aria-label': this.m.edit, maxlength: '5000' });
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
    }

    refill(li, c) {
      const replies = li.querySelector(':scope > ol.replies');
      const extra = li.querySelector(':scope > button.link');
      this.fill(li, Object.assign({}, c, { replies: [] }));
      li.querySelector(':scope > ol.replies')?.remove();
      if (replies) li.append(replies);
      if (extra) li.append(extra);
      li.querySelector('button')?.focus();
    }

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
    }

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
    }

    showLikes(li, likes, liked) {
      li.comment.likes = likes;
      const button = li.querySelector(':scope > article .like');
      if (!button) return;
      button.querySelector('span').textContent = this.number.format(likes);
      button.setAttribute('aria-label', this.m.like + ' (' + this.number.format(likes) + ')');
      if (liked !== undefined) { li.comment.liked = liked; button.setAttribute('aria-pressed', String(liked)); }
    }

    async openReport(c, trigger) {
      if (trigger.getAttribute('aria-disabled') === 'true') return;
      if (!(await this.authToken(false))) { this.requestLogin(); return; }
      this.reporting = { c, trigger };
      this.reportNote.value = '';
      this.dialog.showModal();
      this.dialog.querySelector('input[name=reason]').focus();
    }

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

    // --- Live ----------------------------------------------------------------------------

    connect() {
      if (!window.EventSource || this.o.live === false) return;
      const source = new EventSource(ORIGIN + '/api/v1/articles/' + encodeURIComponent(this.o.articleId) + '/events');
      this.source = source;
      const data = (e) => JSON.parse(e.data);
      source.addEventListener('comment', async (e) => {
        const c = data(e);
        await this.posting; // our own new comment can arrive here before its POST answers
        if (this.mine.has(c.id) || this.byId.has(c.id)) return;
        this.fresh += 1;
        this.updateBanner();
      });
      source.addEventListener('comment-updated', (e) => {
        const c = data(e);
        const li = this.byId.get(c.id);
        if (li && !this.mine.has(c.id) && !li.querySelector(':scope > article form')) {
          this.refill(li, Object.assign({}, c, { mine: li.comment.mine, liked: li.comment.liked, editableUntil: li.comment.editableUntil }));
        }
      });
      source.addEventListener('comment-removed', (e) => {
        const { id } = data(e);
        const li = this.byId.get(id);
        if (!li || li.comment.mine) return;
        if (li.querySelector(':scope > ol.replies li')) this.refill(li, Object.assign({}, li.comment, { status: 'deleted', body: null }));
        else { li.remove(); this.byId.delete(id); }
      });
      source.addEventListener('likes', (e) => {
        const { id, likes } = data(e);
        const li = this.byId.get(id);
        if (li) this.showLikes(li, likes);
      });
      source.addEventListener('article', (e) => this.setOpen(data(e).open));
      source.addEventListener('refetch', () => this.load(true));
    }

    updateBanner() {
      this.banner.hidden = this.fresh === 0;
      if (this.fresh > 0) {
        this.banner.textContent = this.count('newComments', this.fresh);
        this.bannerLive.textContent = this.banner.textContent;
      }
    }

    showFresh() {
      this.sort = 'newest';
      this.sortEl.value = 'newest';
      this.load(true).then(() => this.list.querySelector('li.c')?.focus?.());
    }

    destroy() {
      if (this.source) this.source.close();
      clearInterval(this.clock);
      this.root.replaceChildren();
    }
  }

  const widgets = new WeakMap();

  function mount(element, options) {
    const host = typeof element === 'string' ? document.querySelector(element) : element;
    if (!host) throw new Error('Hiwar.mount: no element');
    const o = Object.assign({
      articleId: host.dataset.articleId,
      articleUrl: host.dataset.articleUrl || location.href.split('#')[0],
      articleTitle: host.dataset.articleTitle || document.title,
      lang: host.dataset.lang || 'ar',
      digits: host.dataset.digits
    }, options || {});
    if (!o.articleId) throw new Error('Hiwar.mount: articleId is required');
    if (widgets.has(host)) widgets.get(host).destroy();
    const widget = new Widget(host, o);
    widgets.set(host, widget);
    return widget;
  }

  window.Hiwar = Object.assign(window.Hiwar || {}, { mount, version: 1 });
  // <div id="hiwar-comments" data-article-id="..."> mounts by itself unless the page sets
  // window.HiwarConfig = {manual: true} (to pass getToken and onLoginRequest) and mounts it.
  const config = window.HiwarConfig || {};
  const auto = () => {
    const host = document.getElementById('hiwar-comments');
    if (host && !config.manual && !widgets.has(host)) mount(host, config);
    document.dispatchEvent(new CustomEvent('hiwar:ready'));
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', auto);
  else auto();
})();
