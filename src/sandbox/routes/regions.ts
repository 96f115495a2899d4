/** The portal's list of regions and districts with their SOATO codes ("viloyat va tuman"). */
import type { FastifyInstance } from 'fastify';
import { obj, str } from '../http/schemas.js';
import { regionList } from '../services/regions.js';

const PLACE = { code: str(16, { description: 'SOATO code' }), name: str(200) };
const SCHEMA = {
  summary: 'Regions (viloyatlar) and their districts (tumanlar, cities) with SOATO codes',
  tags: ['reference data'],
  response: {
    200: obj({
      regions: {
        type: 'array',
        items: obj({ ...PLACE, districts: { type: 'array', items: obj(PLACE) } }),
      },
    }),
  },
};

export function regionRoutes(app: FastifyInstance): void {
  app.get('/api/v1/regions', { schema: SCHEMA }, async () => regionList());
}
