// Hash routes, so every screen is bookmarkable (/#/notices/{id}) while the gateway serves one static page.

const routes = [];

/** pattern like '/notices/:noticeId'; view(params, query) renders into the main element and may answer a cleanup. */
export function route(pattern, view) {
  const names = [];
  const regex = new RegExp('^' + pattern.replace(/:(\w+)/g, (match, name) => {
    names.push(name);
    return '([^/]+)';
  }) + '$');
  routes.push({ regex, names, view });
}

export function current() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, queryText = ''] = hash.split('?');
  const query = Object.fromEntries(new URLSearchParams(queryText));
  for (const { regex, names, view } of routes) {
    const match = regex.exec(path);
    if (match) {
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])]));
      return { view, params, query, path };
    }
  }
  return { view: null, params: {}, query, path };
}

export function go(path) {
  if (location.hash === `#${path}`) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = path;
  }
}

/** Builds a hash link path segment by segment, so ids are always encoded. */
export function link(...segments) {
  return '#/' + segments.map((s) => encodeURIComponent(s)).join('/');
}
