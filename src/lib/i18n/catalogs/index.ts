import type { Catalog, Language, Messages } from '../types.js';
import account from './account.js';
import agent from './agent.js';
import agentTrust from './agent-trust.js';
import apply from './apply.js';
import cli from './cli.js';
import cmd from './cmd.js';
import common from './common.js';
import config from './config.js';
import crypto from './crypto.js';
import help from './help.js';
import ids from './ids.js';
import keys from './keys.js';
import pki from './pki.js';
import portal from './portal.js';
import revocation from './revocation.js';
import sandbox from './sandbox.js';
import session from './session.js';
import sign from './sign.js';

/** Every area's catalog; one file per area so that areas never edit each other's messages. */
export const AREAS: Record<string, Catalog> = {
  account,
  agent,
  agentTrust,
  apply,
  cli,
  cmd,
  common,
  config,
  crypto,
  help,
  ids,
  keys,
  pki,
  portal,
  revocation,
  sandbox,
  session,
  sign,
};

export function merged(lang: Language): Messages {
  const out: Messages = {};
  for (const cat of Object.values(AREAS)) Object.assign(out, cat[lang]);
  return out;
}
