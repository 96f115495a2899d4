import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { adminRoutes } from './admin.js';
import { authRoutes } from './auth.js';
import { caRoutes } from './ca.js';
import { healthRoutes } from './health.js';
import { keyApplicationRoutes } from './key-applications.js';
import { registrationRoutes } from './registration.js';

export const ROUTE_MODULES: Array<(app: FastifyInstance, ctx: Ctx) => void> = [
  healthRoutes,
  registrationRoutes,
  authRoutes,
  keyApplicationRoutes,
  caRoutes,
  adminRoutes,
];
