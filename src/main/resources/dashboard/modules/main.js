// Wiring the page once it has loaded.
document.addEventListener('DOMContentLoaded', async () => {
  $('lang').onclick = () => { state.lang = state.lang === 'ar' ? 'en' : 'ar'; localStorage.setItem('hiwar-mod-lang', state.lang); applyLang(); };
  $('signout').onclick = () => signOut();
  $('use-token').onclick = () => ($('token').value.trim() ? signIn($('token').value.trim()) : ($('signin-msg').textContent = m().noToken));
  $('dev-signin').onclick = async () => {
    const res = await fetch('/dev/sign-in?as=moderator', { method: 'POST' });
    if (res.ok) signIn((await res.json()).token);
  };
  $('q').addEventListener('change', () => loadQueue(true));
  $('more').onclick = () => loadQueue(false);
  $('claim').onclick = claim;
  $('bulk-approve').onclick = () => bulk(state.items.filter((x) => state.selected.has(x.id)), 'approve');
  $('bulk-reject').onclick = () => rejectWithReason(state.items.filter((x) => state.selected.has(x.id)));
  $('help-btn').onclick = () => $('help').showModal();
  $('reject-dialog').addEventListener('keydown', onDialogKey);
  document.addEventListener('keydown', onKey);
  applyLang();
  // The dev sign-in exists only in dev builds: a GET there answers 405 instead of 404.
  fetch('/dev/sign-in').then((r) => { $('dev-signin').hidden = r.status === 404; }).catch(() => {});
  if (state.token) signIn(state.token); else $('signin').hidden = false;
});
