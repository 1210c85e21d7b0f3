// The bearer token lives in sessionStorage: it survives a reload of this tab, dies with it, and never appears in a
// URL (so it cannot leak through history, bookmarks or Referer headers).

const STORAGE_KEY = 'propty.token';
const listeners = new Set();

/** The token's claims, decoded without verification: only the gateway verifies; the page just shows names. */
export function decodeClaims(token) {
  const parts = String(token || '').split('.');
  if (parts.length !== 3) {
    return null;
  }
  try {
    const base64 = parts[1].replace(/-/g, '+').replace(/_/g, '/');
    const padded = base64 + '='.repeat((4 - (base64.length % 4)) % 4);
    const bytes = Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
    const claims = JSON.parse(new TextDecoder().decode(bytes));
    return claims && typeof claims === 'object' ? claims : null;
  } catch {
    return null;
  }
}

export function isExpired(claims, now = Date.now()) {
  return typeof claims?.exp === 'number' && claims.exp * 1000 <= now;
}

export function token() {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function claims() {
  return decodeClaims(token());
}

export function isSignedIn() {
  const current = claims();
  return current !== null && !isExpired(current);
}

/** Property ids the token lets this user act on. */
export function properties() {
  const list = claims()?.properties;
  return Array.isArray(list) ? list.map(String) : [];
}

/** Whether the token carries a role, e.g. PROPERTY_ADMIN (the page only hides what the gateway would refuse). */
export function hasRole(role) {
  const list = claims()?.roles;
  return Array.isArray(list) && list.map(String).includes(role);
}

export function displayName() {
  const current = claims();
  return current?.name || current?.sub || '';
}

export function signIn(newToken) {
  sessionStorage.setItem(STORAGE_KEY, newToken.trim());
  listeners.forEach((listener) => listener({ signedIn: true }));
}

/** reason: a dictionary key shown on the sign-in screen, e.g. 'signin.sessionEnded' after a 401. */
export function signOut(reason) {
  sessionStorage.removeItem(STORAGE_KEY);
  listeners.forEach((listener) => listener({ signedIn: false, reason }));
}

export function onSessionChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
