/**
 * `ONEID_DEBUG` tracing on stderr. Anything that looks like a secret is redacted before it is
 * printed: values under secret-sounding keys, bearer tokens, and PEM/base64 private-key blocks.
 */
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|sms.?code|^code$|otp|private/i;

export function debugEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.ONEID_DEBUG;
  return v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[…]';
  if (typeof value === 'string') return redactString(value);
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    if (Buffer.isBuffer(value) || value instanceof Uint8Array) return `<${value.length} bytes>`;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

function redactString(s: string): string {
  return s
    .replace(/(Bearer\s+)[\w.~+/=-]+/gi, '$1[redacted]')
    .replace(
      /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----/g,
      '[redacted private key]',
    )
    .replace(/((?:password|token|secret|code)=)[^&\s]+/gi, '$1[redacted]');
}

/** Print one trace line: `[oneid:area] message {redacted data}`. Cheap when disabled. */
export function trace(area: string, message: string, data?: unknown): void {
  if (!debugEnabled()) return;
  const suffix = data === undefined ? '' : ' ' + JSON.stringify(redact(data));
  process.stderr.write(`[oneid:${area}] ${redactString(message)}${suffix}\n`);
}
