/**
 * A small YAML writer for JSON data (block style, keys and strings quoted JSON-style where YAML
 * would misread them), enough to publish the OpenAPI document as `docs/portal-api.yaml`.
 */
const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const PLAIN_STRING = /^[A-Za-z][A-Za-z0-9 _.,()/-]*$/;
const RESERVED = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n', '~']);

const key = (k: string): string =>
  PLAIN_KEY.test(k) && !RESERVED.has(k.toLowerCase()) ? k : JSON.stringify(k);

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') {
    return PLAIN_STRING.test(v) &&
      !RESERVED.has(v.toLowerCase()) &&
      !v.endsWith(' ') &&
      !v.includes(': ') &&
      !v.includes(' #')
      ? v
      : JSON.stringify(v);
  }
  return JSON.stringify(v);
}

const isBlock = (v: unknown): boolean =>
  typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

export function toYaml(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (!value.length) return '[]';
    return value
      .map((item) => {
        if (!isBlock(item)) return `${indent}- ${scalar(item)}`;
        const inner = toYaml(item, `${indent}  `);
        return `${indent}- ${inner.trimStart()}`;
      })
      .join('\n');
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (!entries.length) return '{}';
    return entries
      .map(([k, v]) =>
        isBlock(v)
          ? `${indent}${key(k)}:\n${toYaml(v, `${indent}  `)}`
          : `${indent}${key(k)}: ${Array.isArray(v) ? '[]' : typeof v === 'object' && v !== null ? '{}' : scalar(v)}`,
      )
      .join('\n');
  }
  return `${indent}${scalar(value)}`;
}
