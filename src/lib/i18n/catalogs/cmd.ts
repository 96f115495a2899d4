import type { Catalog } from '../types.js';
import account from './cmd/account.js';
import agent from './cmd/agent.js';
import agentTrust from './cmd/agent-trust.js';
import apply from './cmd/apply.js';
import keys from './cmd/keys.js';
import sandbox from './cmd/sandbox.js';
import settings from './cmd/settings.js';

// Help texts: command summaries (`cmd.<topic>.<command>.summary`, used as the command's static
// summary, so English lives only here), topic descriptions (`cmd.topic.<name>`, matching
// package.json) and shared flag summaries (`cmd.flag.<name>`). The help class (src/help.ts)
// shows them in the user's language.
const base = {
  en: {
    'cmd.topic.config': 'Read and change settings and profiles (portal, language, key roots, storage).',
    'cmd.topic.help': 'Help topics: exit codes and environment variables.',
    'cmd.topic.key':
      'Signature keys (ЭЦП / ERI): list, inspect, diagnose, change password, sign, verify, timestamp, apply.',
    'cmd.topic.sandbox': 'The local sandbox portal: start, stop, registries, outbox, approvals.',
    'cmd.topic.le': 'Legal entities bound to your account, the company you act for and its employees.',
    'cmd.topic.ca': "The portal's certification authority: trust anchors for verification.",
    'cmd.ca.get.summary': "Write the portal's CA certificates (the --ca file) as PEM.",
    'cmd.flag.json': 'Print the result as one JSON document (also on failure).',
    'cmd.flag.lang': 'Language of messages (en, ru, uz); also ONEID_LANG.',
    'cmd.flag.no-color': 'Disable colour.',
    'cmd.flag.no-prompt': 'Never prompt; a missing value is a usage error (exit 2).',
    'cmd.flag.profile': 'Configuration profile to use.',
    'cmd.flag.revocation':
      'Revocation check of the key and signers: auto (check when possible, warn when unknown), require (fail when unknown) or off; also ONEID_REVOCATION and the profile setting.',
    'cmd.flag.crl': 'A CRL file or URL to check revocation against (offline work); repeatable.',
    'cmd.flag.portal':
      'Portal base URL (default: the local sandbox, http://127.0.0.1:8765); also ONEID_PORTAL.',
    'cmd.config.get.summary': 'Print the effective value of a setting and where it comes from.',
    'cmd.config.set.summary': 'Store a setting in a profile.',
    'cmd.config.unset.summary': 'Remove a setting from a profile (the default applies again).',
    'cmd.config.list.summary': 'List the effective settings of a profile with their sources.',
    'cmd.help.exit-codes.summary': 'Explain the exit codes every oneid command uses.',
    'cmd.help.environment.summary': 'Explain the environment variables oneid reads.',
    'cmd.key.apply.summary':
      'Apply online for a signature key: SMS code, local key pair, photo and selfie, invoice.',
    'cmd.key.doctor.summary':
      'Diagnose "my key does not work": folders, USB, files, password, expiry, chain, clock, portal.',
    'cmd.key.info.summary':
      'Show everything about one key: owner, issuer, chain, algorithm, validity, protection.',
    'cmd.key.list.summary':
      'List the signature keys found on USB sticks and key folders (no password needed).',
    'cmd.key.passwd.summary': 'Change the password of a key file, keeping every certificate and attribute.',
    'cmd.key.sign.summary':
      'Sign files with a key (PKCS#7/CMS, as E-IMZO does), one password for the whole batch.',
    'cmd.key.status.summary': 'Show key applications and install the key once it is issued.',
    'cmd.key.timestamp.summary':
      'Add RFC 3161 timestamps to existing signatures (each signer), in place or under --out-dir.',
    'cmd.key.verify.summary':
      'Verify PKCS#7/CMS signatures (E-IMZO, OpenSSL): signer, chain, validity at signing time.',
    'cmd.le.bind.summary': 'Bind a legal entity to your verified account with the company key.',
    'cmd.le.list.summary': 'List the legal entities bound to your account and your role in each.',
    'cmd.login.summary': 'Log in to the portal with your login and password, or with a key; choose a role.',
    'cmd.logout.summary': 'Log out: end the session on the portal and remove it from this computer.',
    'cmd.register.summary':
      'Register a OneID account: offer, PINFL and passport, registry data, contacts, SMS code.',
    'cmd.sandbox.approve.summary': 'Approve a paid key application: the sandbox CA issues its certificate.',
    'cmd.sandbox.outbox.summary':
      'Show the SMS and e-mail messages the sandbox has "sent" (how testers read SMS codes).',
    'cmd.sandbox.pay.summary': 'Pay a key application invoice (stands in for the payment systems).',
    'cmd.sandbox.registry.summary':
      'List the people and companies of the sandbox registries (identities to test with).',
    'cmd.sandbox.reject.summary':
      'Reject an open key application with a reason (the applicant gets it by SMS).',
    'cmd.sandbox.revoke.summary':
      'Revoke a sandbox certificate (it shows at once on the CRL and in OCSP answers).',
    'cmd.sandbox.reset.summary': 'Forget everything done in the sandbox.',
    'cmd.sandbox.start.summary':
      'Start the local sandbox portal (OneID, key issuing, E-IMZO-SERVER endpoints).',
    'cmd.sandbox.status.summary': 'Show whether the sandbox runs, where, and what it holds.',
    'cmd.sandbox.stop.summary': 'Stop the sandbox portal started with --detach.',
    'cmd.verify-account.summary':
      'Verify your account with your personal signature key (status becomes "verified").',
    'cmd.whoami.summary':
      'Show who is logged in: account, status, active role, expiry and where the session is kept.',
    'cmd.topic.account': 'Your OneID account: change or recover the password.',
    'cmd.topic.le.employees': 'Employees the director authorizes to act for the company (an accountant, …).',
    'cmd.le.show.summary':
      "Show the company you act for: the registry's data, its employees and their roles.",
    'cmd.le.employees.list.summary': 'List the employees your company authorizes (director only).',
    'cmd.le.employees.add.summary': 'Authorize a person (by PINFL) to act for your company in a role.',
    'cmd.le.employees.remove.summary': "Revoke an employee's authorization: the role is refused at once.",
    'cmd.account.passwd.summary': 'Change the account password; every session of the account ends.',
    'cmd.account.recover.summary':
      'Forgot the login or password? Prove who you are, get an SMS code, set a new password.',
  },
  ru: {
    'cmd.topic.config': 'Просмотр и изменение настроек и профилей (портал, язык, папки ключей, хранилище).',
    'cmd.topic.help': 'Разделы справки: коды выхода и переменные окружения.',
    'cmd.topic.key':
      'Ключи ЭЦП: список, просмотр, диагностика, смена пароля, подпись, проверка, метки времени, заявка.',
    'cmd.topic.sandbox':
      'Локальная песочница портала: запуск, остановка, реестры, исходящие сообщения, одобрения.',
    'cmd.topic.le':
      'Юридические лица, привязанные к вашему аккаунту, организация, от имени которой вы действуете, и её сотрудники.',
    'cmd.topic.ca': 'Удостоверяющий центр портала: доверенные сертификаты для проверки подписей.',
    'cmd.ca.get.summary': 'Записать сертификаты УЦ портала (файл для --ca) в формате PEM.',
    'cmd.flag.json': 'Вывести результат одним JSON-документом (и при ошибке).',
    'cmd.flag.lang': 'Язык сообщений (en, ru, uz); также ONEID_LANG.',
    'cmd.flag.no-color': 'Без цвета.',
    'cmd.flag.no-prompt': 'Никогда не задавать вопросов; недостающее значение — ошибка вызова (код 2).',
    'cmd.flag.profile': 'Профиль настроек.',
    'cmd.flag.revocation':
      'Проверка отзыва ключа и подписантов: auto (проверять, когда возможно, предупреждать, если статус неизвестен), require (ошибка, если неизвестен) или off; также ONEID_REVOCATION и параметр профиля.',
    'cmd.flag.crl': 'Файл или URL СОС (CRL) для проверки отзыва (работа без сети); можно повторять.',
    'cmd.flag.portal':
      'Базовый адрес портала (по умолчанию локальная песочница, http://127.0.0.1:8765); также ONEID_PORTAL.',
    'cmd.config.get.summary': 'Показать действующее значение параметра и его источник.',
    'cmd.config.set.summary': 'Сохранить параметр в профиле.',
    'cmd.config.unset.summary': 'Удалить параметр из профиля (снова действует значение по умолчанию).',
    'cmd.config.list.summary': 'Перечислить действующие параметры профиля и их источники.',
    'cmd.help.exit-codes.summary': 'Объяснить коды выхода, которые используют все команды oneid.',
    'cmd.help.environment.summary': 'Объяснить переменные окружения, которые читает oneid.',
    'cmd.key.apply.summary':
      'Подать онлайн-заявку на ключ ЭЦП: SMS-код, локальная пара ключей, фото и селфи, счёт.',
    'cmd.key.doctor.summary':
      'Диагностика «мой ключ не работает»: папки, флешка, файлы, пароль, срок, цепочка, часы, портал.',
    'cmd.key.info.summary':
      'Всё об одном ключе: владелец, издатель, цепочка, алгоритм, срок действия, защита.',
    'cmd.key.list.summary': 'Список ключей ЭЦП на флешках и в папках с ключами (пароль не нужен).',
    'cmd.key.passwd.summary': 'Сменить пароль файла ключа, сохранив все сертификаты и атрибуты.',
    'cmd.key.sign.summary': 'Подписать файлы ключом (PKCS#7/CMS, как E-IMZO), один пароль на весь пакет.',
    'cmd.key.status.summary': 'Показать заявки на ключ и установить ключ, как только он выпущен.',
    'cmd.key.timestamp.summary':
      'Добавить метки времени RFC 3161 в готовые подписи (каждому подписанту), на месте или в --out-dir.',
    'cmd.key.verify.summary':
      'Проверить подписи PKCS#7/CMS (E-IMZO, OpenSSL): подписант, цепочка, срок на момент подписи.',
    'cmd.le.bind.summary': 'Привязать юридическое лицо к подтверждённому аккаунту ключом организации.',
    'cmd.le.list.summary': 'Список юридических лиц, привязанных к аккаунту, и ваша роль в каждом.',
    'cmd.login.summary': 'Войти на портал по логину и паролю или ключом; выбрать роль.',
    'cmd.logout.summary': 'Выйти: завершить сессию на портале и удалить её с этого компьютера.',
    'cmd.register.summary':
      'Зарегистрировать аккаунт OneID: оферта, ПИНФЛ и паспорт, данные реестра, контакты, SMS-код.',
    'cmd.sandbox.approve.summary': 'Одобрить оплаченную заявку на ключ: УЦ песочницы выпускает сертификат.',
    'cmd.sandbox.outbox.summary':
      'Показать SMS и письма, «отправленные» песочницей (так тестировщики читают SMS-коды).',
    'cmd.sandbox.pay.summary': 'Оплатить счёт по заявке на ключ (вместо платёжных систем).',
    'cmd.sandbox.registry.summary': 'Список людей и организаций в реестрах песочницы (данные для тестов).',
    'cmd.sandbox.reject.summary':
      'Отклонить открытую заявку на ключ с указанием причины (заявитель получит её по SMS).',
    'cmd.sandbox.revoke.summary': 'Отозвать сертификат песочницы (он сразу попадает в CRL и в ответы OCSP).',
    'cmd.sandbox.reset.summary': 'Забыть всё, что было сделано в песочнице.',
    'cmd.sandbox.start.summary':
      'Запустить локальную песочницу портала (OneID, выдача ключей, точки E-IMZO-SERVER).',
    'cmd.sandbox.status.summary': 'Показать, работает ли песочница, где и что в ней хранится.',
    'cmd.sandbox.stop.summary': 'Остановить песочницу, запущенную с --detach.',
    'cmd.verify-account.summary': 'Подтвердить аккаунт личным ключом ЭЦП (статус станет «подлинный»).',
    'cmd.whoami.summary': 'Кто вошёл: аккаунт, статус, активная роль, срок сессии и где она хранится.',
    'cmd.topic.account': 'Учётная запись OneID: смена и восстановление пароля.',
    'cmd.topic.le.employees':
      'Сотрудники, которым руководитель поручил действовать от имени организации (бухгалтер, …).',
    'cmd.le.show.summary':
      'Показать организацию, от имени которой вы действуете: данные реестра, сотрудники и их роли.',
    'cmd.le.employees.list.summary':
      'Список сотрудников, уполномоченных вашей организацией (только руководитель).',
    'cmd.le.employees.add.summary':
      'Уполномочить человека (по ПИНФЛ) действовать от имени организации в роли.',
    'cmd.le.employees.remove.summary': 'Отозвать полномочия сотрудника: в роли сразу отказывается.',
    'cmd.account.passwd.summary': 'Сменить пароль учётной записи; все её сессии завершаются.',
    'cmd.account.recover.summary':
      'Забыли логин или пароль? Подтвердите личность, получите SMS-код, задайте новый пароль.',
  },
  uz: {
    'cmd.topic.config':
      'Sozlamalar va profillarni ko‘rish va o‘zgartirish (portal, til, kalit papkalari, saqlash).',
    'cmd.topic.help': 'Yordam bo‘limlari: chiqish kodlari va muhit o‘zgaruvchilari.',
    'cmd.topic.key':
      'ERI kalitlari: ro‘yxat, ko‘rish, tashxis, parolni almashtirish, imzolash, tekshirish, vaqt tamg‘asi, ariza.',
    'cmd.topic.sandbox':
      'Mahalliy sandbox portal: ishga tushirish, to‘xtatish, reyestrlar, chiquvchi xabarlar, tasdiqlash.',
    'cmd.topic.le':
      'Akkauntingizga bog‘langan yuridik shaxslar, nomidan ish yuritayotgan tashkilot va uning xodimlari.',
    'cmd.topic.ca': 'Portalning sertifikatlash markazi: tekshirish uchun ishonchli sertifikatlar.',
    'cmd.ca.get.summary': 'Portal SM sertifikatlarini (--ca uchun fayl) PEM ko‘rinishida yozish.',
    'cmd.flag.json': 'Natijani bitta JSON hujjat sifatida chiqarish (xatoda ham).',
    'cmd.flag.lang': 'Xabarlar tili (en, ru, uz); ONEID_LANG orqali ham.',
    'cmd.flag.no-color': 'Rangsiz.',
    'cmd.flag.no-prompt': 'Hech qachon so‘ramaslik; yetishmayotgan qiymat chaqiruv xatosi (kod 2).',
    'cmd.flag.profile': 'Sozlamalar profili.',
    'cmd.flag.revocation':
      'Kalit va imzolovchilarning bekor qilinganligini tekshirish: auto (imkon bo‘lsa tekshirish, noma’lum bo‘lsa ogohlantirish), require (noma’lum bo‘lsa xato) yoki off; ONEID_REVOCATION va profil sozlamasi orqali ham.',
    'cmd.flag.crl':
      'Bekor qilinganlikni tekshirish uchun CRL fayli yoki URL (tarmoqsiz ish); takrorlash mumkin.',
    'cmd.flag.portal':
      'Portalning asosiy manzili (odatda mahalliy sandbox, http://127.0.0.1:8765); ONEID_PORTAL orqali ham.',
    'cmd.config.get.summary': 'Sozlamaning amaldagi qiymatini va qayerdan olinganini ko‘rsatish.',
    'cmd.config.set.summary': 'Sozlamani profilga saqlash.',
    'cmd.config.unset.summary': 'Sozlamani profildan o‘chirish (yana standart qiymat amal qiladi).',
    'cmd.config.list.summary': 'Profilning amaldagi sozlamalarini manbalari bilan ko‘rsatish.',
    'cmd.help.exit-codes.summary': 'Barcha oneid buyruqlari ishlatadigan chiqish kodlarini tushuntirish.',
    'cmd.help.environment.summary': 'oneid o‘qiydigan muhit o‘zgaruvchilarini tushuntirish.',
    'cmd.key.apply.summary':
      'ERI kalitiga onlayn ariza berish: SMS-kod, mahalliy kalit juftligi, foto va selfi, invoys.',
    'cmd.key.doctor.summary':
      '“Kalitim ishlamayapti” tashxisi: papkalar, fleshka, fayllar, parol, muddat, zanjir, soat, portal.',
    'cmd.key.info.summary':
      'Bitta kalit haqida hammasi: egasi, beruvchi, zanjir, algoritm, amal qilish muddati, himoya.',
    'cmd.key.list.summary': 'Fleshkalar va kalit papkalaridagi ERI kalitlari ro‘yxati (parol kerak emas).',
    'cmd.key.passwd.summary':
      'Kalit fayli parolini barcha sertifikat va atributlarni saqlagan holda almashtirish.',
    'cmd.key.sign.summary':
      'Fayllarni kalit bilan imzolash (E-IMZO kabi PKCS#7/CMS), butun paket uchun bitta parol.',
    'cmd.key.status.summary': 'Kalit arizalarini ko‘rsatish va kalit berilishi bilan uni o‘rnatish.',
    'cmd.key.timestamp.summary':
      'Tayyor imzolarga RFC 3161 vaqt tamg‘alarini qo‘shish (har bir imzo chekuvchiga), joyida yoki --out-dir ga.',
    'cmd.key.verify.summary':
      'PKCS#7/CMS imzolarini tekshirish (E-IMZO, OpenSSL): imzolovchi, zanjir, imzo vaqtidagi amal qilish.',
    'cmd.le.bind.summary': 'Yuridik shaxsni tashkilot kaliti bilan tasdiqlangan akkauntga bog‘lash.',
    'cmd.le.list.summary': 'Akkauntga bog‘langan yuridik shaxslar va ulardagi rolingiz ro‘yxati.',
    'cmd.login.summary': 'Portalga login va parol yoki kalit bilan kirish; rolni tanlash.',
    'cmd.logout.summary': 'Chiqish: portaldagi sessiyani yakunlash va uni bu kompyuterdan o‘chirish.',
    'cmd.register.summary':
      'OneID akkauntini ro‘yxatdan o‘tkazish: oferta, JSHSHIR va pasport, reyestr ma’lumotlari, kontaktlar, SMS-kod.',
    'cmd.sandbox.approve.summary':
      'To‘langan kalit arizasini tasdiqlash: sandbox sertifikatlash markazi sertifikat beradi.',
    'cmd.sandbox.outbox.summary':
      'Sandbox “yuborgan” SMS va xatlarni ko‘rsatish (testchilar SMS-kodlarni shu yerdan o‘qiydi).',
    'cmd.sandbox.pay.summary': 'Kalit arizasi invoysini to‘lash (to‘lov tizimlari o‘rniga).',
    'cmd.sandbox.registry.summary':
      'Sandbox reyestrlaridagi shaxslar va tashkilotlar ro‘yxati (test uchun ma’lumotlar).',
    'cmd.sandbox.reject.summary':
      'Ochiq kalit arizasini sababini ko‘rsatib rad etish (ariza beruvchi uni SMS orqali oladi).',
    'cmd.sandbox.revoke.summary':
      'Sandbox sertifikatini bekor qilish (u darhol CRL ro‘yxatida va OCSP javoblarida ko‘rinadi).',
    'cmd.sandbox.reset.summary': 'Sandboxda qilingan hamma narsani o‘chirib tashlash.',
    'cmd.sandbox.start.summary':
      'Mahalliy sandbox portalni ishga tushirish (OneID, kalit berish, E-IMZO-SERVER nuqtalari).',
    'cmd.sandbox.status.summary':
      'Sandbox ishlayaptimi, qayerda va unda nimalar saqlanayotganini ko‘rsatish.',
    'cmd.sandbox.stop.summary': '--detach bilan ishga tushirilgan sandboxni to‘xtatish.',
    'cmd.verify-account.summary':
      'Akkauntni shaxsiy ERI kaliti bilan tasdiqlash (holat “tasdiqlangan” bo‘ladi).',
    'cmd.whoami.summary': 'Kim kirgan: akkaunt, holat, faol rol, sessiya muddati va u qayerda saqlanishi.',
    'cmd.topic.account': 'OneID hisobingiz: parolni o‘zgartirish va tiklash.',
    'cmd.topic.le.employees':
      'Rahbar tashkilot nomidan ish yuritishga vakolat bergan xodimlar (buxgalter, …).',
    'cmd.le.show.summary':
      'Nomidan ish yuritayotgan tashkilotni ko‘rsatish: reyestr ma’lumotlari, xodimlar va ularning rollari.',
    'cmd.le.employees.list.summary': 'Tashkilotingiz vakolat bergan xodimlar ro‘yxati (faqat rahbar).',
    'cmd.le.employees.add.summary':
      'Shaxsga (JShShIR bo‘yicha) tashkilot nomidan rolda ish yuritish vakolatini berish.',
    'cmd.le.employees.remove.summary': 'Xodim vakolatini bekor qilish: rol darhol rad etiladi.',
    'cmd.account.passwd.summary': 'Hisob parolini o‘zgartirish; hisobning barcha seanslari yakunlanadi.',
    'cmd.account.recover.summary':
      'Login yoki parolni unutdingizmi? Shaxsingizni tasdiqlang, SMS kod oling, yangi parol o‘rnating.',
  },
} satisfies Catalog;

const parts = [base, account, agent, agentTrust, apply, keys, sandbox, settings];
const merge = (lang: keyof typeof base) =>
  Object.assign({}, ...parts.map((p) => p[lang])) as Record<string, string>;

/** One `cmd` area, written in one file per command group so that groups never edit each other's. */
export default { en: merge('en'), ru: merge('ru'), uz: merge('uz') } satisfies Catalog;
