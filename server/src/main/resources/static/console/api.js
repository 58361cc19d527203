// The console speaks only the public API (/api/v1), with the bearer token of its sign-in.
import { reactive } from 'vue';

const KEY = 'doorstep.console';

/** Who is signed in (kept for this browser tab only). */
export const session = reactive(JSON.parse(sessionStorage.getItem(KEY) || 'null') || { token: null });

export function signedIn(reply) {
  Object.assign(session, {
    token: reply.token, userId: reply.user.id, nickname: reply.user.nickname, loginName: reply.loginName,
    roles: reply.roles, mustChangePassword: reply.mustChangePassword, totpEnrolled: reply.totpEnrolled,
  });
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export function signedOut() {
  for (const k of Object.keys(session)) delete session[k];
  session.token = null;
  sessionStorage.removeItem(KEY);
}

export function saveSession() {
  sessionStorage.setItem(KEY, JSON.stringify(session));
}

export class ApiError extends Error {
  constructor(status, code, message, data) {
    super(message);
    this.status = status; this.code = code; this.data = data;
  }
}

function headers(json) {
  const h = {};
  if (json) h['Content-Type'] = 'application/json';
  if (session.token) h.Authorization = 'Bearer ' + session.token;
  return h;
}

/** Calls /api/v1{path}; answers the envelope's data or throws ApiError (a 401 signs out). */
export async function api(method, path, body, query) {
  const url = '/api/v1' + path + qs(query);
  const r = await fetch(url, { method, headers: headers(body !== undefined), body: body === undefined ? undefined : JSON.stringify(body) });
  let j = null;
  try { j = await r.json(); } catch (e) { j = { code: r.status, message: r.statusText }; }
  if (!r.ok || j.code !== 0) {
    if (r.status === 401 && session.token && !path.startsWith('/auth/console/')) {
      signedOut();
      location.hash = '#/login';
    }
    throw new ApiError(r.status, j.code, j.message || ('HTTP ' + r.status), j.data);
  }
  return j.data;
}

export const get = (path, query) => api('GET', path, undefined, query);
export const post = (path, body) => api('POST', path, body === undefined ? {} : body);
export const put = (path, body) => api('PUT', path, body);

export function qs(query) {
  if (!query) return '';
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') p.append(k, v);
  const s = p.toString();
  return s ? '?' + s : '';
}

/** Downloads an export (xlsx/csv) with the bearer token, under the file name the server gives. */
export async function download(path, query) {
  const r = await fetch('/api/v1' + path + qs(query), { headers: headers(false) });
  if (!r.ok) {
    let message = 'HTTP ' + r.status;
    try { message = (await r.json()).message; } catch (e) { /* not JSON */ }
    throw new ApiError(r.status, r.status, message);
  }
  const blob = await r.blob();
  const disposition = r.headers.get('Content-Disposition') || '';
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition) || /filename="?([^";]+)"?/.exec(disposition);
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = m ? decodeURIComponent(m[1]) : 'export';
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

/** The roles of the signed-in worker. */
export const hasRole = (...roles) => (session.roles || []).some(g => roles.includes(g.role));
export const scopes = role => (session.roles || []).filter(g => g.role === role).map(g => g.scopeId);
