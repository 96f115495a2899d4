import type { Catalog } from '../../types.js';

// Help texts of the sandbox commands (see src/cli/help.ts for the keys): cmd.<id>.description,
// cmd.<id>.flag.<name>, cmd.<id>.arg.<name>, in en, ru and uz. Part of the `cmd` area.
// The shared --data and --url flags are cmd.flag.data and cmd.flag.url (cmd/settings.ts).
export default {
  en: {
    'cmd.sandbox.start.description': `Runs a real HTTP server over a SQLite database in the data directory, seeded on first start
with a population registry (citizens, foreign and stateless persons) and a company registry. In
the foreground it logs requests (secrets redacted) on stderr and stops on Ctrl-C; with --detach it
runs in the background (log: sandbox.log in the data directory) and the command returns once it
answers.

JSON result: { url, pid, port, dataDir, detached }`,
    'cmd.sandbox.start.flag.port': 'TCP port on 127.0.0.1 (0 = any free port).',
    'cmd.sandbox.start.flag.detach': 'Run in the background and return once the portal answers.',
    'cmd.sandbox.start.flag.ca-algorithm':
      "Signature algorithm of the sandbox CA when the data directory is new (default O'z DSt 1092).",
    'cmd.sandbox.stop.description': `Sends SIGTERM and waits for a clean shutdown (SIGKILL after 10 seconds). Stopping a sandbox
that is not running is not an error.

JSON result: { stopped, pid?, dataDir }`,
    'cmd.sandbox.status.description': `Reports the URL, process, version, uptime, the database integrity check and record counts of
the sandbox of the data directory. Exit 0 also when it is not running (see "running").

JSON result: { running, dataDir, url?, pid?, version?, uptimeSeconds?, integrity?, counts? }`,
    'cmd.sandbox.reset.description': `On a running sandbox: removes accounts, registrations, key applications, certificates, sessions
and messages, and keeps the registries and the CA. On a stopped one: removes its database, so the
next start seeds fresh registries and a new CA.

JSON result: { dataDir, mode: "running" | "stopped" }`,
    'cmd.sandbox.registry.description': `People: PINFL, passport, phone, kind (citizen, foreign, stateless), passport expiry, name.
Companies: TIN, director's PINFL, phone, name, roles ("Common For Head" and others).

JSON result: { persons: [...], companies: [...] }`,
    'cmd.sandbox.registry.flag.kind': 'Only people of this kind.',
    'cmd.sandbox.registry.flag.free': 'Only people who have no account yet.',
    'cmd.sandbox.registry.flag.limit': 'At most this many people.',
    'cmd.sandbox.outbox.description': `Newest first. Filter by recipient phone (any usual spelling of a +998 number) or e-mail
address.

JSON result: { messages: [{ id, channel, recipient, subject, body, createdAt }] }`,
    'cmd.sandbox.outbox.flag.phone': 'Only messages to this phone number (or e-mail address).',
    'cmd.sandbox.outbox.flag.last': 'At most this many messages.',
    'cmd.sandbox.outbox.flag.channel': 'Only this channel.',
    'cmd.sandbox.pay.description': `The application goes under review; it is approved automatically after the portal's review
delay, or by "oneid sandbox approve".

JSON result: the application { id, status: "in_review", invoice: { id, amount, paid: true }, reviewDueAt, ... }`,
    'cmd.sandbox.pay.arg.invoice': 'Invoice number (from the application).',
    'cmd.sandbox.approve.description': `Stands in for the reviewer. The application must be paid and under review (see "oneid sandbox
pay").

JSON result: the application { id, status: "issued", certificateSerial, invoice, ... }`,
    'cmd.sandbox.approve.arg.id': 'Key application id (ka_…).',
    'cmd.sandbox.reject.description': `Stands in for the reviewer: the application ends as rejected and the applicant gets the reason
by SMS.

JSON result: the application { id, status: "rejected", rejectReason, ... }`,
    'cmd.sandbox.reject.arg.id': 'Key application id (ka_…).',
    'cmd.sandbox.reject.flag.reason': 'Why the application is rejected.',
    'cmd.sandbox.revoke.description': `Revokes a certificate the sandbox CA issued, named by its serial (hex) or by a key file that
holds it (its serial is read without the password). The CRL (/api/v1/ca/crl) lists it at once with
the reason, and the OCSP responder (/api/v1/ca/ocsp) answers "revoked".

JSON result: { serial, revokedAt, reason }`,
    'cmd.sandbox.revoke.arg.target':
      'Certificate serial (hex), or a key file (.pfx) holding the certificate.',
    'cmd.sandbox.revoke.flag.reason': 'Why the certificate is revoked (RFC 5280 reason code).',
  },
  ru: {
    'cmd.sandbox.start.description': `Запускает настоящий HTTP-сервер поверх базы SQLite в каталоге данных; при первом запуске она
заполняется реестром населения (граждане, иностранцы и лица без гражданства) и реестром
организаций. На переднем плане запросы пишутся в stderr (секреты скрыты), остановка — Ctrl-C; с
--detach песочница работает в фоне (журнал: sandbox.log в каталоге данных), а команда завершается,
как только портал отвечает.

Результат JSON: { url, pid, port, dataDir, detached }`,
    'cmd.sandbox.start.flag.port': 'TCP-порт на 127.0.0.1 (0 — любой свободный).',
    'cmd.sandbox.start.flag.detach': 'Работать в фоне; команда завершается, как только портал отвечает.',
    'cmd.sandbox.start.flag.ca-algorithm':
      'Алгоритм подписи УЦ песочницы для нового каталога данных (по умолчанию O‘z DSt 1092).',
    'cmd.sandbox.stop.description': `Посылает SIGTERM и ждёт корректного завершения (через 10 секунд — SIGKILL). Остановка
незапущенной песочницы не является ошибкой.

Результат JSON: { stopped, pid?, dataDir }`,
    'cmd.sandbox.status.description': `Показывает адрес, процесс, версию, время работы, проверку целостности базы и число записей
песочницы этого каталога данных. Код выхода 0 и тогда, когда она не запущена (см. "running").

Результат JSON: { running, dataDir, url?, pid?, version?, uptimeSeconds?, integrity?, counts? }`,
    'cmd.sandbox.reset.description': `У запущенной песочницы удаляет аккаунты, регистрации, заявки на ключи, сертификаты, сессии и
сообщения, сохраняя реестры и УЦ. У остановленной удаляет базу, так что следующий запуск создаёт
новые реестры и новый УЦ.

Результат JSON: { dataDir, mode: "running" | "stopped" }`,
    'cmd.sandbox.registry.description': `Физические лица: ПИНФЛ, паспорт, телефон, вид (гражданин, иностранец, лицо без гражданства),
срок паспорта, имя. Организации: ИНН, ПИНФЛ руководителя, телефон, название, роли ("Common For
Head" и другие).

Результат JSON: { persons: [...], companies: [...] }`,
    'cmd.sandbox.registry.flag.kind': 'Только лица этого вида.',
    'cmd.sandbox.registry.flag.free': 'Только лица, у которых ещё нет аккаунта.',
    'cmd.sandbox.registry.flag.limit': 'Не больше стольких лиц.',
    'cmd.sandbox.outbox.description': `Сначала новые. Отбор по телефону получателя (номер +998 в любом обычном написании) или по
адресу e-mail.

Результат JSON: { messages: [{ id, channel, recipient, subject, body, createdAt }] }`,
    'cmd.sandbox.outbox.flag.phone': 'Только сообщения на этот номер телефона (или адрес e-mail).',
    'cmd.sandbox.outbox.flag.last': 'Не больше стольких сообщений.',
    'cmd.sandbox.outbox.flag.channel': 'Только этот канал.',
    'cmd.sandbox.pay.description': `Заявка переходит на рассмотрение; она одобряется автоматически после срока рассмотрения
портала или командой "oneid sandbox approve".

Результат JSON: заявка { id, status: "in_review", invoice: { id, amount, paid: true }, reviewDueAt, ... }`,
    'cmd.sandbox.pay.arg.invoice': 'Номер счёта (из заявки).',
    'cmd.sandbox.approve.description': `Заменяет проверяющего. Заявка должна быть оплачена и находиться на рассмотрении (см. "oneid
sandbox pay").

Результат JSON: заявка { id, status: "issued", certificateSerial, invoice, ... }`,
    'cmd.sandbox.approve.arg.id': 'Номер заявки на ключ (ka_…).',
    'cmd.sandbox.reject.description': `Заменяет проверяющего: заявка отклоняется, и заявитель получает причину по SMS.

Результат JSON: заявка { id, status: "rejected", rejectReason, ... }`,
    'cmd.sandbox.reject.arg.id': 'Номер заявки на ключ (ka_…).',
    'cmd.sandbox.reject.flag.reason': 'Причина отклонения заявки.',
    'cmd.sandbox.revoke.description': `Отзывает сертификат, выданный УЦ песочницы, по серийному номеру (hex) или по файлу ключа с
этим сертификатом (серийный номер читается без пароля). CRL (/api/v1/ca/crl) сразу содержит его с
причиной, а OCSP-ответчик (/api/v1/ca/ocsp) отвечает «revoked».

Результат JSON: { serial, revokedAt, reason }`,
    'cmd.sandbox.revoke.arg.target':
      'Серийный номер сертификата (hex) или файл ключа (.pfx) с этим сертификатом.',
    'cmd.sandbox.revoke.flag.reason': 'Причина отзыва сертификата (код причины по RFC 5280).',
  },
  uz: {
    'cmd.sandbox.start.description': `Ma’lumotlar katalogidagi SQLite bazasi ustida haqiqiy HTTP serverni ishga tushiradi; birinchi
ishga tushirishda baza aholi reyestri (fuqarolar, chet elliklar va fuqaroligi yo‘q shaxslar) va
tashkilotlar reyestri bilan to‘ldiriladi. Oldingi rejimda so‘rovlarni stderr ga yozadi (sirlar
yashiriladi) va Ctrl-C bilan to‘xtaydi; --detach bilan fonda ishlaydi (jurnal: ma’lumotlar
katalogidagi sandbox.log) va buyruq portal javob berishi bilan tugaydi.

JSON natija: { url, pid, port, dataDir, detached }`,
    'cmd.sandbox.start.flag.port': '127.0.0.1 dagi TCP port (0 — istalgan bo‘sh port).',
    'cmd.sandbox.start.flag.detach': 'Fonda ishlash; buyruq portal javob berishi bilan tugaydi.',
    'cmd.sandbox.start.flag.ca-algorithm':
      'Yangi ma’lumotlar katalogida sandbox SM imzo algoritmi (odatda O‘z DSt 1092).',
    'cmd.sandbox.stop.description': `SIGTERM yuboradi va to‘g‘ri yakunlanishini kutadi (10 soniyadan keyin SIGKILL). Ishlamayotgan
sandboxni to‘xtatish xato emas.

JSON natija: { stopped, pid?, dataDir }`,
    'cmd.sandbox.status.description': `Shu ma’lumotlar katalogi sandboxining manzili, jarayoni, versiyasi, ishlash vaqti, baza
butunligi tekshiruvi va yozuvlar sonini ko‘rsatadi. Ishlamayotgan bo‘lsa ham chiqish kodi 0
("running" ga qarang).

JSON natija: { running, dataDir, url?, pid?, version?, uptimeSeconds?, integrity?, counts? }`,
    'cmd.sandbox.reset.description': `Ishlayotgan sandboxda akkauntlar, ro‘yxatdan o‘tishlar, kalit arizalari, sertifikatlar,
sessiyalar va xabarlarni o‘chiradi, reyestrlar va SMni saqlaydi. To‘xtatilganida esa uning bazasini
o‘chiradi, keyingi ishga tushirish yangi reyestrlar va yangi SM yaratadi.

JSON natija: { dataDir, mode: "running" | "stopped" }`,
    'cmd.sandbox.registry.description': `Shaxslar: JSHSHIR, pasport, telefon, turi (fuqaro, chet ellik, fuqaroligi yo‘q), pasport
muddati, ism. Tashkilotlar: STIR, rahbar JSHSHIRi, telefon, nomi, rollar ("Common For Head" va
boshqalar).

JSON natija: { persons: [...], companies: [...] }`,
    'cmd.sandbox.registry.flag.kind': 'Faqat shu turdagi shaxslar.',
    'cmd.sandbox.registry.flag.free': 'Faqat hali akkaunti yo‘q shaxslar.',
    'cmd.sandbox.registry.flag.limit': 'Ko‘pi bilan shuncha shaxs.',
    'cmd.sandbox.outbox.description': `Avval eng yangilari. Qabul qiluvchi telefoni (+998 raqamining istalgan odatiy yozilishi) yoki
e-mail manzili bo‘yicha saralash mumkin.

JSON natija: { messages: [{ id, channel, recipient, subject, body, createdAt }] }`,
    'cmd.sandbox.outbox.flag.phone': 'Faqat shu telefon raqamiga (yoki e-mail manziliga) xabarlar.',
    'cmd.sandbox.outbox.flag.last': 'Ko‘pi bilan shuncha xabar.',
    'cmd.sandbox.outbox.flag.channel': 'Faqat shu kanal.',
    'cmd.sandbox.pay.description': `Ariza ko‘rib chiqishga o‘tadi; u portalning ko‘rib chiqish muddatidan keyin avtomatik yoki
"oneid sandbox approve" bilan tasdiqlanadi.

JSON natija: ariza { id, status: "in_review", invoice: { id, amount, paid: true }, reviewDueAt, ... }`,
    'cmd.sandbox.pay.arg.invoice': 'Invoys raqami (arizadan).',
    'cmd.sandbox.approve.description': `Tekshiruvchi o‘rnini bosadi. Ariza to‘langan va ko‘rib chiqilayotgan bo‘lishi kerak ("oneid
sandbox pay" ga qarang).

JSON natija: ariza { id, status: "issued", certificateSerial, invoice, ... }`,
    'cmd.sandbox.approve.arg.id': 'Kalit arizasi raqami (ka_…).',
    'cmd.sandbox.reject.description': `Tekshiruvchi o‘rnini bosadi: ariza rad etiladi va ariza beruvchi sababini SMS orqali oladi.

JSON natija: ariza { id, status: "rejected", rejectReason, ... }`,
    'cmd.sandbox.reject.arg.id': 'Kalit arizasi raqami (ka_…).',
    'cmd.sandbox.reject.flag.reason': 'Ariza nima uchun rad etilayotgani.',
    'cmd.sandbox.revoke.description': `Sandbox tasdiqlash markazi bergan sertifikatni seriya raqami (hex) yoki uni saqlovchi kalit
fayli orqali bekor qiladi (seriya raqami parolsiz o‘qiladi). CRL (/api/v1/ca/crl) uni darhol sababi
bilan ko‘rsatadi, OCSP javob beruvchisi (/api/v1/ca/ocsp) esa «revoked» deb javob beradi.

JSON natija: { serial, revokedAt, reason }`,
    'cmd.sandbox.revoke.arg.target':
      'Sertifikat seriya raqami (hex) yoki sertifikat saqlangan kalit fayli (.pfx).',
    'cmd.sandbox.revoke.flag.reason':
      'Sertifikat nima uchun bekor qilinayotgani (RFC 5280 bo‘yicha sabab kodi).',
  },
} satisfies Catalog;
