// The one way the page talks to the gateway: same origin, bearer header from the session, problem+json errors
// turned into ApiError with the problem's stable `code`.

import * as session from './session.js';
import { t, has } from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.code = this.problem.code || null;
  }
}

async function readProblem(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch {
      return null;
    }
  }
  return null;
}

function authorised(headers) {
  const all = new Headers(headers);
  const bearer = session.token();
  if (bearer) {
    all.set('Authorization', `Bearer ${bearer}`);
  }
  return all;
}

/**
 * Sends a request and answers the parsed JSON (null for an empty body). A 401 ends the session: the token expired
 * or was revoked, and every other call would fail the same way.
 */
export async function request(method, path, { body, headers, signal, raw = false, contentType } = {}) {
  const all = authorised(headers);
  all.set('Accept', raw ? '*/*' : 'application/json, application/problem+json');
  if (body !== undefined) {
    all.set('Content-Type', contentType || 'application/json');
  }
  let response;
  try {
    response = await fetch(path, {
      method,
      headers: all,
      // a body with its own content type (a CSV file) is sent as it is
      body: body === undefined ? undefined : contentType ? body : JSON.stringify(body),
      signal,
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    if (error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError(0, { code: 'NETWORK' });
  }
  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && path.startsWith('/api/')) {
      session.signOut('signin.sessionEnded');
    }
    throw new ApiError(response.status, problem);
  }
  if (raw) {
    return response;
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path, options) => request('GET', path, options);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body });
export const patch = (path, body, options = {}) => request('PATCH', path, { ...options, body });
export const del = (path, options) => request('DELETE', path, options);

/** Builds "/path?a=1&b=x" leaving out empty values. */
export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(name, String(value));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

/** A readable sentence for any failure, in the page's language, following the help page's wording. */
export function describe(error) {
  if (error instanceof ApiError) {
    const key = `errors.${error.code}`;
    if (error.code && has(key)) {
      return t(key);
    }
    if (error.status === 0) {
      return t('errors.NETWORK');
    }
    return error.problem.detail || error.problem.title || t('errors.generic', { status: error.status });
  }
  return error?.message || t('errors.generic', { status: '?' });
}

/** The field errors of a 400 VALIDATION_FAILED, as "field: message" lines (messages come from the service). */
export function fieldErrors(error) {
  const errors = error instanceof ApiError && Array.isArray(error.problem.errors) ? error.problem.errors : [];
  return errors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message));
}

/** A random id for Idempotency-Key; randomUUID exists only in secure contexts (https or localhost). */
export function newIdempotencyKey() {
  if (crypto.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
