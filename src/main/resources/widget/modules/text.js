// Comment text as DOM (links as anchors, never HTML) and token expiry.
const URL_RE = /\bhttps?:\/\/[^\s<>"'\u00A0]+/gi;

/** Text with http(s) links as anchors; everything else stays text. */
function linkified(text) {
  const frag = document.createDocumentFragment();
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    let href = m[0].replace(/[.,;:!?)\]،؛]+$/, '');
    frag.append(text.slice(last, m.index));
    let url = null;
    try { url = new URL(href); } catch (e) { url = null; }
    if (url && (url.protocol === 'http:' || url.protocol === 'https:')) {
      frag.append(el('a', { href: url.href, rel: 'nofollow ugc noopener noreferrer', target: '_blank', text: href }));
    } else {
      frag.append(href);
    }
    last = m.index + href.length;
  }
  frag.append(text.slice(last));
  return frag;
}

function tokenExpiry(token) {
  try {
    const payload = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return payload.exp ? payload.exp * 1000 : Infinity;
  } catch (e) {
    return 0;
  }
}
