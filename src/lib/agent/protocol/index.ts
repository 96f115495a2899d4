/**
 * The protocol: one JSON request per WebSocket message, `{"plugin", "name", "arguments"}`
 * (`plugin` absent for the top-level functions), one JSON reply, `{"success": true, …}` or
 * `{"success": false, "reason": "…"}` in the agent's language (REFERENCES.md §4).
 */
import { isOneIdError } from '../../errors/index.js';
import { Refusal, refusal } from '../refusal.js';
import { ftjc, idcard } from './devices.js';
import { pfx } from './pfx.js';
import { pkcs7 } from './pkcs7.js';
import { top } from './top.js';
import type { AgentCore, Plugin, Reply } from './types.js';
import { x509 } from './x509.js';

export type { AgentCore } from './types.js';
export { API_VERSION } from './top.js';

const PLUGINS: Record<string, Plugin> = { pfx, pkcs7, x509, idcard, ftjc };

function apidoc(): Reply {
  const fns = (plugin: string | undefined, p: Plugin) =>
    Object.entries(p).map(([name, f]) => ({ ...(plugin ? { plugin } : {}), name, arguments: f.args }));
  return { functions: [...fns(undefined, TOP), ...Object.entries(PLUGINS).flatMap(([n, p]) => fns(n, p))] };
}

const TOP = top(apidoc);

/** Parse, route and answer one message; never throws. */
export async function answer(core: AgentCore, origin: string, message: string): Promise<Reply> {
  let req: { plugin?: unknown; name?: unknown; arguments?: unknown };
  try {
    req = JSON.parse(message) as typeof req;
    if (!req || typeof req !== 'object' || Array.isArray(req)) throw new Error('not an object');
  } catch {
    return refusal('agent.reason.badRequest');
  }
  const plugin =
    req.plugin === undefined || req.plugin === null || req.plugin === '' ? undefined : req.plugin;
  const table = plugin === undefined ? TOP : typeof plugin === 'string' ? PLUGINS[plugin] : undefined;
  const name = typeof req.name === 'string' ? req.name : '';
  const f = table && Object.hasOwn(table, name) ? table[name] : undefined;
  if (!f)
    return refusal('agent.reason.unknownFunction', { name: `${plugin ? `${String(plugin)}.` : ''}${name}` });
  const args = Array.isArray(req.arguments) ? (req.arguments as unknown[]) : [];
  try {
    return { success: true, ...(await f.fn({ origin, args, core })) };
  } catch (e) {
    if (e instanceof Refusal) return refusal(e.key, e.params);
    if (isOneIdError(e)) return refusal(e.key, e.params);
    return refusal('agent.reason.internal');
  }
}
