// The widget: its shell, loading pages, and mounting on the page.
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
    this.fresh = new Set(); // ids of new public comments not shown yet
    this.token = null;
    this.byId = new Map();
    this.mine = new Set();
    this.open = true;
    this.build();
    this.load(true);
    this.connect();
    this.clock = setInterval(() => this.tick(), 60000);
  }

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
    this.paceEl = el('p', { className: 'notice pace', role: 'status', hidden: true });
    this.textarea = el('textarea', { 'aria-label': m.compose, placeholder: m.placeholder, maxlength: String(SETTINGS.maxLength), rows: '3' });
    this.replyLabel = el('span', { className: 'replying', hidden: true });
    this.cancelReply = el('button', { type: 'button', className: 'link', hidden: true, text: m.cancel, onclick: () => this.setReply(null) });
    this.postBtn = el('button', { type: 'submit', className: 'primary', text: m.post });
    this.composerMsg = el('p', { className: 'msg', role: 'status', 'aria-live': 'polite' });
    this.signInBtn = el('button', { type: 'button', className: 'primary', hidden: true, text: m.signIn, onclick: () => this.requestLogin() });
    this.emailBtn = el('button', { type: 'button', className: 'link', text: m.emailPrefs, onclick: () => this.openPrefs() });
    this.form = el('form', { className: 'composer', onsubmit: (e) => { e.preventDefault(); this.post(); } },
      this.textarea, el('div', { className: 'row' }, el('span', null, this.replyLabel, this.cancelReply), this.postBtn),
      this.composerMsg, el('p', { className: 'prefs' }, this.emailBtn));
    this.list = el('ol', { className: 'list', 'aria-labelledby': 'hw-title' });
    this.moreBtn = el('button', { type: 'button', className: 'more', hidden: true, text: m.more, onclick: () => this.load(false) });
    this.dialog = this.buildReportDialog();
    this.prefsDialog = this.buildPrefsDialog();
    this.section = el('section', { className: 'hw', dir: this.dir, lang: this.lang, 'aria-labelledby': 'hw-title' },
      el('header', { className: 'top' }, this.countEl, this.sortEl),
      this.closedEl, this.paceEl, this.signInBtn, this.form, this.banner, this.bannerLive, this.list, this.moreBtn, this.dialog, this.prefsDialog);
    root.append(this.section);
    this.skeleton();
  }

  // Email choices: replies and decisions, each never, at once or in a daily digest (the address comes from the sign-in token).
  buildPrefsDialog() {
    const m = this.m;
    const choice = (name, label) => el('label', null, label + ' ',
      el('select', { name }, ...['off', 'instant', 'digest'].map((v) => el('option', { value: v, text: m[v] }))));
    const form = el('form', { method: 'dialog', onsubmit: (e) => { e.preventDefault(); this.savePrefs(form); } },
      el('fieldset', null, el('legend', { text: m.emailTitle }), choice('replies', m.emailReplies), choice('decisions', m.emailDecisions)),
      el('div', { className: 'row' },
        el('button', { type: 'button', text: m.cancel, onclick: () => this.prefsDialog.close() }),
        el('button', { type: 'submit', className: 'primary', text: m.save })));
    return el('dialog', { 'aria-label': m.emailPrefs }, form);
  }

  skeleton() {
    this.list.replaceChildren(...[0, 1, 2].map(() => el('li', { className: 'skeleton', 'aria-hidden': 'true' })));
  }

  buildReportDialog() {
    const m = this.m;
    const reasons = SETTINGS.reportReasons.map((value) => [value, m.reasons[value] || value]).map(([value, label], i) =>
      el('label', null, el('input', { type: 'radio', name: 'reason', value, required: true, checked: i === 0 }), ' ' + label));
    this.reportNote = el('textarea', { 'aria-label': m.reportNote, placeholder: m.reportNote, maxlength: String(SETTINGS.reportNoteMaxLength) });
    const form = el('form', { method: 'dialog', onsubmit: (e) => { e.preventDefault(); this.sendReport(form); } },
      el('fieldset', null, el('legend', { text: m.reportTitle }), ...reasons), this.reportNote,
      el('div', { className: 'row' },
        el('button', { type: 'button', text: m.cancel, onclick: () => this.dialog.close() }),
        el('button', { type: 'submit', className: 'primary', text: m.send })));
    return el('dialog', { 'aria-label': m.reportTitle }, form);
  }

  async load(reset) {
    if (reset) {
      this.cursor = null;
      this.fresh.clear();
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
    if (reset && !this.linkShown) {
      this.linkShown = true;
      this.showLinked();
    }
    this.total = page.article.publishedCount;
    this.countEl.textContent = this.count('count', this.total);
    this.setOpen(page.article.open);
    this.setPace(page.article.pace);
    this.refreshAuthUi();
  }

  // A link from an email or a share (#hiwar-comment-42): that comment, also when it is not on the first page, brought into view.
  async showLinked() {
    const match = /^#hiwar-comment-(\d+)$/.exec(location.hash || '');
    if (!match) return;
    const id = Number(match[1]);
    let li = this.list.querySelector('li.c[data-id="' + id + '"]');
    if (!li) {
      let c;
      try {
        c = await this.api('GET', '/comments/' + id);
      } catch (e) {
        return; // gone or never public: the list is all there is
      }
      if (c.articleId !== this.o.articleId) return;
      li = this.renderComment(c);
      this.list.prepend(li);
    }
    li.classList.add('linked');
    const card = li.querySelector('article.card');
    card.tabIndex = -1;
    card.focus({ preventScroll: true });
    li.scrollIntoView({ block: 'center' });
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

  // The surge autopilot's step on a busy article: readers learn why comments are slower, reviewed first, or paused.
  setPace(pace) {
    const step = pace && pace.step !== 'normal' ? pace.step : null;
    this.pace = step;
    this.paceEl.hidden = !step;
    if (step === 'slow') this.paceEl.textContent = this.t('paceSlow', { wait: this.count('seconds', Math.max(1, pace.waitSeconds || 1)) });
    else if (step === 'held') this.paceEl.textContent = this.m.paceHeld;
    else if (step === 'closed') this.paceEl.textContent = this.m.paceClosed;
    if (this.postBtn) this.postBtn.disabled = step === 'closed';
  }

  destroy() {
    this.destroyed = true;
    if (this.source) this.source.close();
    clearTimeout(this.liveTimer);
    clearInterval(this.clock);
    this.root.replaceChildren();
  }
}

Object.assign(Widget.prototype, I18n, ApiClient, Rendering, Writing, Live);

const widgets = new WeakMap();

function mount(element, options) {
  const host = typeof element === 'string' ? document.querySelector(element) : element;
  if (!host) throw new Error('Hiwar.mount: no element');
  const o = Object.assign({
    articleId: host.dataset.articleId,
    articleUrl: host.dataset.articleUrl || location.href.split('#')[0],
    articleTitle: host.dataset.articleTitle || document.title,
    articleSection: host.dataset.articleSection,
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
