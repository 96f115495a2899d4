/** Plugin `x509`: a certificate's fields, and the chain of a loaded key. */
import { formatAliasTime, parseCertificate } from '../../pki/index.js';
import { Refusal } from '../refusal.js';
import { base64 } from './args.js';
import type { Plugin } from './types.js';

/** E-IMZO-SERVER's time form, `yyyy-MM-dd HH:mm:ss` (Tashkent time, as the alias writes it). */
const when = (d: Date) => formatAliasTime(d).replace(/\./g, '-');

export const x509: Plugin = {
  get_certificate_info: {
    args: ['certificate64'],
    fn: (c) => {
      let cert;
      try {
        cert = parseCertificate(base64(c, 0, 'certificate64'));
      } catch (e) {
        if (e instanceof Refusal) throw e;
        throw new Refusal('agent.reason.badCertificate');
      }
      return {
        certificate_info: {
          serialNumber: cert.serialHex,
          subjectName: cert.subject.text,
          issuerName: cert.issuer.text,
          validFrom: when(cert.notBefore),
          validTo: when(cert.notAfter),
          publicKeyAlgorithm: cert.publicKeyAlgorithm.name,
          subject: {
            CN: cert.identity.cn,
            PINFL: cert.identity.pinfl,
            TIN: cert.identity.tin,
            UID: cert.identity.uid,
            O: cert.identity.o,
            T: cert.identity.t,
          },
        },
      };
    },
  },
  get_certificate_chain: {
    args: ['keyId'],
    fn: async (c) => {
      const h = c.core.keys.handle(c.origin, c.args[0]);
      return { certificates: (await c.core.keys.chain(h.file)).map((d) => d.toString('base64')) };
    },
  },
};
