// Signing in with a moderator's token, and out.
async function signIn(token) {
  state.token = token;
  try {
    await api('GET', '/api/v1/moderation/counts');
  } catch (e) {
    state.token = null;
    $('signin-msg').textContent = e.status === 403 ? m().notModerator : m().badToken;
    return;
  }
  sessionStorage.setItem('hiwar-mod-token', token);
  try {
    const bytes = Uint8Array.from(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    const payload = JSON.parse(new TextDecoder().decode(bytes));
    $('me').textContent = payload.name || payload.preferred_username || payload.sub;
    state.admin = (payload.groups || []).includes('admin');
    state.desks = state.admin ? [] : (payload.desks || []);
    if (state.desks.length) $('me').textContent += ' · ' + state.desks.join('، ');
  } catch (e) { /* the name is cosmetic */ }
  $('signin').hidden = true;
  $('desk').hidden = false;
  $('signout').hidden = false;
  renderTabs();
  show('pending');
  refreshSiteMode();
  clearInterval(state.poll);
  state.poll = setInterval(() => { refreshCounts(); refreshSiteMode(); }, 10000);
}

function signOut(message) {
  sessionStorage.removeItem('hiwar-mod-token');
  state.token = null;
  clearInterval(state.poll);
  $('desk').hidden = true;
  $('signout').hidden = true;
  $('signin').hidden = false;
  $('me').textContent = '';
  $('signin-msg').textContent = message || '';
}
