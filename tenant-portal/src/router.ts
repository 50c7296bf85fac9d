// Hash routing: Zhidian Local serves the built files at "/" beside the API, so paths stay "/".
export interface Route {
  path: string[]; // segments after "#/"
  query: URLSearchParams;
}

export function current(): Route {
  const raw = location.hash.replace(/^#\/?/, '');
  const [p, q] = raw.split('?');
  return { path: (p ?? '').split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(q ?? '') };
}

export function go(hash: string): void {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}
