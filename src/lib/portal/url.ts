/**
 * The one way a portal URL is built: the portal's base URL (which may carry a path prefix, e.g.
 * `https://host/oneid`) joined with an endpoint path. `new URL('/api/…', base)` would drop the
 * prefix; string joining keeps it.
 */
export function portalEndpoint(base: string, endpoint: string): string {
  const root = base.replace(/[?#].*$/, '').replace(/\/+$/, '');
  const rest = endpoint.replace(/^\/+/, '');
  return rest ? `${root}/${rest}` : root;
}
