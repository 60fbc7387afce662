// Mounts Hiwar's widget with the site's own sign-in: tokens from the plugin's endpoint for the
// signed-in user, WordPress' login page for everyone else.
(function () {
  'use strict';
  var config = window.HiwarWordPress || {};
  var cached = null;
  function token(options) {
    if (!config.nonce) return Promise.resolve(null); // signed out
    if (cached && !(options && options.force) && cached.expiresAt * 1000 > Date.now() + 30000) return Promise.resolve(cached.token);
    return fetch(config.tokenUrl, { method: 'POST', credentials: 'same-origin', headers: { 'X-WP-Nonce': config.nonce } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (t) { cached = t; return t ? t.token : null; });
  }
  function start() {
    var host = document.getElementById('hiwar-comments');
    if (!host || host.dataset.hiwarMounted) return;
    host.dataset.hiwarMounted = 'true';
    window.Hiwar.mount(host, {
      articleId: host.dataset.articleId,
      articleUrl: host.dataset.articleUrl,
      articleTitle: host.dataset.articleTitle,
      lang: host.dataset.lang,
      getToken: token,
      onLoginRequest: function () { window.location.href = config.loginUrl; }
    });
  }
  if (window.Hiwar && window.Hiwar.mount) start();
  else document.addEventListener('hiwar:ready', start);
})();
