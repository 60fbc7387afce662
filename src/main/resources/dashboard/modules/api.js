// The moderation API with the moderator's token; a 401 signs out.
async function api(method, path, body, extra) {
  const headers = Object.assign({ Authorization: 'Bearer ' + state.token }, extra || {});
  if (body !== undefined && typeof body !== 'string') headers['Content-Type'] = 'application/json';
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : (typeof body === 'string' ? body : JSON.stringify(body)) });
  if (res.status === 401) { signOut(m().badToken); throw new Error(m().badToken); }
  const type = res.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await res.json() : await res.text();
  if (!res.ok) {
    const err = new Error((data && data.detail) || res.statusText);
    err.status = res.status;
    err.problem = data;
    throw err;
  }
  return { data, res };
}

function say(text, error) {
  $('status').textContent = text;
  $('status').classList.toggle('error', !!error);
}
