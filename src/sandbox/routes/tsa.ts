/** RFC 3161 time-stamping over HTTP (RFC 3161 §3.4): `application/timestamp-query` in, `-reply` out. */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { ApiError } from '../http/errors.js';
import { answerTimestampRequest } from '../tsa/request.js';

export function tsaRoutes(app: FastifyInstance, ctx: Ctx): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    scope.post(
      '/api/v1/tsa',
      {
        bodyLimit: 64 * 1024,
        schema: {
          summary: 'RFC 3161 time-stamp authority',
          description:
            'Body: DER TimeStampReq (application/timestamp-query). Answer: DER TimeStampResp; a request the TSA cannot honour gets status rejection with a failure reason, as RFC 3161 says.',
          tags: ['certification authority'],
          consumes: ['application/timestamp-query'],
          errors: { 400: 'EMPTY_BODY', 409: 'CA_UNAVAILABLE' },
        },
      },
      async (req, reply) => {
        if (!ctx.ca)
          throw new ApiError(409, 'CA_UNAVAILABLE', 'The sandbox TSA is not available in this build.');
        const body = req.body;
        if (!Buffer.isBuffer(body) || body.length === 0)
          throw new ApiError(400, 'EMPTY_BODY', 'Send a DER TimeStampReq.');
        return reply.type('application/timestamp-reply').send(answerTimestampRequest(ctx.ca, body));
      },
    );
  });
}
