import type { Catalog } from '../types.js';

// Messages of the `help` area: exit-code table and environment variables. Every key in en, ru, uz.
export default {
  en: {
    'help.exit.0': 'success',
    'help.exit.1': 'unexpected error (a bug: run with ONEID_DEBUG=1 for a trace and report it)',
    'help.exit.2': 'usage: unknown flag, bad argument, invalid identifier (PINFL, TIN, passport, phone…)',
    'help.exit.3': 'not logged in, session expired, or the active role does not allow this',
    'help.exit.4': 'wrong key password (nothing was written)',
    'help.exit.5':
      'key or certificate unusable: expired, not yet valid, revoked, wrong usage, unsupported algorithm, corrupt file',
    'help.exit.6': 'a signature did not verify (content changed, wrong signer, untrusted chain)',
    'help.exit.7': 'portal unreachable or timed out (network)',
    'help.exit.8':
      'portal refused the request (a business rule: unverified account, duplicate login, wrong SMS code…)',
    'help.exit.9': 'secure storage unavailable and --insecure-storage not given',
    'help.exit.10': 'batch finished with some items failed (the JSON result lists each item)',
    'help.exit.127': 'unknown command (oneid suggests the nearest one)',
    'help.exit.130': 'interrupted (Ctrl-C): work done so far is kept, nothing half-written is left',
    'help.env.ONEID_PORTAL': 'portal base URL (overrides the profile)',
    'help.env.ONEID_PROFILE': 'profile name (default "default")',
    'help.env.ONEID_TOKEN': 'session token for CI: used instead of the keychain; whoami says so',
    'help.env.ONEID_LANG': 'language: uz, ru, en (default from LC_ALL/LANG, then en)',
    'help.env.ONEID_KEYS_PATH': 'extra key roots, separated by the platform path delimiter',
    'help.env.ONEID_KEYS_SYSTEM_ROOTS':
      '0 = do not search removable drives and ~/DSKEYS (only configured roots and ONEID_KEYS_PATH)',
    'help.env.ONEID_CONFIG_DIR': 'config folder (default: the platform config dir)',
    'help.env.ONEID_NO_PROMPT': 'never prompt',
    'help.env.ONEID_DEBUG': 'stack traces and HTTP tracing on stderr (secrets redacted)',
    'help.env.ONEID_PASSWORD': 'account password (when no --password-file or --password-stdin is given)',
    'help.env.ONEID_KEY_PASSWORD':
      'key password (when no --key-password-file or --key-password-stdin is given)',
    'help.env.ONEID_NEW_KEY_PASSWORD':
      'the new key password of key passwd and key apply (when no file or stdin flag gives one)',
    'help.env.ONEID_SMS_CODE':
      'the SMS code of register and key apply (when no file or stdin flag gives one)',
    'help.env.ONEID_REVOCATION': 'revocation checking of keys and signatures: auto (default), require or off',
    'help.env.ONEID_SANDBOX_DATA': "the sandbox portal's data folder (default: the platform data dir)",
    'help.env.NO_COLOR': 'disable colour',
    'help.env.FORCE_COLOR': 'force colour',
    'help.env.CI': 'no colour, spinners or progress bars',
    'help.env.precedence': 'Precedence: flag > environment > profile > default.',
  },
  ru: {
    'help.exit.0': 'успех',
    'help.exit.1': 'непредвиденная ошибка (ошибка в программе: запустите с ONEID_DEBUG=1 и сообщите о ней)',
    'help.exit.2':
      'неверный вызов: неизвестный флаг, неверный аргумент, неверный идентификатор (ПИНФЛ, ИНН, паспорт, телефон…)',
    'help.exit.3': 'вход не выполнен, сессия истекла или текущая роль этого не позволяет',
    'help.exit.4': 'неверный пароль ключа (ничего не записано)',
    'help.exit.5':
      'ключ или сертификат непригоден: истёк, ещё не действует, отозван, не то назначение, неподдерживаемый алгоритм, повреждённый файл',
    'help.exit.6': 'подпись не прошла проверку (содержимое изменено, не тот подписант, недоверенная цепочка)',
    'help.exit.7': 'портал недоступен или не ответил вовремя (сеть)',
    'help.exit.8':
      'портал отклонил запрос (бизнес-правило: неподтверждённый аккаунт, логин занят, неверный SMS-код…)',
    'help.exit.9': 'защищённое хранилище недоступно, а --insecure-storage не указан',
    'help.exit.10':
      'пакетная операция завершилась с ошибками в части элементов (в JSON-результате перечислен каждый)',
    'help.exit.127': 'неизвестная команда (oneid предлагает ближайшую)',
    'help.exit.130': 'прервано (Ctrl-C): сделанная работа сохранена, недописанных файлов нет',
    'help.env.ONEID_PORTAL': 'базовый адрес портала (важнее профиля)',
    'help.env.ONEID_PROFILE': 'имя профиля (по умолчанию «default»)',
    'help.env.ONEID_TOKEN': 'токен сессии для CI: используется вместо связки ключей; whoami сообщает об этом',
    'help.env.ONEID_LANG': 'язык: uz, ru, en (по умолчанию из LC_ALL/LANG, затем en)',
    'help.env.ONEID_KEYS_PATH': 'дополнительные папки с ключами через разделитель путей платформы',
    'help.env.ONEID_KEYS_SYSTEM_ROOTS':
      '0 — не искать ключи на съёмных дисках и в ~/DSKEYS (только настроенные папки и ONEID_KEYS_PATH)',
    'help.env.ONEID_CONFIG_DIR': 'папка настроек (по умолчанию — папка настроек платформы)',
    'help.env.ONEID_NO_PROMPT': 'никогда не задавать вопросов',
    'help.env.ONEID_DEBUG': 'трассировка стека и HTTP в stderr (секреты скрыты)',
    'help.env.ONEID_PASSWORD': 'пароль аккаунта (если не указаны --password-file или --password-stdin)',
    'help.env.ONEID_KEY_PASSWORD':
      'пароль ключа (если не указаны --key-password-file или --key-password-stdin)',
    'help.env.ONEID_NEW_KEY_PASSWORD':
      'новый пароль ключа для key passwd и key apply (если не задан флагом файла или stdin)',
    'help.env.ONEID_SMS_CODE': 'код из СМС для register и key apply (если не задан флагом файла или stdin)',
    'help.env.ONEID_REVOCATION': 'проверка отзыва ключей и подписей: auto (по умолчанию), require или off',
    'help.env.ONEID_SANDBOX_DATA': 'папка данных портала-песочницы (по умолчанию — папка данных платформы)',
    'help.env.NO_COLOR': 'отключить цвет',
    'help.env.FORCE_COLOR': 'принудительно включить цвет',
    'help.env.CI': 'без цвета, индикаторов и полос прогресса',
    'help.env.precedence': 'Приоритет: флаг > переменная окружения > профиль > значение по умолчанию.',
  },
  uz: {
    'help.exit.0': 'muvaffaqiyat',
    'help.exit.1': 'kutilmagan xato (dasturdagi xato: ONEID_DEBUG=1 bilan ishga tushirib, xabar bering)',
    'help.exit.2':
      'noto‘g‘ri chaqiruv: noma’lum bayroq, noto‘g‘ri argument, noto‘g‘ri identifikator (JSHSHIR, STIR, pasport, telefon…)',
    'help.exit.3': 'tizimga kirilmagan, sessiya muddati tugagan yoki joriy rol bunga ruxsat bermaydi',
    'help.exit.4': 'kalit paroli noto‘g‘ri (hech narsa yozilmadi)',
    'help.exit.5':
      'kalit yoki sertifikat yaroqsiz: muddati o‘tgan, hali kuchga kirmagan, bekor qilingan, vazifasi mos emas, algoritm qo‘llab-quvvatlanmaydi, fayl buzilgan',
    'help.exit.6': 'imzo tekshiruvdan o‘tmadi (mazmun o‘zgargan, imzolovchi boshqa, zanjirga ishonch yo‘q)',
    'help.exit.7': 'portalga ulanib bo‘lmadi yoki javob kechikdi (tarmoq)',
    'help.exit.8': 'portal so‘rovni rad etdi (qoida: tasdiqlanmagan akkaunt, login band, SMS-kod noto‘g‘ri…)',
    'help.exit.9': 'xavfsiz saqlash joyi mavjud emas va --insecure-storage berilmagan',
    'help.exit.10':
      'paket ishlovi ba’zi elementlarda xato bilan tugadi (JSON natijada har biri ko‘rsatilgan)',
    'help.exit.127': 'noma’lum buyruq (oneid eng yaqinini taklif qiladi)',
    'help.exit.130': 'to‘xtatildi (Ctrl-C): bajarilgan ish saqlandi, chala yozilgan fayl qolmadi',
    'help.env.ONEID_PORTAL': 'portalning asosiy manzili (profildan ustun)',
    'help.env.ONEID_PROFILE': 'profil nomi (odatda “default”)',
    'help.env.ONEID_TOKEN':
      'CI uchun sessiya tokeni: kalitlar ombori o‘rniga ishlatiladi; whoami buni aytadi',
    'help.env.ONEID_LANG': 'til: uz, ru, en (odatda LC_ALL/LANG dan, so‘ng en)',
    'help.env.ONEID_KEYS_PATH': 'qo‘shimcha kalit papkalari, platformaning yo‘l ajratuvchisi bilan',
    'help.env.ONEID_KEYS_SYSTEM_ROOTS':
      '0 — olinadigan disklar va ~/DSKEYS da qidirmaslik (faqat sozlangan papkalar va ONEID_KEYS_PATH)',
    'help.env.ONEID_CONFIG_DIR': 'sozlamalar papkasi (odatda platformaning sozlamalar papkasi)',
    'help.env.ONEID_NO_PROMPT': 'hech qachon savol bermaslik',
    'help.env.ONEID_DEBUG': 'stderr ga stek va HTTP izlari (maxfiy qiymatlar yashirilgan)',
    'help.env.ONEID_PASSWORD': 'akkaunt paroli (--password-file yoki --password-stdin berilmaganda)',
    'help.env.ONEID_KEY_PASSWORD':
      'kalit paroli (--key-password-file yoki --key-password-stdin berilmaganda)',
    'help.env.ONEID_NEW_KEY_PASSWORD':
      'key passwd va key apply uchun kalitning yangi paroli (fayl yoki stdin bayrog‘i berilmaganda)',
    'help.env.ONEID_SMS_CODE': 'register va key apply uchun SMS kodi (fayl yoki stdin bayrog‘i berilmaganda)',
    'help.env.ONEID_REVOCATION':
      'kalit va imzolarning bekor qilinganligini tekshirish: auto (odatiy), require yoki off',
    'help.env.ONEID_SANDBOX_DATA':
      'sandbox portalining ma’lumotlar papkasi (odatda platformaning ma’lumotlar papkasi)',
    'help.env.NO_COLOR': 'rangni o‘chirish',
    'help.env.FORCE_COLOR': 'rangni majburan yoqish',
    'help.env.CI': 'rang, spinner va progress chiziqlarisiz',
    'help.env.precedence': 'Ustuvorlik: bayroq > muhit o‘zgaruvchisi > profil > standart qiymat.',
  },
} satisfies Catalog;
