import type { Catalog } from '../types.js';

// Messages of the `crypto` area. Keys start with `crypto.`; every key exists in en, ru and uz
// (test/i18n.test.ts fails on a missing key or on a key no source file uses).
export default {
  en: {
    'crypto.error.unsupportedAlgorithm': 'The algorithm {name} ({oid}) is not supported.',
    'crypto.error.unknownAlgorithm': 'Unknown algorithm {oid}: it is not supported.',
    'crypto.error.unsupportedHash': 'Unknown hash algorithm "{alg}".',
    'crypto.error.keyMismatch': 'A {keyType} key cannot be used with {algorithm}.',
    'crypto.error.malformedKey': 'The key is damaged or not in a known format: {reason}.',
    'crypto.error.notOnCurve': 'The public key is not a point of the elliptic curve {curve}.',
    'crypto.error.badKeySpec': 'Invalid key parameters: {reason}.',
    'crypto.error.digestLength': 'A digest of {expected} octets was expected, got {actual}.',
    'crypto.error.notSignature': '{name} ({oid}) is a digest algorithm; it cannot sign or verify.',
  },
  ru: {
    'crypto.error.unsupportedAlgorithm': 'Алгоритм {name} ({oid}) не поддерживается.',
    'crypto.error.unknownAlgorithm': 'Неизвестный алгоритм {oid}: он не поддерживается.',
    'crypto.error.unsupportedHash': 'Неизвестный алгоритм хеширования «{alg}».',
    'crypto.error.keyMismatch': 'Ключ типа {keyType} нельзя использовать с алгоритмом {algorithm}.',
    'crypto.error.malformedKey': 'Ключ повреждён или записан в неизвестном формате: {reason}.',
    'crypto.error.notOnCurve': 'Открытый ключ не является точкой эллиптической кривой {curve}.',
    'crypto.error.badKeySpec': 'Недопустимые параметры ключа: {reason}.',
    'crypto.error.digestLength': 'Ожидался хеш длиной {expected} байт, получено {actual}.',
    'crypto.error.notSignature':
      '{name} ({oid}) — алгоритм хеширования; им нельзя подписать или проверить подпись.',
  },
  uz: {
    'crypto.error.unsupportedAlgorithm': '{name} ({oid}) algoritmi qoʻllab-quvvatlanmaydi.',
    'crypto.error.unknownAlgorithm': 'Nomaʼlum algoritm {oid}: u qoʻllab-quvvatlanmaydi.',
    'crypto.error.unsupportedHash': 'Nomaʼlum xeshlash algoritmi: „{alg}“.',
    'crypto.error.keyMismatch': '{keyType} turidagi kalitni {algorithm} algoritmi bilan ishlatib boʻlmaydi.',
    'crypto.error.malformedKey': 'Kalit shikastlangan yoki nomaʼlum formatda yozilgan: {reason}.',
    'crypto.error.notOnCurve': 'Ochiq kalit {curve} elliptik egri chizigʻining nuqtasi emas.',
    'crypto.error.badKeySpec': 'Kalit parametrlari notoʻgʻri: {reason}.',
    'crypto.error.digestLength': '{expected} baytli xesh kutilgan edi, {actual} bayt olindi.',
    'crypto.error.notSignature':
      '{name} ({oid}) xeshlash algoritmi; u bilan imzolab yoki imzoni tekshirib boʻlmaydi.',
  },
} satisfies Catalog;
