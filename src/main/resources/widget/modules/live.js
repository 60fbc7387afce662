// Live updates: one EventSource per widget, new comments announced in a banner.
/** The live stream of this article. */
const Live = {
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
  },

  updateBanner() {
    this.banner.hidden = this.fresh === 0;
    if (this.fresh > 0) {
      this.banner.textContent = this.count('newComments', this.fresh);
      this.bannerLive.textContent = this.banner.textContent;
    }
  },

  showFresh() {
    this.sort = 'newest';
    this.sortEl.value = 'newest';
    this.load(true).then(() => this.list.querySelector('li.c')?.focus?.());
  }
};
