import type { Catalog } from '../types.js';

// Help texts: command summaries (`cmd.<topic>.<command>.summary`, used as the command's static
// summary, so English lives only here), topic descriptions (`cmd.topic.<name>`, matching
// package.json) and shared flag summaries (`cmd.flag.<name>`). The help class (src/help.ts)
// shows them in the user's language.
export default {
  en: {
    'cmd.topic.config': 'Read and change settings and profiles (portal, language, key roots, storage).',
    'cmd.topic.help': 'Help topics: exit codes and environment variables.',
    'cmd.topic.key':
      'Signature keys (ЭЦП / ERI): list, inspect, diagnose, change password, sign, verify, apply.',
    'cmd.topic.sandbox': 'The local sandbox portal: start, stop, registries, outbox, approvals.',
    'cmd.topic.le': 'Legal entities bound to your account.',
    'cmd.flag.json': 'Print the result as one JSON document (also on failure).',
    'cmd.flag.lang': 'Language of messages (en, ru, uz).',
    'cmd.flag.no-color': 'Disable colour.',
    'cmd.flag.no-prompt': 'Never prompt; a missing value is a usage error (exit 2).',
    'cmd.flag.profile': 'Configuration profile to use.',
    'cmd.flag.portal': 'Portal base URL (default: the local sandbox, http://127.0.0.1:8765).',
    'cmd.config.get.summary': 'Print the effective value of a setting and where it comes from.',
    'cmd.config.set.summary': 'Store a setting in a profile.',
    'cmd.config.unset.summary': 'Remove a setting from a profile (the default applies again).',
    'cmd.config.list.summary': 'List the effective settings of a profile with their sources.',
    'cmd.help.exit-codes.summary': 'Explain the exit codes every oneid command uses.',
    'cmd.help.environment.summary': 'Explain the environment variables oneid reads.',
  },
  ru: {
    'cmd.topic.config': 'Просмотр и изменение настроек и профилей (портал, язык, папки ключей, хранилище).',
    'cmd.topic.help': 'Разделы справки: коды выхода и переменные окружения.',
    'cmd.topic.key': 'Ключи ЭЦП: список, просмотр, диагностика, смена пароля, подпись, проверка, заявка.',
    'cmd.topic.sandbox':
      'Локальная песочница портала: запуск, остановка, реестры, исходящие сообщения, одобрения.',
    'cmd.topic.le': 'Юридические лица, привязанные к вашему аккаунту.',
    'cmd.flag.json': 'Вывести результат одним JSON-документом (и при ошибке).',
    'cmd.flag.lang': 'Язык сообщений (en, ru, uz).',
    'cmd.flag.no-color': 'Без цвета.',
    'cmd.flag.no-prompt': 'Никогда не задавать вопросов; недостающее значение — ошибка вызова (код 2).',
    'cmd.flag.profile': 'Профиль настроек.',
    'cmd.flag.portal': 'Базовый адрес портала (по умолчанию локальная песочница, http://127.0.0.1:8765).',
    'cmd.config.get.summary': 'Показать действующее значение параметра и его источник.',
    'cmd.config.set.summary': 'Сохранить параметр в профиле.',
    'cmd.config.unset.summary': 'Удалить параметр из профиля (снова действует значение по умолчанию).',
    'cmd.config.list.summary': 'Перечислить действующие параметры профиля и их источники.',
    'cmd.help.exit-codes.summary': 'Объяснить коды выхода, которые используют все команды oneid.',
    'cmd.help.environment.summary': 'Объяснить переменные окружения, которые читает oneid.',
  },
  uz: {
    'cmd.topic.config':
      'Sozlamalar va profillarni ko‘rish va o‘zgartirish (portal, til, kalit papkalari, saqlash).',
    'cmd.topic.help': 'Yordam bo‘limlari: chiqish kodlari va muhit o‘zgaruvchilari.',
    'cmd.topic.key':
      'ERI kalitlari: ro‘yxat, ko‘rish, tashxis, parolni almashtirish, imzolash, tekshirish, ariza.',
    'cmd.topic.sandbox':
      'Mahalliy sandbox portal: ishga tushirish, to‘xtatish, reyestrlar, chiquvchi xabarlar, tasdiqlash.',
    'cmd.topic.le': 'Akkauntingizga bog‘langan yuridik shaxslar.',
    'cmd.flag.json': 'Natijani bitta JSON hujjat sifatida chiqarish (xatoda ham).',
    'cmd.flag.lang': 'Xabarlar tili (en, ru, uz).',
    'cmd.flag.no-color': 'Rangsiz.',
    'cmd.flag.no-prompt': 'Hech qachon so‘ramaslik; yetishmayotgan qiymat chaqiruv xatosi (kod 2).',
    'cmd.flag.profile': 'Sozlamalar profili.',
    'cmd.flag.portal': 'Portalning asosiy manzili (odatda mahalliy sandbox, http://127.0.0.1:8765).',
    'cmd.config.get.summary': 'Sozlamaning amaldagi qiymatini va qayerdan olinganini ko‘rsatish.',
    'cmd.config.set.summary': 'Sozlamani profilga saqlash.',
    'cmd.config.unset.summary': 'Sozlamani profildan o‘chirish (yana standart qiymat amal qiladi).',
    'cmd.config.list.summary': 'Profilning amaldagi sozlamalarini manbalari bilan ko‘rsatish.',
    'cmd.help.exit-codes.summary': 'Barcha oneid buyruqlari ishlatadigan chiqish kodlarini tushuntirish.',
    'cmd.help.environment.summary': 'oneid o‘qiydigan muhit o‘zgaruvchilarini tushuntirish.',
  },
} satisfies Catalog;
