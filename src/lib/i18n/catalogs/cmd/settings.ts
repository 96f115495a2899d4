import type { Catalog } from '../../types.js';

// Help texts of the config, help and ca commands (see src/cli/help.ts for the keys): cmd.<id>.description,
// cmd.<id>.flag.<name>, cmd.<id>.arg.<name>, in en, ru and uz. Part of the `cmd` area.
// Also the shared flags of src/cli/flags and src/cli/secrets.ts: cmd.flag.<name>.
export default {
  en: {
    'cmd.ca.get.description': `Fetches the portal's root CA certificate (with --tsa also its time-stamping certificate) and
writes it as PEM: to FILE, or to stdout when no FILE is given. This is the file that
"key verify --ca", "key doctor --ca" and OpenSSL's -CAfile take. The SHA-256 fingerprint is printed
so that you can compare it with the one the portal publishes elsewhere. An existing FILE is
replaced only with --force.

JSON result: { portal, file?, certificates: [{ role: "ca" | "tsa", subject, serial, validTo, sha256 }] }`,
    'cmd.ca.get.arg.file': 'Where to write the PEM bundle (default: stdout).',
    'cmd.ca.get.flag.tsa': 'Add the time-stamping authority certificate.',
    'cmd.ca.get.flag.force': 'Replace FILE if it exists.',
    'cmd.config.get.description': `Settings: portal, lang, key-roots, storage. The value printed is the effective one (flag >
environment > profile > default); --json adds its source.

JSON result: { profile, key, value, source: "flag" | "env" | "profile" | "default", origin? }`,
    'cmd.config.get.arg.key': 'Setting name: portal, lang, key-roots or storage.',
    'cmd.config.set.description': `Settings: portal (http/https URL), lang (en, ru, uz), key-roots (folders searched for keys,
separated by ":" or ","), storage (keychain or file: file keeps sessions in a 0600 file instead of
the OS keychain). Values are checked before they are written.

JSON result: { profile, key, value, path }`,
    'cmd.config.set.arg.key': 'Setting name: portal, lang, key-roots or storage.',
    'cmd.config.set.arg.value': 'New value.',
    'cmd.config.unset.description': `Removes the setting from the profile; the environment or the built-in default applies again,
and the effective value is shown.

JSON result: { profile, key, removed, effective }`,
    'cmd.config.unset.arg.key': 'Setting name: portal, lang, key-roots or storage.',
    'cmd.config.list.description': `Shows every setting (portal, lang, key-roots, storage), its effective value and where it comes
from: flag, env (the variable is named), profile, or default.

JSON result: { profile, path, profiles: [names], settings: [{ key, value, source, origin? }] }`,
    'cmd.help.exit-codes.description': `The same table is in the README. Scripts can rely on these numbers.

JSON result: { codes: [{ code, meaning }] }`,
    'cmd.help.environment.description': `Precedence everywhere: flag > environment > profile in the config file > built-in default.
Values of secret variables are never shown.

JSON result: { variables: [{ name, meaning, set }] }`,
    'cmd.flag.data': 'Sandbox data directory (default: the user data dir, oneid/sandbox).',
    'cmd.flag.url': 'URL of a running sandbox (default: the one started for --data).',
    'cmd.flag.insecure-storage':
      'Keep the session in a file only you can read (mode 0600) instead of the OS keychain.',
    'cmd.flag.insecure-storage.description':
      'Also set by the profile setting `storage: file` (`oneid config set storage file`).',
    'cmd.flag.password-file': 'Read the account password from this file (trailing newline trimmed).',
    'cmd.flag.password-stdin': 'Read the account password from standard input.',
    'cmd.flag.sms-code-file': 'Read the SMS code from this file (trailing newline trimmed).',
    'cmd.flag.sms-code-stdin': 'Read the SMS code from standard input.',
    'cmd.flag.new-password-file': 'Read the new account password from this file (trailing newline trimmed).',
    'cmd.flag.new-password-stdin': 'Read the new account password from standard input.',
  },
  ru: {
    'cmd.ca.get.description': `Получает корневой сертификат УЦ портала (с --tsa также сертификат службы штампов времени) и
записывает его в формате PEM: в FILE или, если FILE не указан, в стандартный вывод. Этот файл
принимают "key verify --ca", "key doctor --ca" и -CAfile в OpenSSL. Печатается отпечаток SHA-256,
чтобы его можно было сверить с опубликованным порталом. Существующий FILE заменяется только с --force.

Результат JSON: { portal, file?, certificates: [{ role: "ca" | "tsa", subject, serial, validTo, sha256 }] }`,
    'cmd.ca.get.arg.file': 'Куда записать сертификаты PEM (по умолчанию — стандартный вывод).',
    'cmd.ca.get.flag.tsa': 'Добавить сертификат службы штампов времени.',
    'cmd.ca.get.flag.force': 'Заменить FILE, если он существует.',
    'cmd.config.get.description': `Параметры: portal, lang, key-roots, storage. Печатается действующее значение (флаг > переменная
окружения > профиль > значение по умолчанию); --json добавляет его источник.

Результат JSON: { profile, key, value, source: "flag" | "env" | "profile" | "default", origin? }`,
    'cmd.config.get.arg.key': 'Имя параметра: portal, lang, key-roots или storage.',
    'cmd.config.set.description': `Параметры: portal (адрес http/https), lang (en, ru, uz), key-roots (папки, где ищутся ключи,
через ":" или ","), storage (keychain или file: file хранит сессии в файле с правами 0600 вместо
хранилища ключей ОС). Значения проверяются до записи.

Результат JSON: { profile, key, value, path }`,
    'cmd.config.set.arg.key': 'Имя параметра: portal, lang, key-roots или storage.',
    'cmd.config.set.arg.value': 'Новое значение.',
    'cmd.config.unset.description': `Удаляет параметр из профиля; снова действует переменная окружения или встроенное значение по
умолчанию, и действующее значение показывается.

Результат JSON: { profile, key, removed, effective }`,
    'cmd.config.unset.arg.key': 'Имя параметра: portal, lang, key-roots или storage.',
    'cmd.config.list.description': `Показывает каждый параметр (portal, lang, key-roots, storage), его действующее значение и
источник: флаг, env (с именем переменной), профиль или значение по умолчанию.

Результат JSON: { profile, path, profiles: [имена], settings: [{ key, value, source, origin? }] }`,
    'cmd.help.exit-codes.description': `Та же таблица есть в README. Скрипты могут полагаться на эти числа.

Результат JSON: { codes: [{ code, meaning }] }`,
    'cmd.help.environment.description': `Приоритет везде: флаг > переменная окружения > профиль в файле настроек > встроенное значение
по умолчанию. Значения секретных переменных никогда не показываются.

Результат JSON: { variables: [{ name, meaning, set }] }`,
    'cmd.flag.data': 'Каталог данных песочницы (по умолчанию каталог данных пользователя, oneid/sandbox).',
    'cmd.flag.url': 'Адрес запущенной песочницы (по умолчанию та, что запущена для --data).',
    'cmd.flag.insecure-storage':
      'Хранить сессию в файле, доступном только вам (права 0600), вместо хранилища ключей ОС.',
    'cmd.flag.insecure-storage.description':
      'То же задаёт параметр профиля `storage: file` (`oneid config set storage file`).',
    'cmd.flag.password-file':
      'Прочитать пароль аккаунта из этого файла (перевод строки в конце отбрасывается).',
    'cmd.flag.password-stdin': 'Прочитать пароль аккаунта со стандартного ввода.',
    'cmd.flag.sms-code-file': 'Прочитать SMS-код из этого файла (перевод строки в конце отбрасывается).',
    'cmd.flag.sms-code-stdin': 'Прочитать SMS-код со стандартного ввода.',
    'cmd.flag.new-password-file':
      'Прочитать новый пароль учётной записи из этого файла (завершающий перевод строки отбрасывается).',
    'cmd.flag.new-password-stdin': 'Прочитать новый пароль учётной записи со стандартного ввода.',
  },
  uz: {
    'cmd.ca.get.description': `Portalning ildiz SM sertifikatini (--tsa bilan vaqt tamg‘asi xizmati sertifikatini ham) oladi va
uni PEM ko‘rinishida yozadi: FILE ga yoki FILE berilmasa standart chiqishga. Bu faylni
"key verify --ca", "key doctor --ca" va OpenSSL -CAfile qabul qiladi. SHA-256 izi chop etiladi,
uni portal boshqa joyda e’lon qilgani bilan solishtirish mumkin. Mavjud FILE faqat --force bilan
almashtiriladi.

JSON natija: { portal, file?, certificates: [{ role: "ca" | "tsa", subject, serial, validTo, sha256 }] }`,
    'cmd.ca.get.arg.file': 'PEM sertifikatlar qayerga yozilsin (odatda standart chiqish).',
    'cmd.ca.get.flag.tsa': 'Vaqt tamg‘asi xizmati sertifikatini qo‘shish.',
    'cmd.ca.get.flag.force': 'FILE mavjud bo‘lsa, uni almashtirish.',
    'cmd.config.get.description': `Sozlamalar: portal, lang, key-roots, storage. Amaldagi qiymat chop etiladi (bayroq > muhit
o‘zgaruvchisi > profil > standart qiymat); --json uning manbasini qo‘shadi.

JSON natija: { profile, key, value, source: "flag" | "env" | "profile" | "default", origin? }`,
    'cmd.config.get.arg.key': 'Sozlama nomi: portal, lang, key-roots yoki storage.',
    'cmd.config.set.description': `Sozlamalar: portal (http/https manzil), lang (en, ru, uz), key-roots (kalitlar qidiriladigan
papkalar, ":" yoki "," bilan ajratiladi), storage (keychain yoki file: file sessiyalarni OT kalitlar
ombori o‘rniga 0600 huquqli faylda saqlaydi). Qiymatlar yozilishidan oldin tekshiriladi.

JSON natija: { profile, key, value, path }`,
    'cmd.config.set.arg.key': 'Sozlama nomi: portal, lang, key-roots yoki storage.',
    'cmd.config.set.arg.value': 'Yangi qiymat.',
    'cmd.config.unset.description': `Sozlamani profildan o‘chiradi; yana muhit o‘zgaruvchisi yoki o‘rnatilgan standart qiymat amal
qiladi va amaldagi qiymat ko‘rsatiladi.

JSON natija: { profile, key, removed, effective }`,
    'cmd.config.unset.arg.key': 'Sozlama nomi: portal, lang, key-roots yoki storage.',
    'cmd.config.list.description': `Har bir sozlamani (portal, lang, key-roots, storage), uning amaldagi qiymatini va manbasini
ko‘rsatadi: bayroq, env (o‘zgaruvchi nomi bilan), profil yoki standart qiymat.

JSON natija: { profile, path, profiles: [nomlar], settings: [{ key, value, source, origin? }] }`,
    'cmd.help.exit-codes.description': `Xuddi shu jadval README da bor. Skriptlar bu raqamlarga tayanishi mumkin.

JSON natija: { codes: [{ code, meaning }] }`,
    'cmd.help.environment.description': `Hamma joyda ustuvorlik: bayroq > muhit o‘zgaruvchisi > sozlamalar faylidagi profil > o‘rnatilgan
standart qiymat. Maxfiy o‘zgaruvchilarning qiymatlari hech qachon ko‘rsatilmaydi.

JSON natija: { variables: [{ name, meaning, set }] }`,
    'cmd.flag.data':
      'Sandbox ma’lumotlar katalogi (odatda foydalanuvchi ma’lumotlar katalogi, oneid/sandbox).',
    'cmd.flag.url': 'Ishlayotgan sandbox manzili (odatda --data uchun ishga tushirilgani).',
    'cmd.flag.insecure-storage':
      'Sessiyani OT kalitlar ombori o‘rniga faqat siz o‘qiy oladigan faylda (0600 huquq) saqlash.',
    'cmd.flag.insecure-storage.description':
      'Buni profilning `storage: file` sozlamasi ham belgilaydi (`oneid config set storage file`).',
    'cmd.flag.password-file': 'Akkaunt parolini shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.flag.password-stdin': 'Akkaunt parolini standart kirishdan o‘qish.',
    'cmd.flag.sms-code-file': 'SMS-kodni shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.flag.sms-code-stdin': 'SMS-kodni standart kirishdan o‘qish.',
    'cmd.flag.new-password-file':
      'Yangi hisob parolini shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.flag.new-password-stdin': 'Yangi hisob parolini standart kirishdan o‘qish.',
  },
} satisfies Catalog;
