/** Reading the path parameters the route schemas have already validated. */
import type { FastifyRequest } from 'fastify';

/** The `:id` of the path (validated by `idParams` or an equivalent schema). */
export const idOf = (req: FastifyRequest): string => (req.params as { id: string }).id;
