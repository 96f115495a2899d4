/**
 * User-facing text in three languages (en, ru, uz Latin). Every string a user reads comes from
 * here through `t(key, params)`; the catalogs live one file per area in `catalogs/`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import { setErrorRenderer, type Params } from '../errors/index.js';
import type * as Catalogs from './catalogs/index.js';
import { LANGUAGES, type Language, type Messages } from './types.js';

export { LANGUAGES, type Language, type Messages, type Catalog } from './types.js';

let current: Language = 'en';
const cache = new Map<Language, Messages>();

/**
 * One language's messages. The build writes each language's merged catalog next to this module
 * (`messages.<lang>.json`, scripts/build.js), so a run parses only the language it speaks — the
 * three languages' catalogs together are ~440 KB of code, a few ms of every start-up. Run from
 * the sources (tsx: tests, bin/dev.js) there is no such file and the catalogs themselves load.
 */
function load(lang: Language): Messages {
  try {
    return JSON.parse(readFileSync(new URL(`./messages.${lang}.json`, import.meta.url), 'utf8')) as Messages;
  } catch {
    // A name the bundler does not follow: the catalogs must not be bundled into the CLI.
    const catalogs = './catalogs/' + 'index.js';
    return (createRequire(import.meta.url)(catalogs) as typeof Catalogs).merged(lang);
  }
}

function messages(lang: Language): Messages {
  let m = cache.get(lang);
  if (!m) {
    m = load(lang);
    cache.set(lang, m);
  }
  return m;
}

export function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);
}

/** `uz_UZ.UTF-8` → `uz`, `ru_RU` → `ru`, `C`/`POSIX`/unknown → undefined. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const base = locale.split(/[._@-]/)[0]?.toLowerCase();
  return isLanguage(base) ? base : undefined;
}

/**
 * Resolve the language: explicit choice (flag, then ONEID_LANG, then profile) wins; otherwise the
 * POSIX locale variables in their standard precedence (LC_ALL > LC_MESSAGES > LANG); then English.
 */
export function resolveLanguage(
  explicit: Array<string | undefined>,
  env: NodeJS.ProcessEnv = process.env,
): Language {
  for (const v of explicit) if (isLanguage(v)) return v;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return languageFromLocale(v) ?? 'en';
  }
  return 'en';
}

export function setLanguage(lang: Language): void {
  current = lang;
}

export function getLanguage(): Language {
  return current;
}

function interpolate(text: string, params?: Params): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : String(v);
  });
}

/** Translate `key` into the current (or given) language; falls back to English, then the key. */
export function t(key: string, params?: Params, lang: Language = current): string {
  const text = messages(lang)[key] ?? messages('en')[key];
  return text === undefined ? key : interpolate(text, params);
}

export function hasKey(key: string): boolean {
  return key in messages('en');
}

setErrorRenderer((key, params) => t(key, params, 'en'));

/**
 * "When may I try again", in words: `{wait}` ("10 min", "1 h 5 min") and `{at}` (the local clock
 * time) for the hint `common.hint.retryAfter`, from a portal's `retryAfter` seconds.
 */
export function retryParams(seconds: number, now: Date = new Date()): { wait: string; at: string } {
  const s = Math.max(1, Math.ceil(seconds));
  const minutes = Math.ceil(s / 60);
  const [h, m] = [Math.floor(minutes / 60), minutes % 60];
  const wait =
    s < 60
      ? t('common.wait.seconds', { n: s })
      : h === 0
        ? t('common.wait.minutes', { n: m })
        : m === 0
          ? t('common.wait.hoursOnly', { h })
          : t('common.wait.hours', { h, m });
  const at = new Date(now.getTime() + s * 1000);
  const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  return { wait, at: hhmm };
}
