/**
 * The agent's TLS identity, made in memory with the project's own issuing code: a local CA whose
 * name constraints permit only 127.0.0.1, ::1 and localhost (so it can vouch for nothing else), and
 * one server certificate from it for the agent's wss:// port. The caller writes the CA and server
 * certificates and the server key, and lets the CA's private key go with this object: nothing can
 * be signed with it again (docs/decisions.md, "The agent's local CA").
 */
import { hostname } from 'node:os';

import { OID } from '../crypto/index.js';
import {
  createCa,
  derToPem,
  encodePrivateKey,
  generatePrivateKey,
  issueCertificate,
  publicKeyOf,
  type Certificate,
  type CertificateAuthority,
  type GeneralName,
  type PrivateKey,
} from '../pki/index.js';

/** The names the agent answers on: its server certificate's subjectAltName. */
export const AGENT_NAMES: readonly GeneralName[] = [{ ip: '127.0.0.1' }, { ip: '::1' }, { dns: 'localhost' }];

/** The CA's permitted subtrees, and nothing else. */
export const AGENT_CA_PERMITTED: readonly GeneralName[] = [
  { ip: '127.0.0.1/32' },
  { ip: '::1/128' },
  { dns: 'localhost' },
];

/** Validity of the CA and the server certificate: Apple's limit for TLS server certificates. */
export const AGENT_TLS_DAYS = 825;

/** The nickname (NSS) and common name of this machine's agent CA. */
export function agentCaName(host = hostname()): string {
  return `oneid agent local CA (${host})`;
}

export interface AgentTls {
  /** The CA with its private key: used once, for the server certificate, then dropped. */
  ca: CertificateAuthority;
  server: Certificate;
  serverKey: PrivateKey;
}

/** A fresh CA (ECDSA P-256) and a server certificate for 127.0.0.1, ::1 and localhost from it. */
export function createAgentTls(o: { name?: string; now?: Date } = {}): AgentTls {
  const now = o.now ?? new Date();
  const notBefore = new Date(now.getTime() - 60_000);
  const notAfter = new Date(notBefore.getTime() + AGENT_TLS_DAYS * 86_400_000);
  const ca = createCa({
    subject: { CN: o.name ?? agentCaName(), O: 'oneid' },
    key: { alg: 'ec', curve: 'P-256' },
    notBefore,
    notAfter,
    pathLength: 0,
    extKeyUsage: [OID.serverAuth],
    permittedSubtrees: [...AGENT_CA_PERMITTED],
  });
  const serverKey = generatePrivateKey({ alg: 'ec', curve: 'P-256' });
  const server = issueCertificate(ca, {
    subject: { CN: 'localhost', O: 'oneid agent' },
    publicKey: publicKeyOf(serverKey),
    notBefore,
    notAfter,
    keyUsage: ['digitalSignature'],
    extKeyUsage: [OID.serverAuth],
    subjectAltNames: [...AGENT_NAMES],
  });
  return { ca, server, serverKey };
}

/** The three files' contents: the CA, the server chain (server then CA), the server key (PKCS#8). */
export function agentTlsPem(tls: AgentTls): { ca: string; server: string; serverKey: string } {
  const ca = derToPem(tls.ca.certificate.raw, 'CERTIFICATE');
  return {
    ca,
    server: derToPem(tls.server.raw, 'CERTIFICATE') + ca,
    serverKey: derToPem(encodePrivateKey(tls.serverKey), 'PRIVATE KEY'),
  };
}
