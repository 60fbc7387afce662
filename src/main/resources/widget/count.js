/*
 * Hiwar comment counts for listing pages: fills every element marked
 * data-hiwar-count="articleId" with its article's count, in one request per 100 articles.
 * Options on window.HiwarCountConfig: {lang: 'ar'|'en', digits: 'arab'|'latn'}.
 */
(() => {
  'use strict';
  const script = document.currentScript;
  const ORIGIN = script ? new URL(script.src, location.href).origin : location.origin;
  const FORMS = {
    ar: { zero: 'لا تعليقات', one: 'تعليق واحد', two: 'تعليقان', few: '{n} تعليقات', many: '{n} تعليقًا', other: '{n} تعليق' },
    en: { zero: 'No comments', one: '1 comment', other: '{n} comments' }
  };

  async function fill(options) {
    const o = Object.assign({}, window.HiwarCountConfig, options);
    const lang = FORMS[o.lang] ? o.lang : (document.documentElement.lang || 'ar').slice(0, 2) === 'en' ? 'en' : 'ar';
    const plural = new Intl.PluralRules(lang);
    const number = new Intl.NumberFormat(lang + (o.digits === 'arab' ? '-u-nu-arab' : '-u-nu-latn'));
    const nodes = [...document.querySelectorAll('[data-hiwar-count]')];
    const ids = [...new Set(nodes.map((n) => n.getAttribute('data-hiwar-count')).filter(Boolean))];
    const counts = {};
    for (let i = 0; i < ids.length; i += 100) {
      const res = await fetch(ORIGIN + '/api/v1/counts?articles=' + ids.slice(i, i + 100).map(encodeURIComponent).join(','));
      if (res.ok) Object.assign(counts, await res.json());
    }
    for (const n of nodes) {
      const c = counts[n.getAttribute('data-hiwar-count')];
      if (c === undefined) continue;
      const form = c === 0 ? FORMS[lang].zero : (FORMS[lang][plural.select(c)] || FORMS[lang].other);
      n.textContent = form.replace('{n}', () => number.format(c));
      n.setAttribute('data-hiwar-count-value', String(c));
    }
    document.dispatchEvent(new CustomEvent('hiwar:counts', { detail: counts }));
    return counts;
  }

  window.HiwarCount = { fill };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => fill());
  else fill();
})();
