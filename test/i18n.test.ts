// Every user-facing string is in all three catalogs, and no catalog keeps a key that no code uses.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { AREAS } from '../src/lib/i18n/catalogs/index.js';
import { LANGUAGES, languageFromLocale, resolveLanguage, t, setLanguage } from '../src/lib/i18n/index.js';
import { ROOT } from './helpers/cli.js';

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (p.endsWith(path.join('i18n', 'catalogs'))) continue;
      out.push(...sourceFiles(p));
    } else if (p.endsWith('.ts')) out.push(p);
  }
  return out;
}

const FILE_LIKE = /\.(json|ts|js|pfx|p7s|yaml|yml|md|txt|pem|der|db|log|pid|lock)$/;

describe('i18n catalogs', () => {
  const source = sourceFiles(path.join(ROOT, 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const areaNames = Object.keys(AREAS);

  it('has the same keys in en, ru and uz for every area, each key prefixed with its area', () => {
    const problems: string[] = [];
    for (const [area, cat] of Object.entries(AREAS)) {
      const all = new Set(LANGUAGES.flatMap((l) => Object.keys(cat[l])));
      for (const key of all) {
        if (!key.startsWith(`${area}.`) && key !== area)
          problems.push(`${key}: not prefixed with "${area}."`);
        for (const l of LANGUAGES)
          if (!(key in cat[l]) || cat[l][key] === '') problems.push(`${key}: missing in ${l}`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('uses the same {parameters} in every language', () => {
    const problems: string[] = [];
    const params = (s: string) =>
      [...s.matchAll(/\{(\w+)\}/g)]
        .map((m) => m[1])
        .sort()
        .join(',');
    for (const cat of Object.values(AREAS))
      for (const key of Object.keys(cat.en))
        for (const l of LANGUAGES)
          if (cat[l][key] !== undefined && params(cat[l][key]!) !== params(cat.en[key]!))
            problems.push(`${key}: ${l} has {${params(cat[l][key]!)}} but en has {${params(cat.en[key]!)}}`);
    assert.deepEqual(problems, []);
  });

  it('has no key that no source file uses', () => {
    const unused: string[] = [];
    // Topic descriptions are looked up by the help class from package.json's topics (subtopics
    // as `parent.child`).
    type Topics = Record<string, { subtopics?: Topics }>;
    const names = (t: Topics, prefix = ''): string[] =>
      Object.entries(t).flatMap(([k, v]) => [prefix + k, ...names(v.subtopics ?? {}, `${prefix}${k}.`)]);
    const topics = names(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).oclif.topics);
    for (const topic of topics)
      assert.ok(`cmd.topic.${topic}` in AREAS.cmd!.en, `no cmd.topic.${topic} entry`);
    for (const cat of Object.values(AREAS))
      for (const key of Object.keys(cat.en))
        if (key.startsWith('cmd.topic.') ? !topics.includes(key.slice(10)) : true)
          if (!new RegExp(`['"\`]${key.replace(/\./g, '\\.')}['"\`]`).test(source)) unused.push(key);
    assert.deepEqual(unused, []);
  });

  it('has every key that the source uses', () => {
    const known = new Set(Object.values(AREAS).flatMap((c) => Object.keys(c.en)));
    const literal = new RegExp(
      `['"\`]((?:${areaNames.join('|')})\\.[A-Za-z][\\w-]*(?:\\.[\\w-]+)*)['"\`]`,
      'g',
    );
    const missing = new Set<string>();
    for (const m of source.matchAll(literal)) {
      const key = m[1]!;
      if (!FILE_LIKE.test(key) && !known.has(key)) missing.add(key);
    }
    assert.deepEqual([...missing], []);
  });

  it('picks the language: explicit choice, then LC_ALL > LC_MESSAGES > LANG, then en', () => {
    assert.equal(resolveLanguage(['ru', 'uz'], {}), 'ru');
    assert.equal(resolveLanguage([undefined, 'uz'], { LANG: 'ru_RU.UTF-8' }), 'uz');
    assert.equal(resolveLanguage([], { LC_ALL: 'uz_UZ.UTF-8', LANG: 'ru_RU.UTF-8' }), 'uz');
    assert.equal(resolveLanguage([], { LC_MESSAGES: 'ru_RU', LANG: 'uz_UZ' }), 'ru');
    assert.equal(resolveLanguage([], { LANG: 'C.UTF-8' }), 'en');
    assert.equal(resolveLanguage(['xx'], {}), 'en');
    assert.equal(languageFromLocale('uz_UZ@latin'), 'uz');
  });

  it('interpolates parameters and falls back to English', () => {
    setLanguage('ru');
    assert.match(t('config.set.done', { key: 'lang', value: 'uz', profile: 'p' }), /lang = uz.*«p»/);
    setLanguage('en');
    assert.equal(t('no.such.key'), 'no.such.key');
  });
});
