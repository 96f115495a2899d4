/** What every protocol function gets: the calling site, the arguments, and the agent's state. */
import type { AuditLog } from '../audit.js';
import type { Asker } from '../consent.js';
import type { KeyStore } from '../keystore.js';
import type { SitePolicy } from '../sites.js';

export interface AgentCore {
  keys: KeyStore;
  sites: SitePolicy;
  asker: Asker;
  audit: AuditLog;
}

export interface Call {
  /** The connection's Origin, normalised (`null` for pages opened from files). */
  origin: string;
  args: unknown[];
  core: AgentCore;
}

/** A reply's fields besides `success`. */
export type Reply = Record<string, unknown>;

export type ProtocolFunction = (c: Call) => Reply | Promise<Reply>;

/** A plugin's functions with the names of their arguments (for `apidoc`). */
export type Plugin = Record<string, { args: string[]; fn: ProtocolFunction }>;
