/** The sandbox CA's public material: its certificate, the TSA certificate, and the CRL. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { obj, str } from '../http/schemas.js';
import { caCertificates, caOf } from '../services/certificates.js';

export function caRoutes(app: FastifyInstance, ctx: Ctx): void {
  const tags = ['certification authority'];
  app.get(
    '/api/v1/ca/certificates',
    {
      schema: {
        summary: 'The CA and TSA certificates (base64 DER and PEM): trust anchors for verification',
        tags,
        response: { 200: obj({ ca: str(16384), tsa: str(16384), pem: str(65536) }) },
        errors: { 409: 'CA_UNAVAILABLE' },
      },
    },
    async () => caCertificates(ctx),
  );
  app.get(
    '/api/v1/ca/crl',
    {
      schema: {
        summary: 'The certificate revocation list (DER, application/pkix-crl)',
        tags,
        errors: { 409: 'CA_UNAVAILABLE' },
      },
    },
    async (_req, reply) => {
      const der = caOf(ctx).crl();
      return reply.type('application/pkix-crl').send(der);
    },
  );
}
