import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { obj, str } from '../http/schemas.js';

export function healthRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get(
    '/api/v1/health',
    {
      schema: {
        summary: 'Liveness and version',
        tags: ['meta'],
        response: { 200: obj({ status: { type: 'string' }, version: str(32) }, ['status', 'version']) },
      },
    },
    async () => ({ status: 'ok', version: ctx.version }),
  );
}
