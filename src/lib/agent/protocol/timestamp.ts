/** `attach_timestamp_token_pkcs7`: placeholder until the sign area's attach lands (see below). */
import { Refusal } from '../refusal.js';

export function attachTimestamp(_pkcs7: Buffer, _serial: string, _token: Buffer): Buffer {
  throw new Refusal('agent.reason.unknownFunction', { name: 'attach_timestamp_token_pkcs7' });
}
