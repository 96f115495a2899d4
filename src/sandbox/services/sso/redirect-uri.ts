/** Which redirect URIs an SSO client may have (checked at registration and before a code is written). */

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]']);
const isLoopbackHost = (host: string): boolean =>
  LOOPBACK_HOSTS.has(host) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/**
 * Why `uri` cannot be a client's redirect URI, or undefined when it can: an absolute https URL, or
 * http to this machine only (localhost, 127.0.0.0/8, [::1]: a developer's local callback, which no
 * one on the network can intercept), without user info and without a fragment (RFC 6749 §3.1.2).
 * Anything else (`javascript:`, `data:`, relative paths, plain http to a host) is refused.
 */
export function redirectUriProblem(uri: string): string | undefined {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname))
      return 'uses http: http is allowed only for localhost, 127.0.0.1 and [::1]';
  } else if (url.protocol !== 'https:') {
    return `uses the scheme ${url.protocol} (only https, or http to this machine, is allowed)`;
  }
  if (url.username || url.password) return 'contains user info';
  if (uri.includes('#')) return 'contains a fragment';
  return undefined;
}
