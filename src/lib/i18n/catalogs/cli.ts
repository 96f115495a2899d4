import type { Catalog } from '../types.js';

// Messages of the `cli` area (base command, secrets, prompts). Every key exists in en, ru and uz.
export default {
  en: {
    'cli.error': 'Error',
    'cli.warning': 'Warning',
    'cli.error.usage': 'Invalid usage: {detail}',
    'cli.hint.help': 'Run the command with --help to see its flags and examples.',
    'cli.error.internal': 'Unexpected error: {detail}',
    'cli.hint.internal':
      'This is a bug in oneid. Run again with ONEID_DEBUG=1 for a trace and report it with that output (it contains no secrets).',
    'cli.error.interrupted': 'Interrupted. Work done so far is kept; nothing half-written was left.',
    'cli.error.missingInput': 'A value is missing and prompting is not possible here: give it with {flag}.',
    'cli.error.missingArg':
      'A value is missing and prompting is not possible here: give {arg} as an argument ({usage}).',
    'cli.error.secretFile': 'Cannot read {flag} {path} ({reason}).',
    'cli.error.secretStdinTty': '{flag} expects the secret piped on standard input, not a terminal.',
    'cli.error.secretMismatch': 'The two entries do not match.',
    'cli.error.secretMissing':
      'The {name} is needed and cannot be asked for here: use {file}, {stdin} or the {env} environment variable.',
    'cli.prompt.repeat': 'Repeat to confirm',
  },
  ru: {
    'cli.error': 'Ошибка',
    'cli.warning': 'Предупреждение',
    'cli.error.usage': 'Неверный вызов: {detail}',
    'cli.hint.help': 'Запустите команду с --help, чтобы увидеть её флаги и примеры.',
    'cli.error.internal': 'Непредвиденная ошибка: {detail}',
    'cli.hint.internal':
      'Это ошибка в oneid. Повторите с ONEID_DEBUG=1, чтобы получить трассировку, и сообщите о ней с этим выводом (секретов в нём нет).',
    'cli.error.interrupted': 'Прервано. Сделанная работа сохранена, недописанных файлов не осталось.',
    'cli.error.missingInput': 'Не хватает значения, а спросить его здесь нельзя: укажите его через {flag}.',
    'cli.error.missingArg':
      'Не хватает значения, а спросить его здесь нельзя: укажите {arg} аргументом ({usage}).',
    'cli.error.secretFile': 'Не удаётся прочитать {flag} {path} ({reason}).',
    'cli.error.secretStdinTty': '{flag} ожидает секрет через стандартный ввод (конвейер), а не с терминала.',
    'cli.error.secretMismatch': 'Введённые значения не совпадают.',
    'cli.error.secretMissing':
      'Нужен секрет ({name}), но запросить его здесь нельзя: используйте {file}, {stdin} или переменную окружения {env}.',
    'cli.prompt.repeat': 'Повторите для подтверждения',
  },
  uz: {
    'cli.error': 'Xato',
    'cli.warning': 'Ogohlantirish',
    'cli.error.usage': 'Buyruq noto‘g‘ri berildi: {detail}',
    'cli.hint.help': 'Bayroqlar va misollarni ko‘rish uchun buyruqni --help bilan ishga tushiring.',
    'cli.error.internal': 'Kutilmagan xato: {detail}',
    'cli.hint.internal':
      'Bu oneid dasturidagi xato. ONEID_DEBUG=1 bilan qayta ishga tushiring va chiqqan ma’lumot bilan xabar bering (unda maxfiy ma’lumot yo‘q).',
    'cli.error.interrupted': 'To‘xtatildi. Bajarilgan ish saqlandi, chala yozilgan fayl qolmadi.',
    'cli.error.missingInput': 'Qiymat yetishmayapti, bu yerda uni so‘rab bo‘lmaydi: {flag} orqali bering.',
    'cli.error.missingArg':
      'Qiymat yetishmayapti, bu yerda uni so‘rab bo‘lmaydi: {arg} ni argument sifatida bering ({usage}).',
    'cli.error.secretFile': '{flag} {path} faylini o‘qib bo‘lmadi ({reason}).',
    'cli.error.secretStdinTty':
      '{flag} maxfiy qiymatni terminaldan emas, standart kirish (quvur) orqali kutadi.',
    'cli.error.secretMismatch': 'Kiritilgan qiymatlar bir xil emas.',
    'cli.error.secretMissing':
      'Maxfiy qiymat ({name}) kerak, lekin bu yerda uni so‘rab bo‘lmaydi: {file}, {stdin} yoki {env} muhit o‘zgaruvchisidan foydalaning.',
    'cli.prompt.repeat': 'Tasdiqlash uchun qayta kiriting',
  },
} satisfies Catalog;
