// The few browser globals the page's modules touch when they load or run, so their pure parts run under Node.
// Import this before any module of the page (imports run in order, and this one has no dependency).

function storage() {
  const items = new Map();
  return {
    getItem: (key) => (items.has(key) ? items.get(key) : null),
    setItem: (key, value) => items.set(key, String(value)),
    removeItem: (key) => items.delete(key),
    clear: () => items.clear(),
  };
}

globalThis.localStorage = storage();
globalThis.sessionStorage = storage();
globalThis.document = { documentElement: { lang: '' }, title: '' };
globalThis.location = { hash: '' };
if (!globalThis.navigator) {
  Object.defineProperty(globalThis, 'navigator', { value: { language: 'en-CA' }, configurable: true });
}
