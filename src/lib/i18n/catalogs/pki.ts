import type { Catalog } from '../types.js';

// Messages of the `pki` area. Keys start with `pki.`; every key exists in en, ru and uz
// (test/i18n.test.ts fails on a missing key or on a key no source file uses).
export default {
  en: {
    'pki.error.keyExpired': 'The key {serial} expired on {to}: it can no longer sign.',
    'pki.error.keyNotYetValid': 'The key {serial} is valid only from {from}.',
    'pki.hint.newKey': 'Get a new key: oneid key apply.',
    'pki.error.der': 'Malformed data: {what} at byte {offset}.',
    'pki.error.derOverrun': 'Malformed data: a value runs past its container at byte {offset}.',
    'pki.error.notPfx': 'The key file is damaged or not a PKCS#12 file.',
    'pki.error.nameAttribute': 'Unknown name attribute "{type}".',
    'pki.error.pfx': 'The key file is damaged or not a PKCS#12 file ({what}).',
    'pki.error.unsupportedAlgorithm': 'Unsupported algorithm {oid}.',
    'pki.error.key': 'The key inside the file is damaged.',
    'pki.error.certificate': 'The certificate is damaged or not an X.509 certificate.',
    'pki.error.certificateKey': 'The public key in certificate {serial} is damaged: the key cannot be used.',
    'pki.error.pem': 'No "{label}" block found in the PEM text.',
    'pki.error.alias': 'The key alias "{alias}" is not in the E-IMZO format.',
    'pki.error.password': 'Wrong key password.',
    'pki.hint.password':
      'Check the keyboard layout and Caps Lock. The key password was given when the key was issued (it may have come by SMS).',
    'pki.error.noKey': 'The key file holds no private key.',
    'pki.error.noCertificate': 'The key file holds no certificate for its private key.',
    'pki.error.csr': 'The certificate request (PKCS#10) is damaged.',
    'pki.error.iterations':
      'The key file asks for {count} iterations of password hashing; at most {max} are accepted (real key files use 1,024–600,000).',
    'pki.error.iterationsTotal':
      'Opening the key file would take more than {max} rounds of password hashing in all (too many encrypted parts).',
    'pki.hint.iterations':
      'If the file is yours, re-export the key with fewer iterations, e.g. with OpenSSL (add -legacy to the first command for old files): openssl pkcs12 -in old.pfx -nodes | openssl pkcs12 -export -iter 10000 -out new.pfx',
  },
  ru: {
    'pki.error.keyExpired': 'Срок действия ключа {serial} истёк {to}: им больше нельзя подписывать.',
    'pki.error.keyNotYetValid': 'Ключ {serial} действует только с {from}.',
    'pki.hint.newKey': 'Получите новый ключ: oneid key apply.',
    'pki.error.der': 'Повреждённые данные: {what}, байт {offset}.',
    'pki.error.derOverrun':
      'Повреждённые данные: значение выходит за пределы своей структуры, байт {offset}.',
    'pki.error.notPfx': 'Файл ключа повреждён или не является файлом PKCS#12.',
    'pki.error.nameAttribute': 'Неизвестный атрибут имени «{type}».',
    'pki.error.pfx': 'Файл ключа повреждён или не является файлом PKCS#12 ({what}).',
    'pki.error.unsupportedAlgorithm': 'Алгоритм {oid} не поддерживается.',
    'pki.error.key': 'Ключ внутри файла повреждён.',
    'pki.error.certificate': 'Сертификат повреждён или не является сертификатом X.509.',
    'pki.error.certificateKey': 'Открытый ключ в сертификате {serial} повреждён: ключ нельзя использовать.',
    'pki.error.pem': 'В тексте PEM нет блока «{label}».',
    'pki.error.alias': 'Псевдоним ключа «{alias}» не в формате E-IMZO.',
    'pki.error.password': 'Неверный пароль ключа.',
    'pki.hint.password':
      'Проверьте раскладку клавиатуры и Caps Lock. Пароль ключа выдаётся при получении ключа (мог прийти по SMS).',
    'pki.error.noKey': 'В файле ключа нет закрытого ключа.',
    'pki.error.noCertificate': 'В файле ключа нет сертификата для его закрытого ключа.',
    'pki.error.csr': 'Запрос на сертификат (PKCS#10) повреждён.',
    'pki.error.iterations':
      'Файл ключа требует {count} итераций хеширования пароля; допускается не более {max} (настоящие файлы ключей используют 1024–600000).',
    'pki.error.iterationsTotal':
      'Открытие файла ключа потребовало бы в сумме более {max} раундов хеширования пароля (слишком много зашифрованных частей).',
    'pki.hint.iterations':
      'Если это ваш файл, экспортируйте ключ заново с меньшим числом итераций, например OpenSSL (для старых файлов добавьте -legacy в первую команду): openssl pkcs12 -in old.pfx -nodes | openssl pkcs12 -export -iter 10000 -out new.pfx',
  },
  uz: {
    'pki.error.keyExpired': '{serial} kalitining muddati {to} da tugagan: u bilan endi imzolab bo‘lmaydi.',
    'pki.error.keyNotYetValid': '{serial} kaliti faqat {from} dan amal qiladi.',
    'pki.hint.newKey': 'Yangi kalit oling: oneid key apply.',
    'pki.error.der': 'Ma’lumotlar buzilgan: {what}, {offset}-bayt.',
    'pki.error.derOverrun':
      'Ma’lumotlar buzilgan: qiymat o‘z tuzilmasidan tashqariga chiqadi, {offset}-bayt.',
    'pki.error.notPfx': 'Kalit fayli buzilgan yoki PKCS#12 fayli emas.',
    'pki.error.nameAttribute': 'Nomning noma’lum atributi "{type}".',
    'pki.error.pfx': 'Kalit fayli buzilgan yoki PKCS#12 fayli emas ({what}).',
    'pki.error.unsupportedAlgorithm': '{oid} algoritmi qo‘llab-quvvatlanmaydi.',
    'pki.error.key': 'Fayl ichidagi kalit buzilgan.',
    'pki.error.certificate': 'Sertifikat buzilgan yoki X.509 sertifikati emas.',
    'pki.error.certificateKey':
      '{serial} sertifikatidagi ochiq kalit buzilgan: kalitdan foydalanib bo‘lmaydi.',
    'pki.error.pem': 'PEM matnida "{label}" bloki topilmadi.',
    'pki.error.alias': 'Kalit taxallusi "{alias}" E-IMZO formatida emas.',
    'pki.error.password': 'Kalit paroli noto‘g‘ri.',
    'pki.hint.password':
      'Klaviatura tilini va Caps Lock’ni tekshiring. Kalit paroli kalit berilganda beriladi (SMS orqali kelgan bo‘lishi mumkin).',
    'pki.error.noKey': 'Kalit faylida yopiq kalit yo‘q.',
    'pki.error.noCertificate': 'Kalit faylida yopiq kalit uchun sertifikat yo‘q.',
    'pki.error.csr': 'Sertifikat so‘rovi (PKCS#10) buzilgan.',
    'pki.error.iterations':
      'Kalit fayli parolni xeshlashning {count} iteratsiyasini talab qiladi; ko‘pi bilan {max} qabul qilinadi (haqiqiy kalit fayllari 1024–600000 dan foydalanadi).',
    'pki.error.iterationsTotal':
      'Kalit faylini ochish jami {max} dan ortiq parol xeshlash raundini talab qiladi (shifrlangan qismlar juda ko‘p).',
    'pki.hint.iterations':
      'Agar fayl sizniki bo‘lsa, kalitni kamroq iteratsiya bilan qayta eksport qiling, masalan OpenSSL bilan (eski fayllar uchun birinchi buyruqqa -legacy qo‘shing): openssl pkcs12 -in old.pfx -nodes | openssl pkcs12 -export -iter 10000 -out new.pfx',
  },
} satisfies Catalog;
