import type { Catalog } from '../types.js';

// Messages of the `apply` area. Keys start with `apply.`; every key exists in en, ru and uz
// (test/i18n.test.ts fails on a missing key or on a key no source file uses).
export default {
  en: {},
  ru: {},
  uz: {},
} satisfies Catalog;
