import type { Catalog } from '../types.js';

// Messages of the `sign` area. Keys start with `sign.`; every key exists in en, ru and uz
// (test/i18n.test.ts fails on a missing key or on a key no source file uses).
export default {
  en: {
    'sign.error.stdinTwice':
      'Standard input cannot carry both the file list and the key password: use --key-password-file or ONEID_KEY_PASSWORD.',
    'sign.error.keyUsage': 'The certificate {serial} is not meant for signing (key usage).',
    'sign.prompt.keyPassword': 'Key password',
    'sign.error.unsupportedAlgorithm': 'Unsupported signature or digest algorithm: {oid}.',
    'sign.error.malformed': 'This is not a readable PKCS#7/CMS signature ({what}).',
    'sign.error.contentRequired': 'The signature is detached: give the signed file with --content.',
    'sign.error.signerCertMissing': 'The signer’s certificate is not in the signature; give it with --ca.',
    'sign.error.contentTampered': 'The signed content was changed after signing (signer {signer}).',
    'sign.error.contentMismatch':
      'The content does not match this signature: it was made over another file (signer {signer}).',
    'sign.error.signatureInvalid': 'The signature value of {signer} is invalid.',
    'sign.error.chainUntrusted': 'The certificate of {signer} does not chain to a trusted CA.',
    'sign.error.certExpired': 'The certificate of {signer} had expired when the file was signed ({time}).',
    'sign.error.certNotYetValid':
      'The certificate of {signer} was not yet valid when the file was signed ({time}).',
    'sign.error.contentDiffers':
      'The signature carries its own content, and it differs from the content given (signer {signer}).',
    'sign.error.signerKeyDamaged': 'The public key in the certificate of signer {signer} is damaged.',
    'sign.error.publicKeyDamaged': 'The public key in certificate {serial} is damaged and cannot be read.',
    'sign.error.tooManySigners': 'The signature has {found} signers; at most {max} are verified.',
    'sign.error.tooManyCertificates':
      'The signature carries {found} certificates; at most {max} are accepted.',
    'sign.error.tooComplex':
      'The signature needs more than {max} certificate checks to verify; it is refused as too complex.',
    'sign.error.noSigners': 'The signature contains no signers.',
    'sign.error.timestampMalformed': 'The timestamp reply is not valid ({what}).',
    'sign.error.tsaRefused': 'The timestamp service {url} refused the request (status {status}).',
    'sign.error.tsaUnreachable': 'The timestamp service {url} cannot be reached.',
    'sign.error.keyCertMismatch': 'The private key does not belong to certificate {serial}.',
    'sign.error.outputExists':
      '{output} already exists (use --force to overwrite, --resume to skip valid ones, --append to co-sign).',
    'sign.error.io': 'Cannot process {file}: {reason}',
    'sign.error.worker': 'A signing worker failed: {reason}',
    'sign.error.verifyWorker': 'A verification worker failed: {reason}',
    'sign.error.batchFailed': '{failed} of {total} files were not signed.',
    'sign.error.verifyBatchFailed': '{failed} of {total} signatures did not verify.',
    'sign.error.noInputs': 'No files to sign: give files, folders, patterns or --files-from.',
    'sign.error.conflictingModes': 'Use only one of --force, --resume and --append.',
    'sign.error.contentWithMany':
      '--content applies to a single signature; for many detached signatures give --content-dir (the folder of the signed files), or keep each file beside its signature.',
    'sign.error.contentTwice': 'Give either --content or --content-dir, not both.',
    'sign.error.contentMissing':
      'The signed file {path} is not there (detached signatures need their content).',
    'sign.error.inputMissing': 'No such file: {paths}.',
    'sign.error.noSignatures': 'No signatures found: give .p7s files, folders or patterns that match some.',
    'sign.error.jsonWithJsonl':
      '--json and --jsonl cannot go together: --json prints one document at the end, --jsonl one line per file.',
    'sign.warning.digestReversed': '{file}: the message digest is stored in reversed byte order (accepted).',
    'sign.warning.chainUnchecked':
      '{file}: the certificate chain was not checked: give the trusted CA with --ca.',
    'sign.warning.noSigningTime': '{file}: no signing time in the signature; validity was checked for now.',
    'sign.warning.timestampInvalid': '{file}: the embedded timestamp does not verify.',
    'sign.warning.timestampUntrusted':
      '{file}: the embedded timestamp is not from a trusted time-stamping authority (not chained to --ca, or not a timeStamping certificate); its time is not used.',
    'sign.warning.revocationUnknown': '{file}: revocation status {status}.',
    'sign.error.certRevoked':
      'The certificate of {signer} was revoked at {date} ({reason}; {source}), and no trusted timestamp proves the file was signed before (E-IMZO status -11).',
    'sign.error.revocationUnknown':
      'The revocation status of {signer} cannot be established ({why}); --revocation require refuses the signature (E-IMZO status -1).',
    'sign.progress': 'Signed {done} of {total} ({rate}/s, ETA {eta})',
    'sign.summary':
      'Signed: {signed}, co-signed: {appended}, skipped: {skipped}, failed: {failed} ({seconds} s).',
    'sign.file.failed': '{file}: {reason}',
    'sign.file.signed': '{file} → {output}',
    'sign.interrupted':
      'Interrupted: {notStarted} files were not started; run again with --resume to finish.',
    'sign.verify.ok': '{file}: valid — {signers}',
    'sign.verify.failed': '{file}: NOT valid — {reason}',
    'sign.error.signerNotFound': 'The signature has no signer {signer}.',
    'sign.error.signerAmbiguous': 'Several signers of the signature have the serial number {signer}.',
    'sign.error.timestampNotForSigner': 'The timestamp token does not fit signer {signer}: {what}.',
    'sign.error.alreadyTimestamped': 'Signer {signer} already carries a timestamp.',
    'sign.error.fileTimestamped':
      'Every signer already carries a timestamp (--resume skips such files, --force replaces their timestamps).',
    'sign.error.timestampOutputExists':
      '{output} already exists (use --force to overwrite, --resume to skip files already timestamped there).',
    'sign.error.timestampBatchFailed': '{failed} of {total} files were not timestamped.',
    'sign.error.timestampModes': 'Use either --force or --resume, not both.',
    'sign.error.tsaUrl': '--tsa must be an http:// or https:// URL, not "{url}".',
    'sign.timestamp.progress': 'Timestamped {done} of {total} ({rate}/s, ETA {eta})',
    'sign.timestamp.stamped': '{output}: timestamped ({tokens} signers)',
    'sign.timestamp.summary': 'Timestamped: {stamped}, skipped: {skipped}, failed: {failed} ({seconds} s).',
    'sign.timestamp.tsaHint':
      '{notStarted} files were not started; those already timestamped are kept. Check the TSA address (--tsa, or the portal), then run again with --resume.',
    'sign.verify.signer': '{name} (PINFL {pinfl}, TIN {tin}), signed {time}, chain {chain}',
    'sign.verify.revocation': ', revocation: {status}',
  },
  ru: {
    'sign.error.stdinTwice':
      'Стандартный ввод не может нести и список файлов, и пароль ключа: используйте --key-password-file или ONEID_KEY_PASSWORD.',
    'sign.error.keyUsage': 'Сертификат {serial} не предназначен для подписи (назначение ключа).',
    'sign.prompt.keyPassword': 'Пароль ключа',
    'sign.error.unsupportedAlgorithm': 'Неподдерживаемый алгоритм подписи или хэширования: {oid}.',
    'sign.error.malformed': 'Это не читаемая подпись PKCS#7/CMS ({what}).',
    'sign.error.contentRequired': 'Подпись отсоединённая: укажите подписанный файл через --content.',
    'sign.error.signerCertMissing': 'Сертификата подписанта нет в подписи; укажите его через --ca.',
    'sign.error.contentTampered': 'Подписанное содержимое изменено после подписания (подписант {signer}).',
    'sign.error.contentMismatch':
      'Содержимое не соответствует подписи: она сделана для другого файла (подписант {signer}).',
    'sign.error.signatureInvalid': 'Значение подписи {signer} неверно.',
    'sign.error.chainUntrusted': 'Сертификат {signer} не ведёт к доверенному УЦ.',
    'sign.error.certExpired': 'Срок действия сертификата {signer} истёк к моменту подписания ({time}).',
    'sign.error.certNotYetValid': 'Сертификат {signer} ещё не действовал в момент подписания ({time}).',
    'sign.error.contentDiffers':
      'Подпись содержит собственное содержимое, и оно отличается от переданного (подписант {signer}).',
    'sign.error.signerKeyDamaged': 'Открытый ключ в сертификате подписанта {signer} повреждён.',
    'sign.error.publicKeyDamaged': 'Открытый ключ в сертификате {serial} повреждён и не читается.',
    'sign.error.tooManySigners': 'В подписи {found} подписантов; проверяется не более {max}.',
    'sign.error.tooManyCertificates': 'Подпись содержит {found} сертификатов; допускается не более {max}.',
    'sign.error.tooComplex':
      'Для проверки подписи нужно больше {max} проверок сертификатов; она отклонена как слишком сложная.',
    'sign.error.noSigners': 'В подписи нет ни одного подписанта.',
    'sign.error.timestampMalformed': 'Ответ службы меток времени недействителен ({what}).',
    'sign.error.tsaRefused': 'Служба меток времени {url} отклонила запрос (статус {status}).',
    'sign.error.tsaUnreachable': 'Служба меток времени {url} недоступна.',
    'sign.error.keyCertMismatch': 'Закрытый ключ не соответствует сертификату {serial}.',
    'sign.error.outputExists':
      '{output} уже существует (--force — перезаписать, --resume — пропустить действительные, --append — добавить подпись).',
    'sign.error.io': 'Не удаётся обработать {file}: {reason}',
    'sign.error.worker': 'Сбой потока подписания: {reason}',
    'sign.error.verifyWorker': 'Сбой потока проверки подписей: {reason}',
    'sign.error.batchFailed': 'Не подписано файлов: {failed} из {total}.',
    'sign.error.verifyBatchFailed': 'Не прошли проверку подписей: {failed} из {total}.',
    'sign.error.noInputs': 'Нет файлов для подписи: укажите файлы, папки, шаблоны или --files-from.',
    'sign.error.conflictingModes': 'Укажите только один из флагов --force, --resume и --append.',
    'sign.error.contentWithMany':
      '--content относится к одной подписи; для многих отсоединённых подписей укажите --content-dir (папку подписанных файлов) или держите каждый файл рядом с его подписью.',
    'sign.error.contentTwice': 'Укажите либо --content, либо --content-dir, но не оба.',
    'sign.error.contentMissing': 'Подписанного файла {path} нет (отсоединённой подписи нужно её содержимое).',
    'sign.error.inputMissing': 'Файл не найден: {paths}.',
    'sign.error.noSignatures':
      'Подписи не найдены: укажите файлы .p7s, папки или шаблоны, которым что-то соответствует.',
    'sign.error.jsonWithJsonl':
      '--json и --jsonl нельзя использовать вместе: --json печатает один документ в конце, --jsonl — строку на каждый файл.',
    'sign.warning.digestReversed': '{file}: хэш сообщения записан в обратном порядке байтов (принято).',
    'sign.warning.chainUnchecked':
      '{file}: цепочка сертификатов не проверялась: укажите доверенный УЦ через --ca.',
    'sign.warning.noSigningTime':
      '{file}: в подписи нет времени подписания; срок действия проверен на текущий момент.',
    'sign.warning.timestampInvalid': '{file}: встроенная метка времени не прошла проверку.',
    'sign.warning.timestampUntrusted':
      '{file}: встроенная метка времени выдана недоверенной службой (не ведёт к --ca или не сертификат timeStamping); её время не используется.',
    'sign.warning.revocationUnknown': '{file}: статус отзыва {status}.',
    'sign.error.certRevoked':
      'Сертификат {signer} отозван {date} ({reason}; {source}), и нет доверенной метки времени, доказывающей, что файл подписан раньше (статус E-IMZO -11).',
    'sign.error.revocationUnknown':
      'Статус отзыва {signer} установить не удалось ({why}); --revocation require не принимает подпись (статус E-IMZO -1).',
    'sign.progress': 'Подписано {done} из {total} ({rate}/с, осталось {eta})',
    'sign.summary':
      'Подписано: {signed}, добавлено подписей: {appended}, пропущено: {skipped}, ошибок: {failed} ({seconds} с).',
    'sign.file.failed': '{file}: {reason}',
    'sign.file.signed': '{file} → {output}',
    'sign.interrupted':
      'Прервано: {notStarted} файлов не начато; запустите снова с --resume, чтобы завершить.',
    'sign.verify.ok': '{file}: действительна — {signers}',
    'sign.verify.failed': '{file}: НЕ действительна — {reason}',
    'sign.error.signerNotFound': 'В подписи нет подписанта {signer}.',
    'sign.error.signerAmbiguous': 'У нескольких подписантов подписи серийный номер {signer}.',
    'sign.error.timestampNotForSigner': 'Метка времени не подходит подписанту {signer}: {what}.',
    'sign.error.alreadyTimestamped': 'У подписанта {signer} уже есть метка времени.',
    'sign.error.fileTimestamped':
      'У всех подписантов уже есть метка времени (--resume пропускает такие файлы, --force заменяет их метки).',
    'sign.error.timestampOutputExists':
      '{output} уже существует (--force — перезаписать, --resume — пропустить файлы, уже снабжённые меткой времени).',
    'sign.error.timestampBatchFailed': 'Не получили метку времени файлов: {failed} из {total}.',
    'sign.error.timestampModes': 'Укажите либо --force, либо --resume, но не оба.',
    'sign.error.tsaUrl': '--tsa должен быть адресом http:// или https://, а не «{url}».',
    'sign.timestamp.progress': 'Метки времени: {done} из {total} ({rate}/с, осталось {eta})',
    'sign.timestamp.stamped': '{output}: метка времени добавлена (подписантов: {tokens})',
    'sign.timestamp.summary':
      'С меткой времени: {stamped}, пропущено: {skipped}, ошибок: {failed} ({seconds} с).',
    'sign.timestamp.tsaHint':
      'Не начато файлов: {notStarted}; уже снабжённые меткой времени сохранены. Проверьте адрес службы меток времени (--tsa или портал) и запустите снова с --resume.',
    'sign.verify.signer': '{name} (ПИНФЛ {pinfl}, ИНН {tin}), подписано {time}, цепочка {chain}',
    'sign.verify.revocation': ', отзыв: {status}',
  },
  uz: {
    'sign.error.stdinTwice':
      'Standart kirish bir vaqtda fayllar ro‘yxatini ham, kalit parolini ham bera olmaydi: --key-password-file yoki ONEID_KEY_PASSWORD dan foydalaning.',
    'sign.error.keyUsage':
      '{serial} sertifikati imzolash uchun mo‘ljallanmagan (kalitdan foydalanish maqsadi).',
    'sign.prompt.keyPassword': 'Kalit paroli',
    'sign.error.unsupportedAlgorithm': 'Imzo yoki xesh algoritmi qo‘llab-quvvatlanmaydi: {oid}.',
    'sign.error.malformed': 'Bu o‘qiladigan PKCS#7/CMS imzo emas ({what}).',
    'sign.error.contentRequired': 'Imzo ajratilgan: imzolangan faylni --content bilan ko‘rsating.',
    'sign.error.signerCertMissing': 'Imzo chekuvchining sertifikati imzoda yo‘q; uni --ca bilan ko‘rsating.',
    'sign.error.contentTampered':
      'Imzolangan mazmun imzolangandan keyin o‘zgartirilgan (imzo chekuvchi {signer}).',
    'sign.error.contentMismatch':
      'Mazmun bu imzoga mos emas: imzo boshqa fayl uchun qo‘yilgan (imzo chekuvchi {signer}).',
    'sign.error.signatureInvalid': '{signer} imzosining qiymati noto‘g‘ri.',
    'sign.error.chainUntrusted': '{signer} sertifikati ishonchli sertifikatlash markaziga olib bormaydi.',
    'sign.error.certExpired': '{signer} sertifikatining muddati imzolash paytida tugagan edi ({time}).',
    'sign.error.certNotYetValid': '{signer} sertifikati imzolash paytida hali kuchga kirmagan edi ({time}).',
    'sign.error.contentDiffers':
      'Imzo o‘z mazmunini o‘zida saqlaydi va u berilgan mazmundan farq qiladi (imzo chekuvchi {signer}).',
    'sign.error.signerKeyDamaged': '{signer} imzo chekuvchi sertifikatidagi ochiq kalit shikastlangan.',
    'sign.error.publicKeyDamaged': '{serial} sertifikatidagi ochiq kalit shikastlangan va o‘qib bo‘lmaydi.',
    'sign.error.tooManySigners': 'Imzoda {found} ta imzo chekuvchi bor; ko‘pi bilan {max} tasi tekshiriladi.',
    'sign.error.tooManyCertificates':
      'Imzoda {found} ta sertifikat bor; ko‘pi bilan {max} tasiga ruxsat etiladi.',
    'sign.error.tooComplex':
      'Imzoni tekshirish uchun {max} tadan ortiq sertifikat tekshiruvi kerak; u juda murakkab deb rad etildi.',
    'sign.error.noSigners': 'Imzoda birorta ham imzo chekuvchi yo‘q.',
    'sign.error.timestampMalformed': 'Vaqt tamg‘asi xizmatining javobi yaroqsiz ({what}).',
    'sign.error.tsaRefused': 'Vaqt tamg‘asi xizmati {url} so‘rovni rad etdi (holat {status}).',
    'sign.error.tsaUnreachable': 'Vaqt tamg‘asi xizmati {url} bilan bog‘lanib bo‘lmadi.',
    'sign.error.keyCertMismatch': 'Yopiq kalit {serial} sertifikatiga tegishli emas.',
    'sign.error.outputExists':
      '{output} allaqachon mavjud (--force — ustidan yozish, --resume — yaroqlilarini o‘tkazib yuborish, --append — imzo qo‘shish).',
    'sign.error.io': '{file} ni qayta ishlab bo‘lmadi: {reason}',
    'sign.error.worker': 'Imzolash oqimi ishdan chiqdi: {reason}',
    'sign.error.verifyWorker': 'Imzolarni tekshirish oqimi ishdan chiqdi: {reason}',
    'sign.error.batchFailed': '{total} ta fayldan {failed} tasi imzolanmadi.',
    'sign.error.verifyBatchFailed': '{total} ta imzodan {failed} tasi tekshiruvdan o‘tmadi.',
    'sign.error.noInputs':
      'Imzolash uchun fayl yo‘q: fayllar, papkalar, andozalar yoki --files-from ni ko‘rsating.',
    'sign.error.conflictingModes': '--force, --resume va --append dan faqat bittasini ishlating.',
    'sign.error.contentWithMany':
      '--content bitta imzoga tegishli; ko‘p ajratilgan imzolar uchun --content-dir (imzolangan fayllar papkasi) ni ko‘rsating yoki har bir faylni imzosi yonida saqlang.',
    'sign.error.contentTwice': '--content yoki --content-dir dan birini ko‘rsating, ikkalasini emas.',
    'sign.error.contentMissing': '{path} imzolangan fayli yo‘q (ajratilgan imzoga uning mazmuni kerak).',
    'sign.error.inputMissing': 'Bunday fayl yo‘q: {paths}.',
    'sign.error.noSignatures':
      'Imzo topilmadi: .p7s fayllari, papkalar yoki biror narsaga mos keladigan shablonlarni ko‘rsating.',
    'sign.error.jsonWithJsonl':
      '--json va --jsonl birga ishlatilmaydi: --json oxirida bitta hujjat, --jsonl har bir fayl uchun bitta qator chiqaradi.',
    'sign.warning.digestReversed': '{file}: xabar xeshi teskari bayt tartibida yozilgan (qabul qilindi).',
    'sign.warning.chainUnchecked':
      '{file}: sertifikatlar zanjiri tekshirilmadi: ishonchli markazni --ca bilan ko‘rsating.',
    'sign.warning.noSigningTime':
      '{file}: imzoda imzolash vaqti yo‘q; amal qilish muddati hozirgi vaqtga tekshirildi.',
    'sign.warning.timestampInvalid': '{file}: ichki vaqt tamg‘asi tekshiruvdan o‘tmadi.',
    'sign.warning.timestampUntrusted':
      '{file}: ichki vaqt tamg‘asi ishonchsiz xizmatdan (--ca ga olib bormaydi yoki timeStamping sertifikati emas); uning vaqti ishlatilmaydi.',
    'sign.warning.revocationUnknown': '{file}: bekor qilinganlik holati {status}.',
    'sign.error.certRevoked':
      '{signer} sertifikati {date} da bekor qilingan ({reason}; {source}) va fayl undan oldin imzolanganini isbotlovchi ishonchli vaqt tamg‘asi yo‘q (E-IMZO holati -11).',
    'sign.error.revocationUnknown':
      '{signer} ning bekor qilinganlik holatini aniqlab bo‘lmadi ({why}); --revocation require imzoni qabul qilmaydi (E-IMZO holati -1).',
    'sign.progress': '{total} tadan {done} tasi imzolandi ({rate}/s, qoldi {eta})',
    'sign.summary':
      'Imzolandi: {signed}, imzo qo‘shildi: {appended}, o‘tkazib yuborildi: {skipped}, xato: {failed} ({seconds} s).',
    'sign.file.failed': '{file}: {reason}',
    'sign.file.signed': '{file} → {output}',
    'sign.interrupted':
      'To‘xtatildi: {notStarted} ta fayl boshlanmadi; yakunlash uchun --resume bilan qayta ishga tushiring.',
    'sign.verify.ok': '{file}: yaroqli — {signers}',
    'sign.verify.failed': '{file}: yaroqsiz — {reason}',
    'sign.error.signerNotFound': 'Imzoda {signer} imzo chekuvchisi yo‘q.',
    'sign.error.signerAmbiguous': 'Imzoning bir nechta imzo chekuvchisida {signer} seriya raqami bor.',
    'sign.error.timestampNotForSigner': 'Vaqt tamg‘asi {signer} imzo chekuvchisiga mos emas: {what}.',
    'sign.error.alreadyTimestamped': '{signer} imzo chekuvchisida allaqachon vaqt tamg‘asi bor.',
    'sign.error.fileTimestamped':
      'Barcha imzo chekuvchilarda allaqachon vaqt tamg‘asi bor (--resume bunday fayllarni o‘tkazib yuboradi, --force tamg‘alarini almashtiradi).',
    'sign.error.timestampOutputExists':
      '{output} allaqachon mavjud (--force — ustidan yozish, --resume — u yerda vaqt tamg‘asi qo‘yilgan fayllarni o‘tkazib yuborish).',
    'sign.error.timestampBatchFailed': '{total} ta fayldan {failed} tasiga vaqt tamg‘asi qo‘yilmadi.',
    'sign.error.timestampModes': '--force yoki --resume dan birini ishlating, ikkalasini emas.',
    'sign.error.tsaUrl': '--tsa http:// yoki https:// manzil bo‘lishi kerak, «{url}» emas.',
    'sign.timestamp.progress': '{total} tadan {done} tasiga vaqt tamg‘asi qo‘yildi ({rate}/s, qoldi {eta})',
    'sign.timestamp.stamped': '{output}: vaqt tamg‘asi qo‘shildi ({tokens} ta imzo chekuvchi)',
    'sign.timestamp.summary':
      'Vaqt tamg‘asi qo‘yildi: {stamped}, o‘tkazib yuborildi: {skipped}, xato: {failed} ({seconds} s).',
    'sign.timestamp.tsaHint':
      '{notStarted} ta fayl boshlanmadi; vaqt tamg‘asi qo‘yilganlari saqlandi. Vaqt tamg‘asi xizmati manzilini (--tsa yoki portal) tekshiring va --resume bilan qayta ishga tushiring.',
    'sign.verify.signer': '{name} (JSHSHIR {pinfl}, STIR {tin}), imzolangan {time}, zanjir {chain}',
    'sign.verify.revocation': ', bekor qilinganlik: {status}',
  },
} satisfies Catalog;
