import type { Catalog } from '../types.js';

// Messages of the `sandbox` area. Keys start with `sandbox.`; every key exists in en, ru and uz
// (test/i18n.test.ts fails on a missing key or on a key no source file uses).
// Texts the portal itself sends (error messages of its API) are shown as the portal sends them.
export default {
  en: {
    'sandbox.started': 'Sandbox portal running at {url} (pid {pid}, data in {dir}).',
    'sandbox.hint.foreground': 'Press Ctrl-C to stop it.',
    'sandbox.stopped': 'Sandbox portal stopped (pid {pid}).',
    'sandbox.wasNotRunning': 'No sandbox portal was running.',
    'sandbox.status.running': 'Running at {url}, pid {pid}, version {version}, up {uptime} s.',
    'sandbox.status.data': 'Data: {dir} (database check: {integrity}).',
    'sandbox.status.counts':
      '{accounts} accounts, {applications} key applications, {certificates} certificates, {messages} messages.',
    'sandbox.status.stopped': 'Not running (data directory {dir}).',
    'sandbox.reset.running':
      'Sandbox reset: accounts, applications, certificates, sessions and messages removed; registries and CA kept.',
    'sandbox.reset.stopped':
      'Sandbox database removed: the next start creates fresh registries and a new CA.',
    'sandbox.registry.persons': 'People ({count}): PINFL, passport, phone, kind, passport expiry, name',
    'sandbox.registry.companies': 'Companies ({count}): TIN, director PINFL, phone, name',
    'sandbox.outbox.empty': 'No messages.',
    'sandbox.approve.done': 'Application {id} approved; certificate {serial} issued.',
    'sandbox.reject.done': 'Application {id} rejected.',
    'sandbox.pay.done': 'Invoice {invoice} paid: application {id} is under review.',
    'sandbox.error.badPort': 'Invalid port {port}: use a number from 0 to 65535.',
    'sandbox.error.running': 'A sandbox portal is already running at {url} (pid {pid}).',
    'sandbox.hint.stop': 'Stop it with `oneid sandbox stop`, or use another --data directory.',
    'sandbox.error.notRunning': 'No sandbox portal is running for the data directory {dir}.',
    'sandbox.hint.start': 'Start one with `oneid sandbox start --detach`.',
    'sandbox.error.startFailed': 'The sandbox portal did not start: {reason}',
    'sandbox.revoke.done': 'Certificate {serial} revoked ({reason}) at {at}.',
    'sandbox.error.revokeTarget': '“{target}” is neither a certificate serial (hex) nor a key file.',
    'sandbox.error.keySerialHidden':
      'The key file {path} does not show its certificate serial without the password: give the serial (hex) instead.',
  },
  ru: {
    'sandbox.started': 'Портал-песочница работает по адресу {url} (pid {pid}, данные в {dir}).',
    'sandbox.hint.foreground': 'Нажмите Ctrl-C, чтобы остановить его.',
    'sandbox.stopped': 'Портал-песочница остановлен (pid {pid}).',
    'sandbox.wasNotRunning': 'Портал-песочница не был запущен.',
    'sandbox.status.running':
      'Работает по адресу {url}, pid {pid}, версия {version}, время работы {uptime} с.',
    'sandbox.status.data': 'Данные: {dir} (проверка базы: {integrity}).',
    'sandbox.status.counts':
      'Учётных записей: {accounts}, заявок на ключ: {applications}, сертификатов: {certificates}, сообщений: {messages}.',
    'sandbox.status.stopped': 'Не запущен (каталог данных {dir}).',
    'sandbox.reset.running':
      'Песочница очищена: учётные записи, заявки, сертификаты, сессии и сообщения удалены; реестры и УЦ сохранены.',
    'sandbox.reset.stopped':
      'База песочницы удалена: при следующем запуске будут созданы новые реестры и новый УЦ.',
    'sandbox.registry.persons': 'Физические лица ({count}): ПИНФЛ, паспорт, телефон, вид, срок паспорта, имя',
    'sandbox.registry.companies': 'Организации ({count}): ИНН, ПИНФЛ руководителя, телефон, название',
    'sandbox.outbox.empty': 'Сообщений нет.',
    'sandbox.approve.done': 'Заявка {id} одобрена; выпущен сертификат {serial}.',
    'sandbox.reject.done': 'Заявка {id} отклонена.',
    'sandbox.pay.done': 'Счёт {invoice} оплачен: заявка {id} на рассмотрении.',
    'sandbox.error.badPort': 'Недопустимый порт {port}: укажите число от 0 до 65535.',
    'sandbox.error.running': 'Портал-песочница уже работает по адресу {url} (pid {pid}).',
    'sandbox.hint.stop': 'Остановите его командой `oneid sandbox stop` или укажите другой каталог --data.',
    'sandbox.error.notRunning': 'Для каталога данных {dir} портал-песочница не запущен.',
    'sandbox.hint.start': 'Запустите его: `oneid sandbox start --detach`.',
    'sandbox.error.startFailed': 'Портал-песочница не запустился: {reason}',
    'sandbox.revoke.done': 'Сертификат {serial} отозван ({reason}) в {at}.',
    'sandbox.error.revokeTarget': '«{target}» — не серийный номер сертификата (hex) и не файл ключа.',
    'sandbox.error.keySerialHidden':
      'Файл ключа {path} не показывает серийный номер сертификата без пароля: укажите серийный номер (hex).',
  },
  uz: {
    'sandbox.started': 'Sinov portali {url} manzilida ishlayapti (pid {pid}, ma’lumotlar: {dir}).',
    'sandbox.hint.foreground': 'To‘xtatish uchun Ctrl-C tugmalarini bosing.',
    'sandbox.stopped': 'Sinov portali to‘xtatildi (pid {pid}).',
    'sandbox.wasNotRunning': 'Sinov portali ishlamayotgan edi.',
    'sandbox.status.running':
      '{url} manzilida ishlayapti, pid {pid}, versiya {version}, ishlash vaqti {uptime} s.',
    'sandbox.status.data': 'Ma’lumotlar: {dir} (bazani tekshirish: {integrity}).',
    'sandbox.status.counts':
      'Hisoblar: {accounts}, kalit arizalari: {applications}, sertifikatlar: {certificates}, xabarlar: {messages}.',
    'sandbox.status.stopped': 'Ishlamayapti (ma’lumotlar katalogi {dir}).',
    'sandbox.reset.running':
      'Sinov portali tozalandi: hisoblar, arizalar, sertifikatlar, seanslar va xabarlar o‘chirildi; reyestrlar va sertifikatlash markazi saqlandi.',
    'sandbox.reset.stopped':
      'Sinov portali bazasi o‘chirildi: keyingi ishga tushirishda yangi reyestrlar va yangi sertifikatlash markazi yaratiladi.',
    'sandbox.registry.persons':
      'Jismoniy shaxslar ({count}): JSHSHIR, pasport, telefon, turi, pasport muddati, ism',
    'sandbox.registry.companies': 'Yuridik shaxslar ({count}): STIR, rahbar JSHSHIR, telefon, nomi',
    'sandbox.outbox.empty': 'Xabarlar yo‘q.',
    'sandbox.approve.done': '{id} ariza ma’qullandi; {serial} sertifikati berildi.',
    'sandbox.reject.done': '{id} ariza rad etildi.',
    'sandbox.pay.done': '{invoice} hisob to‘landi: {id} ariza ko‘rib chiqilmoqda.',
    'sandbox.error.badPort': 'Noto‘g‘ri port {port}: 0 dan 65535 gacha son kiriting.',
    'sandbox.error.running': 'Sinov portali allaqachon {url} manzilida ishlayapti (pid {pid}).',
    'sandbox.hint.stop':
      'Uni `oneid sandbox stop` buyrug‘i bilan to‘xtating yoki boshqa --data katalogini ko‘rsating.',
    'sandbox.error.notRunning': '{dir} ma’lumotlar katalogi uchun sinov portali ishlamayapti.',
    'sandbox.hint.start': 'Uni ishga tushiring: `oneid sandbox start --detach`.',
    'sandbox.error.startFailed': 'Sinov portali ishga tushmadi: {reason}',
    'sandbox.revoke.done': '{serial} sertifikati bekor qilindi ({reason}), vaqti: {at}.',
    'sandbox.error.revokeTarget': '«{target}» sertifikat seriya raqami (hex) ham, kalit fayli ham emas.',
    'sandbox.error.keySerialHidden':
      '{path} kalit fayli sertifikat seriya raqamini parolsiz ko‘rsatmaydi: uning o‘rniga seriya raqamini (hex) kiriting.',
  },
} satisfies Catalog;
