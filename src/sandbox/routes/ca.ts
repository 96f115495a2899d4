/**
 * The sandbox CA's public material: its certificate, the TSA certificate, the CRL, and the OCSP
 * responder (RFC 6960: POST a DER request, or GET it base64 in the path; RFC 6960 appendix A).
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { obj, str } from '../http/schemas.js';
import { ApiError } from '../http/errors.js';
import { answerOcsp, caCertificates, caOf } from '../services/certificates.js';

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
  const ocspSchema = (how: string) => ({
    summary: `OCSP responder (RFC 6960), ${how}`,
    description:
      'Answer: DER OCSPResponse (application/ocsp-response) signed by the CA: good, revoked (time and reason) or unknown for each CertID (SHA-1/SHA-256/SHA-384/SHA-512 issuer hashes); the nonce is echoed. A request that cannot be read gets status malformedRequest.',
    tags,
    errors: { 400: 'EMPTY_BODY', 409: 'CA_UNAVAILABLE' },
  });
  const answer = (der: Buffer | undefined): Buffer => {
    if (!der?.length) throw new ApiError(400, 'EMPTY_BODY', 'Send a DER OCSPRequest.');
    return answerOcsp(ctx, der);
  };
  app.get(
    '/api/v1/ca/ocsp/*',
    { schema: ocspSchema('GET with the base64 request in the path') },
    async (req, reply) => {
      const b64 = decodeURIComponent((req.params as { '*': string })['*']);
      return reply.type('application/ocsp-response').send(answer(Buffer.from(b64, 'base64')));
    },
  );
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/ca/ocsp',
      { bodyLimit: 64 * 1024, schema: { ...ocspSchema('POST'), consumes: ['application/ocsp-request'] } },
      async (req, reply) =>
        reply
          .type('application/ocsp-response')
          .send(answer(Buffer.isBuffer(req.body) ? req.body : undefined)),
    );
  });
}
