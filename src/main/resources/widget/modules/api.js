// The API client: the reader's token from the publisher page, fetch with one retry on 401, problem messages.
/** Talking to the service as the signed-in reader. */
const ApiClient = {
  async authToken(force) {
    if (!this.o.getToken) return null;
    if (!force && this.token && tokenExpiry(this.token) - Date.now() > 30000) return this.token;
    try {
      this.token = (await this.o.getToken({ force: !!force })) || null;
    } catch (e) {
      this.token = null;
    }
    return this.token;
  },

  requestLogin() {
    if (this.o.onLoginRequest) this.o.onLoginRequest();
  },

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
  },

  explain(err) {
    const type = (err.problem && err.problem.type || '').split('/').pop();
    if (type === 'slow-mode') return this.t('paceWait', { seconds: this.count('seconds', Math.max(1, err.retryAfter || 1)) });
    if (type === 'surge-closed') { this.setPace({ step: 'closed' }); return this.m.paceClosed; }
    if (err.status === 429) return this.t('rateLimited', { seconds: this.count('seconds', Math.max(1, err.retryAfter || 1)) });
    if (err.status === 401) { this.requestLogin(); return this.m.signIn; }
    if (type === 'stale-version') return this.m.stale;
    if (type === 'edit-window-closed') return this.m.editClosed;
    if (type === 'article-closed') { this.setOpen(false); return this.m.closed; }
    if (type === 'already-reported') return this.m.alreadyReported;
    if (type === 'own-comment') return this.m.ownComment;
    if (err.status === 422 && (err.problem.errors || []).some((e) => e.field === 'body' || e.field === 'note')) return this.t('invalidText', { max: this.number.format(SETTINGS.maxLength) });
    if (err.status === 422 && err.problem.detail) return err.problem.detail;
    return this.m.error;
  }
};
