/**
 * The E-IMZO alias: the PKCS#12 friendlyName that repeats the certificate's metadata so keys
 * can be listed without the password:
 *   `cn=…,name=…,surname=…,1.2.860.3.16.1.2=<pinfl>,…,serialnumber=<hex>,validfrom=yyyy.MM.dd HH:mm:ss,validto=…`
 * always lower-case. Values may contain commas (organisation names), so the text is split only
 * at `,key=` boundaries. Times are written in Tashkent time (UTC+5, no DST), as the E-IMZO Java
 * client formats them on Uzbek machines.
 */
import { normalSerialHex } from '../asn1/index.js';
import { MalformedError } from '../errors/index.js';
import type { Certificate } from './certificate.js';
import { OID } from '../crypto/index.js';

const TASHKENT_OFFSET_MS = 5 * 3600_000;
const BOUNDARY = /,(?=[a-z0-9.]+=)/i;

export interface ParsedAlias {
  /** Every `key=value` pair in order (keys lower-case). */
  entries: Array<[string, string]>;
  /** Subject part: the entries before the certificate serial number. */
  subject: Array<[string, string]>;
  serialHex?: string;
  validFrom?: Date;
  validTo?: Date;
  cn?: string;
  pinfl?: string;
  tin?: string;
  uid?: string;
  o?: string;
  t?: string;
  name?: string;
  surname?: string;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function formatAliasTime(d: Date): string {
  const t = new Date(d.getTime() + TASHKENT_OFFSET_MS);
  return (
    `${t.getUTCFullYear()}.${pad(t.getUTCMonth() + 1)}.${pad(t.getUTCDate())} ` +
    `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`
  );
}

export function parseAliasTime(s: string): Date | undefined {
  const m = /^(\d{4})\.(\d{2})\.(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - TASHKENT_OFFSET_MS;
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** Parse an alias. Throws MalformedError when it has no `key=value` structure at all. */
export function parseAlias(alias: string): ParsedAlias {
  const text = alias.trim().toLowerCase();
  const entries: Array<[string, string]> = [];
  for (const part of text.split(BOUNDARY)) {
    const eq = part.indexOf('=');
    if (eq <= 0) {
      if (entries.length === 0) {
        throw new MalformedError('ALIAS_MALFORMED', 'pki.error.alias', {
          params: { alias: alias.slice(0, 80) },
        });
      }
      continue;
    }
    entries.push([part.slice(0, eq).trim(), part.slice(eq + 1)]);
  }
  // The certificate serial is the last `serialnumber` (a subject may carry its own SERIALNUMBER).
  let serialIdx = -1;
  entries.forEach(([k], i) => {
    if (k === 'serialnumber') serialIdx = i;
  });
  const hasValidity = entries.some(([k]) => k === 'validfrom' || k === 'validto');
  if (!hasValidity) serialIdx = -1;
  const subject =
    serialIdx >= 0 ? entries.slice(0, serialIdx) : entries.filter(([k]) => !/^valid(from|to)$/.test(k));
  const get = (k: string) => subject.find(([key]) => key === k)?.[1];
  const field = (k: string) => entries.find(([key]) => key === k)?.[1];
  const from = field('validfrom');
  const to = field('validto');
  return {
    entries,
    subject,
    serialHex: serialIdx >= 0 ? normalSerialHex(entries[serialIdx]![1]) : undefined,
    validFrom: from ? parseAliasTime(from) : undefined,
    validTo: to ? parseAliasTime(to) : undefined,
    cn: get('cn'),
    pinfl: get(OID.PINFL),
    tin: get(OID.TIN),
    uid: get('uid'),
    o: get('o'),
    t: get('t') ?? get('title'),
    name: get('name') ?? get('givenname'),
    surname: get('surname'),
  };
}

/** The alias E-IMZO writes for `cert`. */
export function aliasFor(cert: Certificate): string {
  const subject = cert.subject.attributes.map((a) => `${a.type}=${a.value}`).join(',');
  return (
    `${subject},serialnumber=${cert.serialHex},validfrom=${formatAliasTime(cert.notBefore)},` +
    `validto=${formatAliasTime(cert.notAfter)}`
  ).toLowerCase();
}

/** Differences between an alias and the certificate it claims to describe (for `key info`). */
export function aliasMismatches(alias: ParsedAlias, cert: Certificate): string[] {
  const out: string[] = [];
  if (alias.serialHex !== undefined && alias.serialHex !== cert.serialHex) out.push('serialnumber');
  const sameSecond = (a: Date | undefined, b: Date) => !a || Math.abs(a.getTime() - b.getTime()) < 1000;
  if (!sameSecond(alias.validFrom, cert.notBefore)) out.push('validfrom');
  if (!sameSecond(alias.validTo, cert.notAfter)) out.push('validto');
  const lc = (s: string | undefined) => s?.toLowerCase();
  if (alias.cn !== undefined && alias.cn !== lc(cert.identity.cn)) out.push('cn');
  if (alias.pinfl !== undefined && alias.pinfl !== lc(cert.identity.pinfl)) out.push('pinfl');
  if (alias.tin !== undefined && alias.tin !== lc(cert.identity.tin)) out.push('tin');
  return out;
}
