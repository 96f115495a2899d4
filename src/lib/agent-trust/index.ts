/**
 * `oneid agent trust`: lets browsers reach the agent's `wss://127.0.0.1:<tls-port>` port. Makes a
 * local CA (name-constrained to 127.0.0.1, ::1 and localhost) and the agent's server certificate,
 * writes them to `<config>/agent/tls/` (`ca.pem`, `server.pem` = server + CA, `server-key.pem`
 * 0600, and `trust.json`, what was installed where), drops the CA's private key, and installs the
 * CA where browsers look (stores.ts). `uninstallAgentTrust` undoes all of it.
 *
 * The agent reads `server.pem` and `server-key.pem` by exactly these paths (`agentTlsFiles`).
 */
import { mkdirSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

import { agentDir, TLS_CERT_FILE, TLS_KEY_FILE } from '../agent/index.js';
import { StorageError, UsageError } from '../errors/index.js';
import { writeFileAtomic } from '../files/index.js';
import { fingerprint, type Certificate } from '../pki/index.js';
import {
  assertStoreTool,
  installKeychain,
  installNss,
  uninstallKeychain,
  uninstallNss,
  windowsInstall,
  windowsUninstall,
  type TrustStore,
} from './stores.js';
import { AGENT_CA_PERMITTED, AGENT_NAMES, agentCaName, agentTlsPem, createAgentTls } from './tls.js';

export {
  AGENT_CA_PERMITTED,
  AGENT_NAMES,
  AGENT_TLS_DAYS,
  agentCaName,
  agentTlsPem,
  createAgentTls,
  type AgentTls,
} from './tls.js';
export { nssDatabases, nssHas, type TrustStore } from './stores.js';

export interface AgentTlsFiles {
  dir: string;
  ca: string;
  /** The server certificate followed by the CA (the chain a TLS server sends). */
  server: string;
  /** The server's private key, PKCS#8 PEM, 0600. */
  serverKey: string;
  /** What `trust` installed where (nickname, fingerprints): what `--uninstall` reads. */
  record: string;
}

/** Where the agent's TLS files live: `<config folder>/agent/tls/`, the names the agent reads. */
export function agentTlsFiles(env: NodeJS.ProcessEnv = process.env): AgentTlsFiles {
  const agent = agentDir(env);
  const server = path.join(agent, TLS_CERT_FILE);
  const dir = path.dirname(server);
  return {
    dir,
    ca: path.join(dir, 'ca.pem'),
    server,
    serverKey: path.join(agent, TLS_KEY_FILE),
    record: path.join(dir, 'trust.json'),
  };
}

export interface CertificateSummary {
  subject: string;
  serial: string;
  validFrom: string;
  validTo: string;
  sha256: string;
}

/** `--json` result of `oneid agent trust [--uninstall]`. */
export interface AgentTrustResult {
  action: 'install' | 'uninstall';
  /** The NSS nickname (and certificate name) of this machine's agent CA. */
  nickname: string;
  files: AgentTlsFiles;
  /** The new CA (install only): its permitted names, and that its private key is gone. */
  ca?: CertificateSummary & { permitted: string[]; privateKeyKept: false };
  /** The new server certificate (install only) and the names it holds. */
  server?: CertificateSummary & { names: string[] };
  stores: TrustStore[];
  /** Files removed (uninstall only). */
  removedFiles?: string[];
  /** The command that undoes an install. */
  undo?: string;
}

interface TrustRecord {
  nickname: string;
  createdAt: string;
  caSha1: string;
  caSha256: string;
  caSerial: string;
}

export interface TrustOptions {
  env?: NodeJS.ProcessEnv;
  /** Home folder whose browser stores are changed (default: the user's). */
  home?: string;
  platform?: NodeJS.Platform;
}

function summary(c: Certificate): CertificateSummary {
  return {
    subject: c.subject.text,
    serial: c.serialHex,
    validFrom: c.notBefore.toISOString(),
    validTo: c.notAfter.toISOString(),
    sha256: fingerprint(c, 'sha256'),
  };
}

const describe = (n: { ip: string } | { dns: string }) => ('ip' in n ? `IP:${n.ip}` : `DNS:${n.dns}`);

function readRecord(file: string): TrustRecord | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as TrustRecord;
  } catch {
    return undefined;
  }
}

async function write(file: string, text: string, mode: number): Promise<void> {
  try {
    await writeFileAtomic(file, Buffer.from(text), { mode });
  } catch (e) {
    throw new UsageError('FILE_WRITE', 'common.error.write', {
      params: { path: file, reason: (e as NodeJS.ErrnoException).code ?? String(e) },
    });
  }
}

/**
 * A new CA and server certificate, written and installed; an earlier agent CA under the same
 * nickname is replaced in every store. Nothing is written when the store tool is missing.
 */
export async function installAgentTrust(o: TrustOptions = {}): Promise<AgentTrustResult> {
  const platform = o.platform ?? process.platform;
  const home = o.home ?? homedir();
  const files = agentTlsFiles(o.env);
  await assertStoreTool(platform);
  const previous = readRecord(files.record);
  const nickname = agentCaName();
  const tls = createAgentTls({ name: nickname });
  const pem = agentTlsPem(tls);
  const ca = tls.ca.certificate;
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  await write(files.ca, pem.ca, 0o644);
  await write(files.server, pem.server, 0o644);
  await write(files.serverKey, pem.serverKey, 0o600);
  const stores =
    platform === 'win32'
      ? windowsInstall(files.ca)
      : platform === 'darwin'
        ? await installKeychain(home, files.ca, previous?.caSha1)
        : await installNss(home, nickname, files.ca);
  if (stores.every((s) => s.action === 'failed'))
    throw new StorageError('TRUST_STORE_FAILED', 'agentTrust.error.storeFailed', {
      params: { error: stores.map((s) => `${s.location}: ${s.error ?? ''}`).join('; ') },
    });
  const record: TrustRecord = {
    nickname,
    createdAt: new Date().toISOString(),
    caSha1: fingerprint(ca, 'sha1'),
    caSha256: fingerprint(ca, 'sha256'),
    caSerial: ca.serialHex,
  };
  await write(files.record, JSON.stringify(record, null, 2) + '\n', 0o644);
  return {
    action: 'install',
    nickname,
    files,
    ca: {
      ...summary(ca),
      permitted: AGENT_CA_PERMITTED.map(describe),
      privateKeyKept: false,
    },
    server: { ...summary(tls.server), names: AGENT_NAMES.map(describe) },
    stores,
    undo: 'oneid agent trust --uninstall',
  };
}

/** Take the CA out of every store and remove the files; nothing there is not an error. */
export async function uninstallAgentTrust(o: TrustOptions = {}): Promise<AgentTrustResult> {
  const platform = o.platform ?? process.platform;
  const home = o.home ?? homedir();
  const files = agentTlsFiles(o.env);
  await assertStoreTool(platform);
  const record = readRecord(files.record);
  const nickname = record?.nickname ?? agentCaName();
  const stores =
    platform === 'win32'
      ? windowsUninstall(record?.caSerial)
      : platform === 'darwin'
        ? await uninstallKeychain(home, record?.caSha1)
        : await uninstallNss(home, nickname);
  const removedFiles: string[] = [];
  for (const f of [files.serverKey, files.server, files.ca, files.record]) {
    try {
      rmSync(f);
      removedFiles.push(f);
    } catch {
      // not there
    }
  }
  try {
    rmdirSync(files.dir);
  } catch {
    // not empty (something of the user's) or already gone
  }
  return { action: 'uninstall', nickname, files, stores, removedFiles };
}
