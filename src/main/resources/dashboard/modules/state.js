// What the dashboard shows and for whom: the settings from the service, the view, the items, the token.
/** Reason lists from the service's configuration. */
const SETTINGS = __HIWAR_SETTINGS__;

const QUEUES = ['pending', 'reported', 'rejected', 'approved', 'all'];
const ADMIN = ['newsroom', 'campaigns', 'wordlists', 'models', 'audit', 'stats'];
const REJECT_REASONS = SETTINGS.rejectReasons;

const state = {
  lang: localStorage.getItem('hiwar-mod-lang') || 'ar',
  token: sessionStorage.getItem('hiwar-mod-token'),
  view: 'pending', items: [], cursor: null, focus: -1, selected: new Set()
};
const $ = (id) => document.getElementById(id);
const m = () => T[state.lang];
// A function replacement: display names may hold $& or $` patterns.
const fmt = (s, vars) => Object.entries(vars || {}).reduce((a, [k, v]) => a.replace('{' + k + '}', () => String(v)), s);
