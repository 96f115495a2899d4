import type { Catalog } from '../types.js';

// Messages of the `session` area (src/lib/session): the session store — OS keychain, the 0600
// file of --insecure-storage, and ONEID_TOKEN. Every key exists in en, ru and uz (Latin).
export default {
  en: {
    'session.error.portal':
      '“{portal}” is not a portal address: give a URL such as https://id.gov.uz or a host such as 127.0.0.1:8765.',
    'session.error.invalidRecord':
      'The session to store is incomplete: portal, login, token, role, expiry and creation time are required.',
    'session.error.corrupt': 'The stored session in {where} is damaged and cannot be read.',
    'session.hint.corrupt': 'Log out (oneid logout) to remove it, then log in again.',
    'session.error.keychainUnavailable': 'The OS keychain is not available: {reason}',
    'session.hint.keychainUnavailable':
      'On Linux the keychain is the Secret Service: start one (e.g. gnome-keyring-daemon in a D-Bus session), or add --insecure-storage to keep the session in a file only you can read.',
    'session.error.keychainLocked': 'The OS keychain is locked: {reason}',
    'session.error.keychainTimeout':
      'The OS keychain did not answer within {seconds} s: it is probably locked and waiting for an unlock prompt that cannot be shown here.',
    'session.hint.keychainLocked':
      'Unlock the keyring (log in to the desktop session, or run gnome-keyring-daemon --unlock and type its password), or add --insecure-storage to keep the session in a file only you can read.',
    'session.error.keychainFailed': 'The OS keychain refused the request: {reason}',
    'session.error.fileIo': 'Cannot read or write the session file {path} ({reason}).',
    'session.error.fileOwner': 'The session file {path} belongs to another user, so it is not used.',
    'session.error.filePermissions':
      'The session file {path} can be read by other users (mode {mode}), so it is not used: its tokens may have been seen.',
    'session.hint.filePermissions':
      'Log out (oneid logout) and log in again to replace the session; if you are sure nobody read it, run chmod 600 {path} instead.',
    'session.error.tokenReadOnly':
      'ONEID_TOKEN is set, so the session comes from the environment and cannot be changed here.',
    'session.hint.tokenReadOnly': 'Unset ONEID_TOKEN to log in or out with a stored session.',
    'session.error.tokenInvalid':
      'ONEID_TOKEN is set but is not a usable token: it contains spaces or control characters.',
  },
  ru: {
    'session.error.portal':
      '«{portal}» — не адрес портала: укажите URL, например https://id.gov.uz, или хост, например 127.0.0.1:8765.',
    'session.error.invalidRecord':
      'Сессия для сохранения неполная: нужны портал, логин, токен, роль, срок действия и время создания.',
    'session.error.corrupt': 'Сохранённая сессия в {where} повреждена и не читается.',
    'session.hint.corrupt': 'Выйдите из системы (oneid logout), чтобы удалить её, и войдите снова.',
    'session.error.keychainUnavailable': 'Системное хранилище паролей (keychain) недоступно: {reason}',
    'session.hint.keychainUnavailable':
      'В Linux хранилище паролей — это Secret Service: запустите его (например, gnome-keyring-daemon в сессии D-Bus) или добавьте --insecure-storage, чтобы хранить сессию в файле, доступном только вам.',
    'session.error.keychainLocked': 'Системное хранилище паролей (keychain) заблокировано: {reason}',
    'session.error.keychainTimeout':
      'Системное хранилище паролей (keychain) не ответило за {seconds} с: вероятно, оно заблокировано и ждёт запроса на разблокировку, который здесь нельзя показать.',
    'session.hint.keychainLocked':
      'Разблокируйте связку ключей (войдите в графическую сессию или выполните gnome-keyring-daemon --unlock и введите её пароль) или добавьте --insecure-storage, чтобы хранить сессию в файле, доступном только вам.',
    'session.error.keychainFailed': 'Системное хранилище паролей (keychain) отклонило запрос: {reason}',
    'session.error.fileIo': 'Не удаётся прочитать или записать файл сессий {path} ({reason}).',
    'session.error.fileOwner':
      'Файл сессий {path} принадлежит другому пользователю, поэтому он не используется.',
    'session.error.filePermissions':
      'Файл сессий {path} доступен для чтения другим пользователям (права {mode}), поэтому он не используется: токены в нём могли быть прочитаны.',
    'session.hint.filePermissions':
      'Выйдите (oneid logout) и войдите снова, чтобы заменить сессию; если вы уверены, что файл никто не читал, выполните chmod 600 {path}.',
    'session.error.tokenReadOnly':
      'Задана переменная ONEID_TOKEN: сессия берётся из окружения, и изменить её здесь нельзя.',
    'session.hint.tokenReadOnly':
      'Удалите переменную ONEID_TOKEN, чтобы входить и выходить с сохранённой сессией.',
    'session.error.tokenInvalid':
      'Переменная ONEID_TOKEN задана, но это не годный токен: в нём есть пробелы или управляющие символы.',
  },
  uz: {
    'session.error.portal':
      '«{portal}» portal manzili emas: https://id.gov.uz kabi URL yoki 127.0.0.1:8765 kabi xostni kiriting.',
    'session.error.invalidRecord':
      'Saqlanadigan seans to‘liq emas: portal, login, token, rol, amal qilish muddati va yaratilgan vaqt kerak.',
    'session.error.corrupt': '{where} ichidagi saqlangan seans buzilgan, uni o‘qib bo‘lmaydi.',
    'session.hint.corrupt': 'Uni o‘chirish uchun tizimdan chiqing (oneid logout), so‘ng qayta kiring.',
    'session.error.keychainUnavailable': 'Tizimning parollar ombori (keychain) mavjud emas: {reason}',
    'session.hint.keychainUnavailable':
      'Linuxda parollar ombori — bu Secret Service: uni ishga tushiring (masalan, D-Bus seansida gnome-keyring-daemon) yoki seansni faqat siz o‘qiy oladigan faylda saqlash uchun --insecure-storage qo‘shing.',
    'session.error.keychainLocked': 'Tizimning parollar ombori (keychain) qulflangan: {reason}',
    'session.error.keychainTimeout':
      'Tizimning parollar ombori (keychain) {seconds} soniya ichida javob bermadi: ehtimol, u qulflangan va bu yerda ko‘rsatib bo‘lmaydigan qulfni ochish so‘rovini kutmoqda.',
    'session.hint.keychainLocked':
      'Kalitlar omborini oching (grafik seansga kiring yoki gnome-keyring-daemon --unlock buyrug‘ini bajarib, uning parolini kiriting) yoki seansni faqat siz o‘qiy oladigan faylda saqlash uchun --insecure-storage qo‘shing.',
    'session.error.keychainFailed': 'Tizimning parollar ombori (keychain) so‘rovni rad etdi: {reason}',
    'session.error.fileIo': '{path} seanslar faylini o‘qib yoki yozib bo‘lmadi ({reason}).',
    'session.error.fileOwner':
      '{path} seanslar fayli boshqa foydalanuvchiga tegishli, shuning uchun u ishlatilmaydi.',
    'session.error.filePermissions':
      '{path} seanslar faylini boshqa foydalanuvchilar o‘qiy oladi (huquqlar {mode}), shuning uchun u ishlatilmaydi: undagi tokenlar ko‘rilgan bo‘lishi mumkin.',
    'session.hint.filePermissions':
      'Seansni almashtirish uchun tizimdan chiqing (oneid logout) va qayta kiring; faylni hech kim o‘qimaganiga ishonchingiz komil bo‘lsa, chmod 600 {path} buyrug‘ini bajaring.',
    'session.error.tokenReadOnly':
      'ONEID_TOKEN o‘rnatilgan: seans muhitdan olinadi va uni bu yerda o‘zgartirib bo‘lmaydi.',
    'session.hint.tokenReadOnly':
      'Saqlangan seans bilan kirish yoki chiqish uchun ONEID_TOKEN o‘zgaruvchisini olib tashlang.',
    'session.error.tokenInvalid':
      'ONEID_TOKEN o‘rnatilgan, lekin u yaroqli token emas: unda bo‘sh joy yoki boshqaruv belgilari bor.',
  },
} satisfies Catalog;
