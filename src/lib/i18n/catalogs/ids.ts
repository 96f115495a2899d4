import type { Catalog } from '../types.js';

// Messages of the `ids` area (src/lib/ids): what exactly is wrong with a PINFL, TIN, passport,
// phone, login or password. Russian follows the portal's wording (ПИНФЛ, ИНН (СТИР)); Uzbek is
// Latin script (JSHSHIR, STIR). Counts are phrased as "…: {count}" to avoid plural agreement.
export default {
  en: {
    'ids.pinfl.hint':
      'The PINFL is the 14-digit personal number printed in the passport (on an ID card, on the back).',
    'ids.pinfl.length': 'A PINFL has 14 digits, but {count} characters were given.',
    'ids.pinfl.notDigit': 'Character {position} of the PINFL is “{char}”: a PINFL has digits only.',
    'ids.pinfl.firstDigit':
      'Digit 1 of the PINFL is {digit}, but it must be 1–6 (it encodes the century of birth and the sex).',
    'ids.pinfl.birthDate': 'The birth date {date} in the PINFL (digits 2–7, DDMMYY) does not exist.',
    'ids.pinfl.birthDateFuture': 'The birth date {date} in the PINFL (digits 2–7, DDMMYY) is in the future.',
    'ids.pinfl.district': 'The district code in the PINFL (digits 8–10) must be 001–999, not {value}.',
    'ids.pinfl.serial': 'The serial number in the PINFL (digits 11–13) must be 001–999, not {value}.',
    'ids.pinfl.checkDigit':
      'Digit 14 of the PINFL should be {expected}, not {actual}: it is the check digit, so one of the digits is probably mistyped.',
    'ids.pinfl.yearRange':
      'A PINFL can only encode a birth date in the years 1800–2099, given as YYYY-MM-DD; got “{value}”.',
    'ids.tin.length': 'A TIN (STIR) has 9 digits, but {count} characters were given.',
    'ids.tin.notDigit': 'Character {position} of the TIN is “{char}”: a TIN has digits only.',
    'ids.tin.firstDigit':
      'Digit 1 of the TIN is {digit}, but it must be 2 (legal entity) or 4–7 (individual).',
    'ids.passport.hint': 'A passport or ID card number is 2 Latin letters and 7 digits, e.g. AA1234567.',
    'ids.passport.length':
      'A passport or ID card number has 9 characters (2 letters and 7 digits), but {count} were given.',
    'ids.passport.series': 'The series “{series}” must be 2 Latin letters, e.g. AA.',
    'ids.passport.number': 'The number after the series must be 7 digits, not “{number}”.',
    'ids.phone.hint': 'An Uzbek phone number is +998 and 9 digits, e.g. +998 90 123 45 67 or 90 123 45 67.',
    'ids.phone.notNumber': 'This is not a phone number: “{input}”.',
    'ids.phone.country': 'Only Uzbek numbers (+998) are accepted; this number has country code +{code}.',
    'ids.phone.length': 'An Uzbek number has 9 digits after +998, but {count} were given.',
    'ids.phone.invalid':
      'The number {number} does not exist: {code} is not an operator or area code in use in Uzbekistan.',
    'ids.phone.notMobile':
      'The number {number} is a landline (code {code}); a mobile number is needed to receive SMS.',
    'ids.login.tooShort': 'A login must have at least {min} characters, but this one has {count}.',
    'ids.login.tooLong': 'A login can have at most {max} characters, but this one has {count}.',
    'ids.login.firstChar': 'A login must start with a Latin letter, not “{char}”.',
    'ids.login.character':
      'Character {position} of the login, “{char}”, is not allowed: use Latin letters, digits, “.”, “_” and “-”.',
    'ids.password.weak':
      'The password needs at least {min} characters and at least one special character (not a letter or digit), such as ! @ # $ %.',
    'ids.password.tooShort': 'The password is too short: it needs at least {min} characters.',
    'ids.password.noSpecial':
      'The password needs at least one special character (not a letter or digit), such as ! @ # $ %.',
  },
  ru: {
    'ids.pinfl.hint':
      'ПИНФЛ — 14-значный персональный номер, напечатанный в паспорте (в ID-карте — на обороте).',
    'ids.pinfl.length': 'В ПИНФЛ 14 цифр, а введено символов: {count}.',
    'ids.pinfl.notDigit': 'Символ {position} в ПИНФЛ — «{char}», а ПИНФЛ состоит только из цифр.',
    'ids.pinfl.firstDigit':
      'Первая цифра ПИНФЛ — {digit}, а должна быть от 1 до 6 (она обозначает век рождения и пол).',
    'ids.pinfl.birthDate': 'Даты рождения {date} в ПИНФЛ (цифры 2–7, ДДММГГ) не существует.',
    'ids.pinfl.birthDateFuture': 'Дата рождения {date} в ПИНФЛ (цифры 2–7, ДДММГГ) ещё не наступила.',
    'ids.pinfl.district': 'Код района в ПИНФЛ (цифры 8–10) должен быть от 001 до 999, а не {value}.',
    'ids.pinfl.serial': 'Порядковый номер в ПИНФЛ (цифры 11–13) должен быть от 001 до 999, а не {value}.',
    'ids.pinfl.checkDigit':
      '14-я цифра ПИНФЛ должна быть {expected}, а не {actual}: это контрольная цифра, значит, одна из цифр, вероятно, введена с ошибкой.',
    'ids.pinfl.yearRange':
      'ПИНФЛ может содержать только дату рождения с 1800 по 2099 год в виде ГГГГ-ММ-ДД; получено «{value}».',
    'ids.tin.length': 'В ИНН (СТИР) 9 цифр, а введено символов: {count}.',
    'ids.tin.notDigit': 'Символ {position} в ИНН — «{char}», а ИНН состоит только из цифр.',
    'ids.tin.firstDigit':
      'Первая цифра ИНН — {digit}, а должна быть 2 (юридическое лицо) или от 4 до 7 (физическое лицо).',
    'ids.passport.hint': 'Номер паспорта или ID-карты — 2 латинские буквы и 7 цифр, например AA1234567.',
    'ids.passport.length': 'В номере паспорта или ID-карты 9 знаков (2 буквы и 7 цифр), а введено: {count}.',
    'ids.passport.series': 'Серия «{series}» должна состоять из 2 латинских букв, например AA.',
    'ids.passport.number': 'Номер после серии должен состоять из 7 цифр, а не «{number}».',
    'ids.phone.hint':
      'Номер телефона в Узбекистане — +998 и 9 цифр, например +998 90 123 45 67 или 90 123 45 67.',
    'ids.phone.notNumber': 'Это не номер телефона: «{input}».',
    'ids.phone.country': 'Принимаются только номера Узбекистана (+998), а у этого номера код страны +{code}.',
    'ids.phone.length': 'В номере Узбекистана 9 цифр после +998, а введено: {count}.',
    'ids.phone.invalid':
      'Номера {number} не существует: {code} — не используемый в Узбекистане код оператора или города.',
    'ids.phone.notMobile':
      'Номер {number} — стационарный (код {code}), а для получения SMS нужен мобильный номер.',
    'ids.login.tooShort': 'В логине должно быть не меньше {min} символов, а в этом: {count}.',
    'ids.login.tooLong': 'В логине может быть не больше {max} символов, а в этом: {count}.',
    'ids.login.firstChar': 'Логин должен начинаться с латинской буквы, а не с «{char}».',
    'ids.login.character':
      'Символ {position} логина, «{char}», недопустим: используйте латинские буквы, цифры, «.», «_» и «-».',
    'ids.password.weak':
      'В пароле должно быть не меньше {min} символов и хотя бы один специальный символ (не буква и не цифра), например ! @ # $ %.',
    'ids.password.tooShort': 'Пароль слишком короткий: нужно не меньше {min} символов.',
    'ids.password.noSpecial':
      'В пароле должен быть хотя бы один специальный символ (не буква и не цифра), например ! @ # $ %.',
  },
  uz: {
    'ids.pinfl.hint': 'JSHSHIR — pasportda yozilgan 14 xonali shaxsiy raqam (ID-kartada — orqa tomonida).',
    'ids.pinfl.length': 'JSHSHIR 14 ta raqamdan iborat, kiritilgan belgilar soni: {count}.',
    'ids.pinfl.notDigit': 'JSHSHIRning {position}-belgisi «{char}», JSHSHIR esa faqat raqamlardan iborat.',
    'ids.pinfl.firstDigit':
      'JSHSHIRning birinchi raqami {digit}, lekin u 1 dan 6 gacha bo‘lishi kerak (u tug‘ilgan asr va jinsni bildiradi).',
    'ids.pinfl.birthDate': 'JSHSHIRdagi {date} tug‘ilgan sanasi (2–7-raqamlar, KKOOYY) mavjud emas.',
    'ids.pinfl.birthDateFuture': 'JSHSHIRdagi {date} tug‘ilgan sanasi (2–7-raqamlar, KKOOYY) hali kelmagan.',
    'ids.pinfl.district':
      'JSHSHIRdagi tuman kodi (8–10-raqamlar) 001 dan 999 gacha bo‘lishi kerak, {value} emas.',
    'ids.pinfl.serial':
      'JSHSHIRdagi tartib raqami (11–13-raqamlar) 001 dan 999 gacha bo‘lishi kerak, {value} emas.',
    'ids.pinfl.checkDigit':
      'JSHSHIRning 14-raqami {actual} emas, {expected} bo‘lishi kerak: bu nazorat raqami, demak raqamlardan biri xato kiritilgan bo‘lsa kerak.',
    'ids.pinfl.yearRange':
      'JSHSHIR faqat 1800–2099 yillardagi tug‘ilgan sanani YYYY-OO-KK ko‘rinishida saqlay oladi; berilgan qiymat: «{value}».',
    'ids.tin.length': 'STIR 9 ta raqamdan iborat, kiritilgan belgilar soni: {count}.',
    'ids.tin.notDigit': 'STIRning {position}-belgisi «{char}», STIR esa faqat raqamlardan iborat.',
    'ids.tin.firstDigit':
      'STIRning birinchi raqami {digit}, lekin u 2 (yuridik shaxs) yoki 4 dan 7 gacha (jismoniy shaxs) bo‘lishi kerak.',
    'ids.passport.hint':
      'Pasport yoki ID-karta raqami 2 ta lotin harfi va 7 ta raqamdan iborat, masalan AA1234567.',
    'ids.passport.length':
      'Pasport yoki ID-karta raqami 9 ta belgidan (2 ta harf va 7 ta raqam) iborat, kiritilgani: {count}.',
    'ids.passport.series': '«{series}» seriyasi 2 ta lotin harfidan iborat bo‘lishi kerak, masalan AA.',
    'ids.passport.number': 'Seriyadan keyingi raqam 7 ta raqamdan iborat bo‘lishi kerak, «{number}» emas.',
    'ids.phone.hint':
      'O‘zbekiston telefon raqami +998 va 9 ta raqamdan iborat, masalan +998 90 123 45 67 yoki 90 123 45 67.',
    'ids.phone.notNumber': 'Bu telefon raqami emas: «{input}».',
    'ids.phone.country':
      'Faqat O‘zbekiston raqamlari (+998) qabul qilinadi, bu raqamning mamlakat kodi esa +{code}.',
    'ids.phone.length': 'O‘zbekiston raqamida +998 dan keyin 9 ta raqam bo‘ladi, kiritilgani: {count}.',
    'ids.phone.invalid':
      '{number} raqami mavjud emas: {code} O‘zbekistonda ishlatiladigan operator yoki shahar kodi emas.',
    'ids.phone.notMobile':
      '{number} — statsionar raqam ({code} kodi), SMS olish uchun esa mobil raqam kerak.',
    'ids.login.tooShort': 'Login kamida {min} ta belgidan iborat bo‘lishi kerak, bunisida: {count}.',
    'ids.login.tooLong': 'Login ko‘pi bilan {max} ta belgidan iborat bo‘lishi mumkin, bunisida: {count}.',
    'ids.login.firstChar': 'Login «{char}» bilan emas, lotin harfi bilan boshlanishi kerak.',
    'ids.login.character':
      'Loginning {position}-belgisi «{char}» ruxsat etilmagan: lotin harflari, raqamlar, «.», «_» va «-» dan foydalaning.',
    'ids.password.weak':
      'Parol kamida {min} ta belgidan iborat bo‘lishi va kamida bitta maxsus belgini (harf ham, raqam ham emas) o‘z ichiga olishi kerak, masalan ! @ # $ %.',
    'ids.password.tooShort': 'Parol juda qisqa: kamida {min} ta belgi kerak.',
    'ids.password.noSpecial':
      'Parolda kamida bitta maxsus belgi (harf ham, raqam ham emas) bo‘lishi kerak, masalan ! @ # $ %.',
  },
} satisfies Catalog;
