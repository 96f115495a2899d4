/**
 * Which sites may talk to the agent: the persistent list (`sites.json`: `agent allow` / `agent
 * deny`, and consent answered in a dialog), plus `--allow-origin` for one run. A site is its
 * WebSocket `Origin` exactly as the browser sends it (`https://my.gov.uz`); pages opened from
 * files send `null`, which counts only when `null` itself was allowed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors/index.js';
import { writeFileAtomicSync } from '../files/index.js';
import { SITES_FILE, type SiteList } from './contract.js';

export type SiteDecision = 'allowed' | 'denied' | 'unknown';

/** `https://Site.UZ:443/` → `https://site.uz`; `null` stays `null`; anything else is refused. */
export function normalizeOrigin(origin: string): string {
  const raw = origin.trim();
  if (raw === 'null') return 'null';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError('AGENT_BAD_ORIGIN', 'agent.error.badOrigin', { params: { origin: raw } });
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname.length > 1 || url.search)
    throw new UsageError('AGENT_BAD_ORIGIN', 'agent.error.badOrigin', { params: { origin: raw } });
  return url.origin;
}

export function readSites(dir: string): SiteList {
  try {
    const j = JSON.parse(readFileSync(path.join(dir, SITES_FILE), 'utf8')) as Partial<SiteList>;
    return {
      allowed: Array.isArray(j.allowed) ? j.allowed.filter((s) => typeof s === 'string') : [],
      denied: Array.isArray(j.denied) ? j.denied.filter((s) => typeof s === 'string') : [],
    };
  } catch {
    return { allowed: [], denied: [] };
  }
}

/** Record a decision for good (0600, atomic); a site is in at most one of the two lists. */
export function writeSiteDecision(dir: string, origin: string, decision: 'allowed' | 'denied'): SiteList {
  const o = normalizeOrigin(origin);
  const list = readSites(dir);
  list.allowed = list.allowed.filter((s) => s !== o);
  list.denied = list.denied.filter((s) => s !== o);
  list[decision].push(o);
  list.allowed.sort();
  list.denied.sort();
  writeFileAtomicSync(path.join(dir, SITES_FILE), Buffer.from(JSON.stringify(list, null, 2) + '\n'), {
    mode: 0o600,
    replace: true,
  });
  return list;
}

/** The agent's view: the file's lists and this run's `--allow-origin` sites. */
export class SitePolicy {
  private list: SiteList;
  private readonly runAllowed: Set<string>;

  constructor(
    private readonly dir: string,
    allowOrigins: string[],
  ) {
    this.list = readSites(dir);
    this.runAllowed = new Set(allowOrigins.map(normalizeOrigin));
  }

  decide(origin: string): SiteDecision {
    if (this.list.denied.includes(origin)) return 'denied';
    if (this.runAllowed.has(origin) || this.list.allowed.includes(origin)) return 'allowed';
    return 'unknown';
  }

  set(origin: string, decision: 'allowed' | 'denied'): void {
    const o = normalizeOrigin(origin);
    if (decision === 'denied') this.runAllowed.delete(o);
    this.list = writeSiteDecision(this.dir, o, decision);
  }

  allowed(): string[] {
    return [...new Set([...this.runAllowed, ...this.list.allowed])]
      .filter((o) => !this.list.denied.includes(o))
      .sort();
  }

  denied(): string[] {
    return [...this.list.denied];
  }
}
