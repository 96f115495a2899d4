/**
 * A certification authority run by the real OpenSSL (`openssl ca`): its index.txt database, EC
 * P-256 keys, certificates with the AIA OCSP and CRL distribution point URLs a test asks for, a
 * delegated OCSP signer (id-kp-OCSPSigning), revocations with reasons, `openssl ca -gencrl` CRLs
 * and `openssl ocsp -index` as the responder. Every party's key is also packed in a .pfx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openssl } from '../sign/openssl-fixtures.js';

export const PASSWORD = 'Pfx-pass1';

export interface Party {
  name: string;
  certFile: string;
  keyFile: string;
  pfx: string;
}

/** A port nobody listens on right now (for URLs named before their server starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export class OpensslCa {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'oneid-rev-ca-'));
  readonly caFile = this.p('ca.pem');
  readonly passwordFile = this.p('password.txt');
  private readonly conf = this.p('ca.cnf');

  constructor() {
    mkdirSync(this.p('certs'));
    writeFileSync(this.p('index.txt'), '');
    writeFileSync(this.p('serial'), '1000\n');
    writeFileSync(this.p('crlnumber'), '01\n');
    writeFileSync(this.passwordFile, PASSWORD + '\n');
    writeFileSync(
      this.conf,
      [
        '[ca]',
        'default_ca = own',
        '[own]',
        `dir = ${this.dir}`,
        'database = $dir/index.txt',
        'new_certs_dir = $dir/certs',
        'serial = $dir/serial',
        'crlnumber = $dir/crlnumber',
        'certificate = $dir/ca.pem',
        'private_key = $dir/ca.key',
        'default_md = sha256',
        'default_days = 365',
        'default_crl_days = 1',
        'policy = any',
        'unique_subject = no',
        '[any]',
        'commonName = supplied',
        '',
      ].join('\n'),
    );
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', this.p('ca.key')]);
    openssl([
      'req',
      '-x509',
      '-new',
      '-key',
      this.p('ca.key'),
      '-out',
      this.caFile,
      '-days',
      '3650',
      '-subj',
      '/CN=OpenSSL Revocation Test CA',
      '-addext',
      'basicConstraints=critical,CA:true',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ]);
  }

  p(name: string): string {
    return path.join(this.dir, name);
  }

  /** A new key and certificate issued by `openssl ca`, with these extension lines. */
  issue(name: string, ext: string[]): Party {
    const keyFile = this.p(`${name}.key`);
    const certFile = this.p(`${name}.pem`);
    openssl(['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', keyFile]);
    openssl(['req', '-new', '-key', keyFile, '-subj', `/CN=${name}`, '-out', this.p(`${name}.csr`)]);
    writeFileSync(this.p(`${name}.ext`), ['[e]', ...ext, ''].join('\n'));
    openssl([
      'ca',
      '-batch',
      '-config',
      this.conf,
      '-in',
      this.p(`${name}.csr`),
      '-out',
      certFile,
      '-notext',
      '-extfile',
      this.p(`${name}.ext`),
      '-extensions',
      'e',
    ]);
    const pfx = this.p(`${name}.pfx`);
    openssl([
      'pkcs12',
      '-export',
      '-inkey',
      keyFile,
      '-in',
      certFile,
      '-certfile',
      this.caFile,
      '-passout',
      `pass:${PASSWORD}`,
      '-out',
      pfx,
    ]);
    return { name, certFile, keyFile, pfx };
  }

  /** An end-entity signer naming an OCSP responder and/or a CRL distribution point. */
  signer(name: string, o: { ocsp?: string; crl?: string } = {}): Party {
    return this.issue(name, [
      'basicConstraints=CA:false',
      'keyUsage=critical,digitalSignature,nonRepudiation',
      ...(o.ocsp ? [`authorityInfoAccess=OCSP;URI:${o.ocsp}`] : []),
      ...(o.crl ? [`crlDistributionPoints=URI:${o.crl}`] : []),
    ]);
  }

  revoke(party: Party, reason: string): void {
    openssl(['ca', '-config', this.conf, '-revoke', party.certFile, '-crl_reason', reason]);
  }

  /** `openssl ca -gencrl` (DER), valid for a day. */
  gencrl(file = this.p('ca.crl')): string {
    const pem = this.p('ca.crl.pem');
    openssl(['ca', '-config', this.conf, '-gencrl', '-out', pem]);
    openssl(['crl', '-in', pem, '-outform', 'DER', '-out', file]);
    return file;
  }

  /** `openssl ocsp -index` on `port`, signing with a delegated responder certificate. */
  responder(port: number, signer: Party): ChildProcess {
    return spawn(
      'openssl',
      [
        'ocsp',
        '-index',
        this.p('index.txt'),
        '-port',
        String(port),
        '-rsigner',
        signer.certFile,
        '-rkey',
        signer.keyFile,
        '-CA',
        this.caFile,
        '-ignore_err',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  }
}
