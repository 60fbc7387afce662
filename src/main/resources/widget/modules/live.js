// Live updates: one EventSource per widget, new comments announced in a banner.
/** The live stream of this article. */
const Live = {
  connect() {
    if (!window.EventSource || this.o.live === false || this.destroyed) return;
    const last = this.lastEventId ? '?lastEventId=' + encodeURIComponent(this.lastEventId) : '';
    const source = new EventSource(ORIGIN + '/api/v1/articles/' + encodeURIComponent(this.o.articleId) + '/events' + last);
    this.source = source;
    const data = (e) => {
      if (e.lastEventId) this.lastEventId = e.lastEventId;
      return JSON.parse(e.data);
    };
    source.addEventListener('ready', (e) => { data(e); this.liveFailures = 0; });
    // The browser reconnects by itself when a stream ends (a stopping instance ends it with a
    // "reconnect" event and a retry delay). An answer that is not a stream, such as a full or
    // stopping instance's 503, ends EventSource for good: then the widget opens a new one itself,
    // later after each failure, from the last event it saw.
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED || this.source !== source) return;
      this.liveFailures = (this.liveFailures || 0) + 1;
      const wait = Math.min(60000, 1000 * 2 ** this.liveFailures) * (0.5 + Math.random());
      this.liveTimer = setTimeout(() => this.connect(), wait);
    };
    source.addEventListener('comment', async (e) => {
      const c = data(e);
      await this.posting; // our own new comment can arrive here before its POST answers
      const shown = this.byId.get(c.id);
      if (shown && shown.comment.status === 'pending' && !shown.querySelector(':scope > article form')) {
        // One's own held comment was approved: public now, in place, and focus stays where it is.
        this.refill(shown, Object.assign({}, c, { mine: shown.comment.mine, liked: shown.comment.liked,
          editableUntil: shown.comment.editableUntil }), false);
        return;
      }
      if (this.mine.has(c.id) || shown) return;
      // By id: an event can come twice (a retried POST is announced again), and counts once.
      this.fresh.add(c.id);
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
      if (this.fresh.delete(id)) this.updateBanner();
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
    source.addEventListener('pace', (e) => this.setPace(data(e)));
    source.addEventListener('refetch', (e) => { if (e.lastEventId) this.lastEventId = e.lastEventId; this.load(true); });
  },

  updateBanner() {
    this.banner.hidden = this.fresh.size === 0;
    if (this.fresh.size > 0) {
      this.banner.textContent = this.count('newComments', this.fresh.size);
      this.bannerLive.textContent = this.banner.textContent;
    }
  },

  showFresh() {
    this.sort = 'newest';
    this.sortEl.value = 'newest';
    this.load(true).then(() => this.list.querySelector('li.c')?.focus?.());
  }
};
