import type { Catalog } from '../../types.js';

// Help texts of the agent commands (see src/cli/help.ts for the keys): summaries, descriptions,
// flags and arguments, in en, ru and uz. Part of the `cmd` area.
export default {
  en: {
    'cmd.agent.install.summary':
      'Start the agent at login (systemd user unit, launchd agent), or stop doing so.',
    'cmd.agent.install.description': `Linux: writes ~/.config/systemd/user/oneid-agent.service and enables it (systemctl --user).
macOS: writes ~/Library/LaunchAgents/uz.oneid.agent.plist and loads it (launchctl). Windows: prints
the Task Scheduler command to run. The service runs "oneid agent start" with this config folder.
When the service manager cannot be reached, the commands are printed for you to run.

JSON result: { platform, installed, file?, commands, ran, undo }`,
    'cmd.agent.install.flag.uninstall': 'Remove the login service again.',
    'cmd.topic.agent':
      'The E-IMZO agent: websites that sign with E-IMZO work through oneid (unlock once, every signature logged).',
    'cmd.agent.start.summary': 'Start the E-IMZO agent: the local WebSocket API signing websites talk to.',
    'cmd.agent.start.description': `Answers the E-IMZO desktop client's API on ws://127.0.0.1:64646/service/cryptapi (http pages) and,
once "oneid agent trust" has made its certificate, wss://127.0.0.1:64443/service/cryptapi (https
pages). Loopback only; every connection's Host and Origin are checked; sites never seen before are
asked about once (a desktop dialog, else this terminal in the foreground), or allowed with
"oneid agent allow" / --allow-origin. In the foreground its log goes to stderr and Ctrl-C stops it;
with --detach it runs in the background and the command returns once it listens.

JSON result: { pid, ws, wss?, detached }`,
    'cmd.agent.start.flag.detach': 'Run in the background and return once the agent listens.',
    'cmd.agent.start.flag.port': 'Port of ws:// for http pages (0 = any free port).',
    'cmd.agent.start.flag.tls-port': 'Port of wss:// for https pages (0 = any free port).',
    'cmd.agent.start.flag.allow-origin': 'Allow this site for this run (repeatable), e.g. https://my.gov.uz.',
    'cmd.agent.start.flag.max-message-size': 'Largest request in bytes; larger ones close the connection.',
    'cmd.agent.start.flag.rate-limit': 'Requests per second one site may make (bursts of twice that).',
    'cmd.agent.stop.summary': 'Stop the agent; every unlocked key is dropped.',
    'cmd.agent.stop.description': `Sends SIGTERM to the agent (SIGKILL after 10 seconds). Unlocked keys live only in the agent's
memory, so none survives. Stopping an agent that is not running is not an error.

JSON result: { stopped, pid? }`,
    'cmd.agent.status.summary':
      'Show the agent: addresses, unlocked keys with time left, allowed sites, signatures.',
    'cmd.agent.status.description': `Asks the running agent over its control socket. Exit 0 also when it is not running (see
"running").

JSON result: { running, pid?, ws?, wss?, tlsMissing?, startedAt?, unlocked?: [{ path, owner, serial,
secondsLeft, origins, signatures, maxSignatures?, source }], allowedOrigins?, deniedOrigins?, signatures? }`,
    'cmd.agent.unlock.summary':
      'Unlock a key in the agent for a time, for the sites you name, with a signature budget.',
    'cmd.agent.unlock.description': `The password comes from --key-password-file, --key-password-stdin, ONEID_KEY_PASSWORD or a
masked prompt, and travels to the agent over its control socket only. The key stays in the agent's
memory until --for has passed, --max-signatures are made, "oneid agent lock" or the agent stops.
Without --origin every allowed site may use it.

JSON result: { path, owner, serial, secondsLeft, origins, signatures, maxSignatures?, source }`,
    'cmd.agent.unlock.arg.key': 'Key file, alias, certificate serial, PINFL or TIN (as "key sign --key").',
    'cmd.agent.unlock.flag.for': 'How long: 90s, 30m, 2h, 1d.',
    'cmd.agent.unlock.flag.origin': 'Only this site may use the key (repeatable).',
    'cmd.agent.unlock.flag.max-signatures': 'Lock the key again after this many signatures.',
    'cmd.agent.lock.summary': 'Lock a key in the agent, or all of them.',
    'cmd.agent.lock.description': `Drops the key from the agent's memory at once: the next request for it asks for its password
again (or is refused).

JSON result: { locked }`,
    'cmd.agent.lock.arg.key': 'Key file, alias, certificate serial, PINFL or TIN.',
    'cmd.agent.lock.flag.all': 'Lock every key.',
    'cmd.agent.allow.summary': 'Allow a site to use the agent (kept for later runs).',
    'cmd.agent.allow.description': `The site is its origin as the browser sends it: scheme, host and port, e.g. https://my.gov.uz.
"null" allows pages opened from files. Works whether the agent runs or not.

JSON result: { origin, allowed: true }`,
    'cmd.agent.allow.arg.origin': 'The site, e.g. https://my.gov.uz, or null.',
    'cmd.agent.deny.summary': 'Deny a site: its connections are refused (kept for later runs).',
    'cmd.agent.deny.description': `Works whether the agent runs or not; "oneid agent allow" undoes it.

JSON result: { origin, allowed: false }`,
    'cmd.agent.deny.arg.origin': 'The site, e.g. https://example.com, or null.',
    'cmd.agent.log.summary':
      'Show every signature the agent made: time, site, key, SHA-256 of what was signed.',
    'cmd.agent.log.description': `The log is append-only, readable only by you (0600), in the agent folder of the config folder.

JSON result: { file, entries: [{ time, origin, key, serial, owner?, sha256, bytes, mode, cosign }] }`,
    'cmd.agent.log.flag.since': 'Only from this time: a duration back (30m, 24h, 7d) or a date.',
  },
  ru: {
    'cmd.agent.install.summary': 'Запускать агент при входе в систему (systemd, launchd) или перестать.',
    'cmd.agent.install.description': `Linux: записывает ~/.config/systemd/user/oneid-agent.service и включает его (systemctl --user).
macOS: записывает ~/Library/LaunchAgents/uz.oneid.agent.plist и загружает его (launchctl). Windows:
печатает команду планировщика заданий. Служба запускает «oneid agent start» с этим каталогом
настроек. Если менеджер служб недоступен, команды печатаются, чтобы вы выполнили их сами.

Результат JSON: { platform, installed, file?, commands, ran, undo }`,
    'cmd.agent.install.flag.uninstall': 'Снова убрать службу автозапуска.',
    'cmd.topic.agent':
      'Агент E-IMZO: сайты, подписывающие через E-IMZO, работают через oneid (разблокировка один раз, журнал подписей).',
    'cmd.agent.start.summary': 'Запустить агент E-IMZO: локальный WebSocket API, с которым работают сайты.',
    'cmd.agent.start.description': `Отвечает на API настольного клиента E-IMZO по адресу ws://127.0.0.1:64646/service/cryptapi
(страницы http) и, когда «oneid agent trust» создал сертификат, wss://127.0.0.1:64443/service/cryptapi
(страницы https). Только loopback; Host и Origin проверяются у каждого соединения; о новом сайте
спрашивают один раз (окно на рабочем столе, иначе этот терминал в интерактивном режиме), либо его
разрешают командой «oneid agent allow» / --allow-origin. В интерактивном режиме журнал идёт в stderr,
Ctrl-C останавливает агент; с --detach он работает в фоне, и команда завершается, когда он слушает.

Результат JSON: { pid, ws, wss?, detached }`,
    'cmd.agent.start.flag.detach': 'Работать в фоне; команда завершается, когда агент слушает.',
    'cmd.agent.start.flag.port': 'Порт ws:// для страниц http (0 — любой свободный).',
    'cmd.agent.start.flag.tls-port': 'Порт wss:// для страниц https (0 — любой свободный).',
    'cmd.agent.start.flag.allow-origin':
      'Разрешить сайт на время работы (можно повторять), например https://my.gov.uz.',
    'cmd.agent.start.flag.max-message-size': 'Наибольший запрос в байтах; больший закрывает соединение.',
    'cmd.agent.start.flag.rate-limit': 'Запросов в секунду с одного сайта (всплески — вдвое больше).',
    'cmd.agent.stop.summary': 'Остановить агент; все разблокированные ключи забываются.',
    'cmd.agent.stop.description': `Посылает агенту SIGTERM (SIGKILL через 10 секунд). Разблокированные ключи живут только в памяти
агента, поэтому ни один не сохраняется. Остановка незапущенного агента — не ошибка.

Результат JSON: { stopped, pid? }`,
    'cmd.agent.status.summary':
      'Состояние агента: адреса, разблокированные ключи и оставшееся время, разрешённые сайты, подписи.',
    'cmd.agent.status.description': `Запрашивает работающий агент через его управляющий сокет. Код 0 и когда он не запущен (см.
«running»).

Результат JSON: { running, pid?, ws?, wss?, tlsMissing?, startedAt?, unlocked?: [{ path, owner, serial,
secondsLeft, origins, signatures, maxSignatures?, source }], allowedOrigins?, deniedOrigins?, signatures? }`,
    'cmd.agent.unlock.summary':
      'Разблокировать ключ в агенте на время, для указанных сайтов, с лимитом подписей.',
    'cmd.agent.unlock.description': `Пароль берётся из --key-password-file, --key-password-stdin, ONEID_KEY_PASSWORD или скрытого
ввода и передаётся агенту только через управляющий сокет. Ключ остаётся в памяти агента, пока не
пройдёт --for, не будет сделано --max-signatures подписей, не выполнена «oneid agent lock» или агент не
остановлен. Без --origin ключом может пользоваться любой разрешённый сайт.

Результат JSON: { path, owner, serial, secondsLeft, origins, signatures, maxSignatures?, source }`,
    'cmd.agent.unlock.arg.key':
      'Файл ключа, псевдоним, серийный номер сертификата, ПИНФЛ или ИНН (как «key sign --key»).',
    'cmd.agent.unlock.flag.for': 'На сколько: 90s, 30m, 2h, 1d.',
    'cmd.agent.unlock.flag.origin': 'Ключом может пользоваться только этот сайт (можно повторять).',
    'cmd.agent.unlock.flag.max-signatures': 'Снова заблокировать ключ после стольких подписей.',
    'cmd.agent.lock.summary': 'Заблокировать ключ в агенте или все ключи.',
    'cmd.agent.lock.description': `Сразу удаляет ключ из памяти агента: следующий запрос к нему снова спросит пароль (или будет
отклонён).

Результат JSON: { locked }`,
    'cmd.agent.lock.arg.key': 'Файл ключа, псевдоним, серийный номер сертификата, ПИНФЛ или ИНН.',
    'cmd.agent.lock.flag.all': 'Заблокировать все ключи.',
    'cmd.agent.allow.summary': 'Разрешить сайту пользоваться агентом (сохраняется).',
    'cmd.agent.allow.description': `Сайт — его origin, как его передаёт браузер: схема, хост и порт, например https://my.gov.uz.
«null» разрешает страницы, открытые из файлов. Работает и когда агент не запущен.

Результат JSON: { origin, allowed: true }`,
    'cmd.agent.allow.arg.origin': 'Сайт, например https://my.gov.uz, или null.',
    'cmd.agent.deny.summary': 'Запретить сайт: его соединения отклоняются (сохраняется).',
    'cmd.agent.deny.description': `Работает и когда агент не запущен; отменяется командой «oneid agent allow».

Результат JSON: { origin, allowed: false }`,
    'cmd.agent.deny.arg.origin': 'Сайт, например https://example.com, или null.',
    'cmd.agent.log.summary': 'Показать все подписи агента: время, сайт, ключ, SHA-256 подписанного.',
    'cmd.agent.log.description': `Журнал только дополняется и доступен только вам (0600), в папке agent каталога настроек.

Результат JSON: { file, entries: [{ time, origin, key, serial, owner?, sha256, bytes, mode, cosign }] }`,
    'cmd.agent.log.flag.since': 'Только начиная с момента: длительность назад (30m, 24h, 7d) или дата.',
  },
  uz: {
    'cmd.agent.install.summary':
      'Agentni tizimga kirishda ishga tushirish (systemd, launchd) yoki buni to‘xtatish.',
    'cmd.agent.install.description': `Linux: ~/.config/systemd/user/oneid-agent.service faylini yozadi va uni yoqadi (systemctl --user).
macOS: ~/Library/LaunchAgents/uz.oneid.agent.plist faylini yozadi va yuklaydi (launchctl). Windows:
vazifalar rejalashtiruvchisi buyrug‘ini chiqaradi. Xizmat shu sozlamalar papkasi bilan “oneid agent
start” ni ishga tushiradi. Xizmatlar boshqaruvchisi mavjud bo‘lmasa, buyruqlar sizga chiqariladi.

JSON natija: { platform, installed, file?, commands, ran, undo }`,
    'cmd.agent.install.flag.uninstall': 'Avtomatik ishga tushirish xizmatini yana olib tashlash.',
    'cmd.topic.agent':
      'E-IMZO agenti: E-IMZO orqali imzolaydigan saytlar oneid orqali ishlaydi (bir marta ochish, har bir imzo jurnalda).',
    'cmd.agent.start.summary': 'E-IMZO agentini ishga tushirish: saytlar ishlaydigan mahalliy WebSocket API.',
    'cmd.agent.start.description': `E-IMZO ish stoli mijozining API’siga ws://127.0.0.1:64646/service/cryptapi (http sahifalar) va
“oneid agent trust” sertifikat yaratgach wss://127.0.0.1:64443/service/cryptapi (https sahifalar)
manzilida javob beradi. Faqat loopback; har bir ulanishning Host va Origin sarlavhalari tekshiriladi;
yangi sayt haqida bir marta so‘raladi (ish stoli oynasi, bo‘lmasa oldingi rejimda shu terminal) yoki
unga “oneid agent allow” / --allow-origin bilan ruxsat beriladi. Oldingi rejimda jurnal stderr’ga
chiqadi, Ctrl-C uni to‘xtatadi; --detach bilan u fonda ishlaydi va buyruq u tinglay boshlaganda tugaydi.

JSON natija: { pid, ws, wss?, detached }`,
    'cmd.agent.start.flag.detach': 'Fonda ishlash; buyruq agent tinglay boshlaganda tugaydi.',
    'cmd.agent.start.flag.port': 'http sahifalar uchun ws:// porti (0 — istalgan bo‘sh port).',
    'cmd.agent.start.flag.tls-port': 'https sahifalar uchun wss:// porti (0 — istalgan bo‘sh port).',
    'cmd.agent.start.flag.allow-origin':
      'Shu ish davomida saytga ruxsat berish (takrorlash mumkin), masalan https://my.gov.uz.',
    'cmd.agent.start.flag.max-message-size': 'Eng katta so‘rov baytlarda; kattarog‘i ulanishni yopadi.',
    'cmd.agent.start.flag.rate-limit': 'Bitta saytdan soniyasiga so‘rovlar (to‘lqinlar — ikki baravar).',
    'cmd.agent.stop.summary': 'Agentni to‘xtatish; ochilgan barcha kalitlar unutiladi.',
    'cmd.agent.stop.description': `Agentga SIGTERM yuboradi (10 soniyadan keyin SIGKILL). Ochilgan kalitlar faqat agent xotirasida
yashaydi, shuning uchun birortasi ham saqlanmaydi. Ishlamayotgan agentni to‘xtatish xato emas.

JSON natija: { stopped, pid? }`,
    'cmd.agent.status.summary':
      'Agent holati: manzillar, ochilgan kalitlar va qolgan vaqt, ruxsat berilgan saytlar, imzolar.',
    'cmd.agent.status.description': `Ishlayotgan agentdan boshqaruv soketi orqali so‘raydi. U ishlamayotganda ham kod 0 (“running”ga
qarang).

JSON natija: { running, pid?, ws?, wss?, tlsMissing?, startedAt?, unlocked?: [{ path, owner, serial,
secondsLeft, origins, signatures, maxSignatures?, source }], allowedOrigins?, deniedOrigins?, signatures? }`,
    'cmd.agent.unlock.summary':
      'Kalitni agentda vaqtga, ko‘rsatilgan saytlar uchun, imzolar chegarasi bilan ochish.',
    'cmd.agent.unlock.description': `Parol --key-password-file, --key-password-stdin, ONEID_KEY_PASSWORD yoki yashirin kiritishdan
olinadi va agentga faqat boshqaruv soketi orqali boradi. Kalit agent xotirasida --for o‘tguncha,
--max-signatures imzo qo‘yilguncha, “oneid agent lock” yoki agent to‘xtaguncha qoladi. --origin
bo‘lmasa, ruxsat berilgan har qanday sayt undan foydalanishi mumkin.

JSON natija: { path, owner, serial, secondsLeft, origins, signatures, maxSignatures?, source }`,
    'cmd.agent.unlock.arg.key':
      'Kalit fayli, taxallus, sertifikat seriya raqami, JSHSHIR yoki STIR (“key sign --key” kabi).',
    'cmd.agent.unlock.flag.for': 'Qancha vaqtga: 90s, 30m, 2h, 1d.',
    'cmd.agent.unlock.flag.origin': 'Kalitdan faqat shu sayt foydalanadi (takrorlash mumkin).',
    'cmd.agent.unlock.flag.max-signatures': 'Shuncha imzodan keyin kalitni yana yopish.',
    'cmd.agent.lock.summary': 'Agentdagi kalitni yoki barcha kalitlarni yopish.',
    'cmd.agent.lock.description': `Kalitni agent xotirasidan darhol o‘chiradi: unga keyingi so‘rov yana parol so‘raydi (yoki rad
etiladi).

JSON natija: { locked }`,
    'cmd.agent.lock.arg.key': 'Kalit fayli, taxallus, sertifikat seriya raqami, JSHSHIR yoki STIR.',
    'cmd.agent.lock.flag.all': 'Barcha kalitlarni yopish.',
    'cmd.agent.allow.summary': 'Saytga agentdan foydalanishga ruxsat berish (saqlanadi).',
    'cmd.agent.allow.description': `Sayt — brauzer yuboradigan origin: sxema, xost va port, masalan https://my.gov.uz. “null”
fayldan ochilgan sahifalarga ruxsat beradi. Agent ishlayotgan-ishlamayotganidan qat’i nazar ishlaydi.

JSON natija: { origin, allowed: true }`,
    'cmd.agent.allow.arg.origin': 'Sayt, masalan https://my.gov.uz, yoki null.',
    'cmd.agent.deny.summary': 'Saytni taqiqlash: uning ulanishlari rad etiladi (saqlanadi).',
    'cmd.agent.deny.description': `Agent ishlayotgan-ishlamayotganidan qat’i nazar ishlaydi; “oneid agent allow” uni bekor qiladi.

JSON natija: { origin, allowed: false }`,
    'cmd.agent.deny.arg.origin': 'Sayt, masalan https://example.com, yoki null.',
    'cmd.agent.log.summary':
      'Agent qo‘ygan barcha imzolarni ko‘rsatish: vaqt, sayt, kalit, imzolangan narsaning SHA-256.',
    'cmd.agent.log.description': `Jurnal faqat to‘ldiriladi va faqat sizga ochiq (0600), sozlamalar papkasining agent papkasida.

JSON natija: { file, entries: [{ time, origin, key, serial, owner?, sha256, bytes, mode, cosign }] }`,
    'cmd.agent.log.flag.since': 'Faqat shu vaqtdan: orqaga muddat (30m, 24h, 7d) yoki sana.',
  },
} satisfies Catalog;
