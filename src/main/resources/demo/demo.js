// The demo publisher's page: its own "login" (the dev sign-in) hands tokens to the widget.
window.HiwarConfig = { manual: true };
const KEY = 'hiwar-demo';
const session = () => JSON.parse(sessionStorage.getItem(KEY) || 'null');
const params = new URLSearchParams(location.search);
const lang = params.get('lang') === 'en' ? 'en' : 'ar';

async function signIn(as) {
  const res = await fetch('/dev/sign-in?as=' + encodeURIComponent(as), { method: 'POST' });
  if (!res.ok) return null;
  const s = await res.json();
  sessionStorage.setItem(KEY, JSON.stringify(s));
  return s;
}

function mount() {
  window.Hiwar.mount(document.getElementById('hiwar-comments'), {
    lang,
    digits: params.get('digits') || undefined,
    // The publisher's login supplies the token; asked again (force) when the API says it expired.
    getToken: async ({ force } = {}) => {
      let s = session();
      if (s && (force || new Date(s.expiresAt) < new Date())) s = await signIn(s.as);
      return s ? s.token : null;
    },
    onLoginRequest: () => document.querySelector('[data-as=reader]').focus()
  });
}

function showWho() {
  const s = session();
  document.getElementById('who').textContent = s ? s.name : (lang === 'en' ? 'Guest' : 'زائر');
  document.getElementById('signout').hidden = !s;
}

document.addEventListener('DOMContentLoaded', () => {
  if (lang === 'en') {
    document.documentElement.lang = 'en';
    document.documentElement.dir = 'ltr';
    document.getElementById('lang').textContent = 'العربية';
  }
  document.querySelectorAll('[data-as]').forEach((b) => b.addEventListener('click', async () => {
    const s = await signIn(b.dataset.as);
    if (s) { s.as = b.dataset.as; sessionStorage.setItem(KEY, JSON.stringify(s)); }
    showWho();
    mount();
  }));
  document.getElementById('signout').addEventListener('click', () => { sessionStorage.removeItem(KEY); showWho(); mount(); });
  document.getElementById('lang').addEventListener('click', () => {
    params.set('lang', lang === 'en' ? 'ar' : 'en');
    location.search = params.toString();
  });
  showWho();
  if (window.Hiwar) mount();
  else document.addEventListener('hiwar:ready', mount, { once: true });
});
