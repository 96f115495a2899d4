import type { Catalog } from '../../types.js';

// Help texts of the config, help and ca commands (see src/cli/help.ts for the keys): cmd.<id>.description,
// cmd.<id>.flag.<name>, cmd.<id>.arg.<name>, in en, ru and uz. Part of the `cmd` area.
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
  },
} satisfies Catalog;
