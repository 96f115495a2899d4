import type { Catalog } from '../types.js';

// Messages of the `common` area. Keys start with `common.`; every key exists in en, ru and uz
// (test/i18n.test.ts fails on a missing key or on a key no source file uses).
export default {
  en: {
    'common.wait.seconds': '{n} s',
    'common.wait.minutes': '{n} min',
    'common.wait.hours': '{h} h {m} min',
    'common.wait.hoursOnly': '{h} h',
    'common.hint.retryAfter': 'Try again in {wait} (after {at}).',
    'common.error.fileExists': 'The file {path} already exists; add --force to replace it.',
    'common.error.write': 'Cannot write {path} ({reason}).',
    'common.trust.saved': '{subject}\n  SHA-256 {sha256}, valid until {validTo}',
    'common.trust.written':
      'Written to {file}. Use it with --ca (oneid key verify, key doctor) or openssl -CAfile.',
  },
  ru: {
    'common.wait.seconds': '{n} с',
    'common.wait.minutes': '{n} мин',
    'common.wait.hours': '{h} ч {m} мин',
    'common.wait.hoursOnly': '{h} ч',
    'common.hint.retryAfter': 'Повторите через {wait} (после {at}).',
    'common.error.fileExists': 'Файл {path} уже существует; добавьте --force, чтобы заменить его.',
    'common.error.write': 'Не удаётся записать {path} ({reason}).',
    'common.trust.saved': '{subject}\n  SHA-256 {sha256}, действителен до {validTo}',
    'common.trust.written':
      'Записано в {file}. Передайте файл через --ca (oneid key verify, key doctor) или openssl -CAfile.',
  },
  uz: {
    'common.wait.seconds': '{n} soniya',
    'common.wait.minutes': '{n} daqiqa',
    'common.wait.hours': '{h} soat {m} daqiqa',
    'common.wait.hoursOnly': '{h} soat',
    'common.hint.retryAfter': '{wait} dan keyin qayta urinib ko‘ring ({at} dan so‘ng).',
    'common.error.fileExists': '{path} fayli allaqachon mavjud; almashtirish uchun --force qo‘shing.',
    'common.error.write': '{path} ga yozib bo‘lmadi ({reason}).',
    'common.trust.saved': '{subject}\n  SHA-256 {sha256}, {validTo} gacha amal qiladi',
    'common.trust.written':
      '{file} ga yozildi. Uni --ca (oneid key verify, key doctor) yoki openssl -CAfile bilan ishlating.',
  },
} satisfies Catalog;
