/**
 * The company side of an account (issue 17): the registry card of the company the session acts
 * for, and the employees its director authorizes. Who asks comes only from the session; the
 * endpoints; the rules are in services/employees.ts.
 */
import type { FastifyInstance } from 'fastify';
import type { Ctx } from '../context.js';
import { obj, PINFL, str } from '../http/schemas.js';
import { requireSession } from '../security/sessions.js';
import {
  authorizeEmployee,
  companyCard,
  EMPLOYEE_ROLES,
  listEmployees,
  revokeEmployee,
} from '../services/employees.js';

const tags = ['legal entity'];
const config = { auth: true };
const ROLE_REQUIRED = 'ROLE_REQUIRED (requiredRole): the session does not act in the needed company role';
const EMPLOYEE = obj({
  pinfl: str(14),
  fullName: str(300),
  role: str(64),
  grantedAt: str(32),
  bound: { type: 'boolean', description: "the employee's account has bound the company" },
});

const SCHEMAS = {
  card: {
    summary: 'The company the session acts for, as the registry has it, with its employees and their roles',
    tags,
    response: {
      200: obj({
        tin: str(9),
        name: str(300),
        acronym: str(300),
        address: str(500),
        director: obj({ fullName: str(300) }),
        yourRole: str(64),
        employees: {
          type: 'array',
          items: obj({ fullName: str(300), role: str(64), bound: { type: 'boolean' } }),
        },
      }),
    },
    errors: { 401: 'UNAUTHENTICATED', 403: ROLE_REQUIRED },
  },
  list: {
    summary: 'Employees the company authorizes (its director only, acting as "Common For Head")',
    tags,
    response: { 200: obj({ tin: str(9), employees: { type: 'array', items: EMPLOYEE } }) },
    errors: { 401: 'UNAUTHENTICATED', 403: ROLE_REQUIRED },
  },
  add: {
    summary: 'Authorize a person (by PINFL) to act for the company in a role',
    description:
      'Only the director, signed in with the company role. The person can then apply for a company key in ' +
      'their own name (signed in, with their own phone), bind the company with it and sign in with the role.',
    tags,
    body: obj({ pinfl: PINFL, role: str(64, { description: `one of: ${EMPLOYEE_ROLES.join(', ')}` }) }, [
      'pinfl',
      'role',
    ]),
    response: { 201: EMPLOYEE },
    errors: {
      400: 'PINFL_INVALID, ROLE_INVALID (roles)',
      401: 'UNAUTHENTICATED',
      403: ROLE_REQUIRED,
      409: 'ALREADY_AUTHORIZED',
      422: 'NOT_IN_REGISTRY, IS_DIRECTOR',
    },
  },
  remove: {
    summary:
      "Revoke a person's authorization: their sessions in the role end, later sign-ins in it are refused",
    tags,
    params: obj({ pinfl: str(14) }, ['pinfl']),
    response: {
      200: obj({
        pinfl: str(14),
        sessionsEnded: { type: 'integer' },
        certificatesRevoked: { type: 'integer' },
      }),
    },
    errors: { 401: 'UNAUTHENTICATED', 403: ROLE_REQUIRED, 404: 'EMPLOYEE_NOT_FOUND' },
  },
};

export function employeeRoutes(app: FastifyInstance, ctx: Ctx): void {
  app.get('/api/v1/legal-entity', { config, schema: SCHEMAS.card }, async (req) =>
    companyCard(ctx, requireSession(ctx, req)),
  );
  app.get('/api/v1/legal-entity/employees', { config, schema: SCHEMAS.list }, async (req) =>
    listEmployees(ctx, requireSession(ctx, req)),
  );
  app.post('/api/v1/legal-entity/employees', { config, schema: SCHEMAS.add }, async (req, reply) => {
    const added = authorizeEmployee(
      ctx,
      requireSession(ctx, req),
      req.body as { pinfl: string; role: string },
    );
    void reply.code(201);
    return added;
  });
  app.delete('/api/v1/legal-entity/employees/:pinfl', { config, schema: SCHEMAS.remove }, async (req) =>
    revokeEmployee(ctx, requireSession(ctx, req), (req.params as { pinfl: string }).pinfl),
  );
}
