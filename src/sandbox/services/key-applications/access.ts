/**
 * Reaching a key application on behalf of a request: it must exist and the request must prove it
 * may touch it (security/application-access.ts); changes stamp `updated_at`.
 */
import type { FastifyRequest } from 'fastify';
import {
  applicationView,
  expectStatus,
  loadApplication,
  type ApplicationRow,
  type ApplicationStatus,
} from '../../applications.js';
import type { Ctx } from '../../context.js';
import type { ApplicationView } from '../../../lib/sandbox-contract/index.js';
import { authorizeApplication } from '../../security/application-access.js';

/** Throws the 404 of an unknown id unless the caller may access the application. */
export type Authorize = (a: ApplicationRow) => void;

export const authorizeFor =
  (ctx: Ctx, req: FastifyRequest): Authorize =>
  (a) =>
    authorizeApplication(ctx, req, a);

export const smsText = (code: string): string =>
  `E-IMZO: key application code ${code}. Do not tell it to anyone.`;

/** The application `id`, if the caller may access it and (when given) it is in one of `statuses`. */
export function applicationFor(
  ctx: Ctx,
  id: string,
  authorize: Authorize,
  ...statuses: ApplicationStatus[]
): ApplicationRow {
  const a = loadApplication(ctx, id);
  authorize(a);
  if (statuses.length) expectStatus(a, ...statuses);
  return a;
}

export function touch(ctx: Ctx, id: string, set: string, ...args: unknown[]): void {
  ctx.db
    .prepare(`UPDATE key_applications SET ${set}, updated_at = ? WHERE id = ?`)
    .run(...args, Date.now(), id);
}

/** Change a draft in one transaction (access and status checked again inside it); its new view. */
export function changeDraft(
  ctx: Ctx,
  id: string,
  authorize: Authorize,
  set: string,
  ...args: unknown[]
): ApplicationView {
  return applicationView(
    ctx.db.transaction(() => {
      applicationFor(ctx, id, authorize, 'draft');
      touch(ctx, id, set, ...args);
      return loadApplication(ctx, id);
    })(),
  );
}
