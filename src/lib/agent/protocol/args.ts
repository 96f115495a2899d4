/** Reading a request's positional arguments: strings and base64, refused with a reason when wrong. */
import { Refusal } from '../refusal.js';
import type { Call } from './types.js';

export function str(c: Call, i: number, name: string, o: { optional?: boolean } = {}): string {
  const v = c.args[i];
  if (v === undefined || v === null) {
    if (o.optional) return '';
    throw new Refusal('agent.reason.badArgument', { name });
  }
  if (typeof v !== 'string') throw new Refusal('agent.reason.badArgument', { name });
  return v;
}

const BASE64 = /^[A-Za-z0-9+/\r\n]*={0,2}[\r\n]*$/;

/** A base64 argument (line breaks allowed, as E-IMZO's pkcs7_64 may carry them). */
export function base64(c: Call, i: number, name: string): Buffer {
  const v = str(c, i, name);
  if (!BASE64.test(v)) throw new Refusal('agent.reason.badBase64', { name });
  return Buffer.from(v, 'base64');
}
