import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { adminRoutes } from './admin.js';
import { authRoutes } from './auth.js';
import { caRoutes } from './ca.js';
import { eimzoRoutes } from './eimzo.js';
import { healthRoutes } from './health.js';
import { keyAuthRoutes } from './key-auth.js';
import { keyApplicationRoutes } from './key-applications.js';
import { registrationRoutes } from './registration.js';
import { ssoRoutes } from './sso.js';
import { tsaRoutes } from './tsa.js';

export const ROUTE_MODULES: Array<(app: FastifyInstance, ctx: Ctx) => void> = [
  healthRoutes,
  registrationRoutes,
  authRoutes,
  keyAuthRoutes,
  keyApplicationRoutes,
  caRoutes,
  tsaRoutes,
  eimzoRoutes,
  ssoRoutes,
  adminRoutes,
];
