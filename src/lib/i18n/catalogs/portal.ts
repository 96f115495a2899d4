import type { Catalog } from '../types.js';

// Messages of the `portal` area (the HTTP client). Every key exists in en, ru and uz.
// Portal-provided text ({message}) is shown as the portal sends it.
export default {
  en: {
    'portal.error.unreachable': 'Cannot reach the portal at {url} ({reason}).',
    'portal.hint.startSandbox': 'Is the local sandbox running? Start it with `oneid sandbox start --detach`.',
    'portal.hint.checkNetwork':
      'Check the network connection and the portal address (`oneid config get portal`).',
    'portal.error.server': 'The portal at {url} failed (HTTP {status}): {message}',
    'portal.error.unauthorized': 'The portal did not accept the session: {message}',
    'portal.hint.login': 'Log in again with `oneid login`.',
    'portal.error.refused': 'The portal refused the request: {message} ({code})',
    'portal.error.badAnswer': 'The portal at {url} sent an answer that is not valid JSON.',
  },
  ru: {
    'portal.error.unreachable': 'Портал {url} недоступен ({reason}).',
    'portal.hint.startSandbox':
      'Запущена ли локальная песочница? Запустите её: `oneid sandbox start --detach`.',
    'portal.hint.checkNetwork': 'Проверьте подключение к сети и адрес портала (`oneid config get portal`).',
    'portal.error.server': 'Сбой на портале {url} (HTTP {status}): {message}',
    'portal.error.unauthorized': 'Портал не принял сессию: {message}',
    'portal.hint.login': 'Войдите снова: `oneid login`.',
    'portal.error.refused': 'Портал отклонил запрос: {message} ({code})',
    'portal.error.badAnswer': 'Портал {url} прислал ответ, который не является корректным JSON.',
  },
  uz: {
    'portal.error.unreachable': '{url} portaliga ulanib bo‘lmadi ({reason}).',
    'portal.hint.startSandbox':
      'Mahalliy sandbox ishga tushirilganmi? Uni ishga tushiring: `oneid sandbox start --detach`.',
    'portal.hint.checkNetwork':
      'Tarmoq ulanishini va portal manzilini tekshiring (`oneid config get portal`).',
    'portal.error.server': '{url} portalida nosozlik (HTTP {status}): {message}',
    'portal.error.unauthorized': 'Portal sessiyani qabul qilmadi: {message}',
    'portal.hint.login': '`oneid login` bilan qayta kiring.',
    'portal.error.refused': 'Portal so‘rovni rad etdi: {message} ({code})',
    'portal.error.badAnswer': '{url} portali yaroqli JSON bo‘lmagan javob yubordi.',
  },
} satisfies Catalog;
