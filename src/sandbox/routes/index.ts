import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { adminRoutes } from './admin.js';
import { authRoutes } from './auth.js';
import { caRoutes } from './ca.js';
import { eimzoRoutes } from './eimzo.js';
import { healthRoutes } from './health.js';
import { keyAuthRoutes } from './key-auth.js';
import { keyApplicationRoutes } from './key-applications.js';
import { employeeRoutes } from './employees.js';
import { passwordRoutes } from './password.js';
import { regionRoutes } from './regions.js';
import { registrationRoutes } from './registration.js';
import { ssoRoutes } from './sso.js';
import { tsaRoutes } from './tsa.js';

export const ROUTE_MODULES: Array<(app: FastifyInstance, ctx: Ctx) => void> = [
  healthRoutes,
  registrationRoutes,
  authRoutes,
  keyAuthRoutes,
  passwordRoutes,
  employeeRoutes,
  regionRoutes,
  keyApplicationRoutes,
  caRoutes,
  tsaRoutes,
  eimzoRoutes,
  ssoRoutes,
  adminRoutes,
];
