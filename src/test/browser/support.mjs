// Shared by the browser tests: Debian's Chromium through playwright-core, tokens signed with
// the test key (as the publisher's login would), and a publisher page on another origin.
import { chromium } from 'playwright-core';
import { createSign, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BASE = process.env.BASE_URL || 'http://localhost:8080';
export const PUBLISHER = 'http://publisher.test';
const KEY = readFileSync(fileURLToPath(new URL('../resources/keys/rsa-private.pem', import.meta.url)));

const b64 = (v) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');

/** An RS256 token for a fresh reader (or the given subject), valid for `ttl` seconds (negative: already expired). */
export function token({ sub = 'browser-' + randomUUID(), name = 'قارئ المتصفح', groups = [], trusted, ttl = 3600, email } = {}) {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: 'https://publisher.test', aud: 'hiwar', sub, name, groups, iat: now + Math.min(0, ttl - 60), exp: now + ttl };
  if (trusted) claims.trusted = true;
  if (email) claims.email = email;
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: 'rsa-2048' }) + '.' + b64(claims);
  const sig = createSign('RSA-SHA256').update(head).sign(KEY).toString('base64url');
  return head + '.' + sig;
}

export const newArticle = () => 'browser-' + randomUUID();

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    // The publisher page is served by the test (no real network), so Chromium cannot tell it is
    // local too; its private/local network checks would block it from calling the service.
    args: ['--no-sandbox', '--disable-dev-shm-usage',
      '--disable-features=BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights,LocalNetworkAccessChecks']
  });
}

/**
 * A browser context whose publisher page (another origin) embeds the widget from the service,
 * signed in with `tok` (or anonymous). The page records login requests in window.loginRequests.
 */
export async function publisherPage(browser, { articleId, tok, freshTok, lang = 'ar', digits, extraHtml = '', extraHead = '', viewport, mount = true, setup, hash = '' } = {}) {
  const context = await browser.newContext({ viewport: viewport || { width: 1100, height: 900 }, locale: lang === 'ar' ? 'ar-EG' : 'en-US' });
  if (setup) await setup(context); // e.g. routes that stand in for the service, before the page loads
  await context.route(PUBLISHER + '/**', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">
      <title>Publisher article</title>
      <script>
        window.loginRequests = 0;
        window.currentToken = ${JSON.stringify(tok || null)};
        window.freshToken = ${JSON.stringify(freshTok || tok || null)};
        window.tokenRequests = [];
        window.HiwarConfig = { manual: true };
        if (${mount}) document.addEventListener('hiwar:ready', () => {
          window.widget = Hiwar.mount(document.getElementById('hiwar-comments'), {
            articleId: ${JSON.stringify(articleId)}, articleTitle: 'مقال الاختبار', articleUrl: '${PUBLISHER}/article',
            lang: ${JSON.stringify(lang)}, digits: ${JSON.stringify(digits || null)},
            getToken: async ({ force } = {}) => { window.tokenRequests.push(!!force); return force ? window.freshToken : window.currentToken; },
            onLoginRequest: () => { window.loginRequests++; }
          });
        });
      </script>
      <script src="${BASE}/embed.js" async></script>${extraHead || ''}</head>
      <body><h1>مقال</h1>${extraHtml}<div id="hiwar-comments"></div></body></html>`
  }));
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (msg) => { if (msg.type() === 'error') errors.push(msg.text()); });
  page.errors = errors;
  await page.goto(PUBLISHER + '/article' + hash);
  return { context, page };
}

/** The widget's shadow root content is reachable with Playwright's CSS engine (it pierces open shadow roots). */
export const widget = (page) => page.locator('#hiwar-comments');

/** Calls the API directly, as another client would. */
export async function api(method, path, tok, body, extraHeaders = {}) {
  const headers = { Accept: 'application/json', ...extraHeaders };
  if (tok) headers.Authorization = 'Bearer ' + tok;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(BASE + '/api/v1' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** The moderator dashboard, signed in with a token of these groups (in `lang`, when given). */
export async function openDashboard(browser, { groups = ['moderator'], lang, viewport = { width: 1200, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport });
  if (lang) await context.addInitScript((l) => localStorage.setItem('hiwar-mod-lang', l), lang);
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(BASE + '/moderation');
  await page.locator('#token').fill(token({ groups, name: 'مشرفة الاختبار' }));
  await page.locator('#use-token').click();
  await page.locator('#desk').waitFor();
  return { context, page };
}
