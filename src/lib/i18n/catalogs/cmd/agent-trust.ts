import type { Catalog } from '../../types.js';

// Help texts of `oneid agent trust` (see src/cli/help.ts for the keys), in en, ru and uz. Part of
// the `cmd` area (the `agent` topic's text is in cmd/agent.ts).
export default {
  en: {
    'cmd.agent.trust.summary':
      "Let browsers trust the agent's wss:// port: a local CA for 127.0.0.1, ::1 and localhost only.",
    'cmd.agent.trust.description': `Makes a local certification authority whose name constraints (critical) permit only the IP
addresses 127.0.0.1 and ::1 and the name localhost, so it can vouch for no other site, and a
server certificate from it for the agent's TLS port (ECDSA P-256, serverAuth, valid 825 days). The
CA's private key is used for that one certificate and never kept: nothing else can ever be signed
with it, and running the command again makes a new CA and replaces the old one everywhere.

Files, in the config folder: agent/tls/ca.pem, agent/tls/server.pem (the server certificate and
the CA) and agent/tls/server-key.pem (mode 0600).

Where the CA goes:
- Linux: the NSS databases Chromium and Chrome (~/.pki/nssdb, made when absent) and every Firefox
  profile use, also the snap and flatpak ones, through certutil (package libnss3-tools), trusted
  for TLS servers only;
- macOS: the login keychain, trusted as a root for SSL only (the system asks for your password);
- Windows: the command to add it to your Root store is printed.
It says what it did in each store. --uninstall takes the CA out of each store and removes the
files. Without certutil the command stops before writing anything (exit 9) and names the package.

JSON result: { action, nickname, files, ca?, server?, stores: [{ kind, location, reader, action, command?, error? }], removedFiles?, undo? }`,
    'cmd.agent.trust.flag.uninstall': 'Remove the CA from every store and delete the files.',
  },
  ru: {
    'cmd.agent.trust.summary':
      'Доверие браузеров к порту wss:// агента: локальный УЦ только для 127.0.0.1, ::1 и localhost.',
    'cmd.agent.trust.description': `Создаёт локальный удостоверяющий центр, ограничения имён которого (критичные) разрешают только
IP-адреса 127.0.0.1 и ::1 и имя localhost, поэтому он не может подтвердить никакой другой сайт, и
выпускает им сертификат сервера для TLS-порта агента (ECDSA P-256, serverAuth, 825 дней). Закрытый
ключ УЦ используется для этого одного сертификата и не сохраняется: ничего другого им подписать уже
нельзя, а повторный запуск команды создаёт новый УЦ и везде заменяет старый.

Файлы в папке настроек: agent/tls/ca.pem, agent/tls/server.pem (сертификат сервера и УЦ) и
agent/tls/server-key.pem (права 0600).

Куда добавляется УЦ:
- Linux: базы NSS, которые используют Chromium и Chrome (~/.pki/nssdb, создаётся при
  отсутствии) и каждый профиль Firefox, в том числе snap и flatpak, через certutil (пакет
  libnss3-tools), с доверием только для TLS-серверов;
- macOS: связка ключей login, корень с доверием только для SSL (система спросит ваш пароль);
- Windows: печатается команда, добавляющая его в ваше хранилище Root.
Команда сообщает, что сделано в каждом хранилище. --uninstall удаляет УЦ из каждого хранилища и
удаляет файлы. Без certutil команда останавливается, ничего не записав (код 9), и называет пакет.

Результат JSON: { action, nickname, files, ca?, server?, stores: [{ kind, location, reader, action, command?, error? }], removedFiles?, undo? }`,
    'cmd.agent.trust.flag.uninstall': 'Удалить УЦ из всех хранилищ и удалить файлы.',
  },
  uz: {
    'cmd.agent.trust.summary':
      'Brauzerlar agentning wss:// portiga ishonishi: faqat 127.0.0.1, ::1 va localhost uchun mahalliy SM.',
    'cmd.agent.trust.description': `Nom cheklovlari (kritik) faqat 127.0.0.1 va ::1 IP manzillari hamda localhost nomiga ruxsat
beradigan mahalliy sertifikatlash markazini (SM) yaratadi, shuning uchun u boshqa hech bir sayt
uchun kafolat bera olmaydi, va undan agentning TLS porti uchun server sertifikatini chiqaradi
(ECDSA P-256, serverAuth, 825 kun). SMning yopiq kaliti faqat shu bitta sertifikat uchun
ishlatiladi va saqlanmaydi: u bilan boshqa hech narsa imzolab bo‘lmaydi, buyruqni qayta ishga
tushirish esa yangi SM yaratadi va eskisini hamma joyda almashtiradi.

Fayllar sozlamalar papkasida: agent/tls/ca.pem, agent/tls/server.pem (server sertifikati va SM) va
agent/tls/server-key.pem (0600 huquqlari bilan).

SM qayerga qo‘shiladi:
- Linux: Chromium va Chrome (~/.pki/nssdb, yo‘q bo‘lsa yaratiladi) hamda har bir Firefox profili,
  shu jumladan snap va flatpak, ishlatadigan NSS bazalariga certutil (libnss3-tools paketi) orqali,
  faqat TLS serverlari uchun ishonch bilan;
- macOS: login kalitlar to‘plamiga, faqat SSL uchun ildiz sifatida (tizim parolingizni so‘raydi);
- Windows: uni sizning Root omboringizga qo‘shadigan buyruq chop etiladi.
Buyruq har bir omborda nima qilganini aytadi. --uninstall SMni har bir ombordan va fayllarni
o‘chiradi. certutil bo‘lmasa, buyruq hech narsa yozmasdan to‘xtaydi (kod 9) va paket nomini aytadi.

JSON natija: { action, nickname, files, ca?, server?, stores: [{ kind, location, reader, action, command?, error? }], removedFiles?, undo? }`,
    'cmd.agent.trust.flag.uninstall': 'SMni barcha omborlardan olib tashlash va fayllarni o‘chirish.',
  },
} satisfies Catalog;
