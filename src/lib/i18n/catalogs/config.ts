import type { Catalog } from '../types.js';

// Messages of the `config` area. Every key exists in en, ru and uz.
export default {
  en: {
    'config.error.unknownKey': 'Unknown setting "{key}". Settings: {keys}.',
    'config.error.portal': '"{value}" is not an http:// or https:// URL.',
    'config.error.lang': '"{value}" is not a supported language: use en, ru or uz.',
    'config.error.storage': '"{value}" is not a storage mode: use keychain or file.',
    'config.error.revocation': '"{value}" is not a revocation mode: use auto, require or off.',
    'config.error.corrupt': 'The config file {path} is not valid JSON.',
    'config.hint.corrupt': 'Fix or delete the file; oneid will create a new one.',
    'config.error.profile':
      '"{profile}" is not a valid profile name (letters, digits, ".", "_" and "-", up to 64 characters).',
    'config.warn.envOverrides': '{env} is set and overrides the stored {key} in this shell.',
    'config.set.done': 'Set {key} = {value} in profile "{profile}".',
    'config.unset.done': 'Removed {key} from profile "{profile}".',
    'config.unset.absent': 'Profile "{profile}" had no {key}; nothing changed.',
    'config.unset.effective': 'Effective value now: {value}',
  },
  ru: {
    'config.error.unknownKey': 'Неизвестный параметр «{key}». Параметры: {keys}.',
    'config.error.portal': '«{value}» — не адрес http:// или https://.',
    'config.error.lang': '«{value}» — неподдерживаемый язык: используйте en, ru или uz.',
    'config.error.storage': '«{value}» — неизвестный способ хранения: используйте keychain или file.',
    'config.error.revocation':
      '«{value}» — неизвестный режим проверки отзыва: используйте auto, require или off.',
    'config.error.corrupt': 'Файл настроек {path} содержит некорректный JSON.',
    'config.hint.corrupt': 'Исправьте или удалите файл — oneid создаст новый.',
    'config.error.profile':
      '«{profile}» — недопустимое имя профиля (буквы, цифры, «.», «_» и «-», не более 64 символов).',
    'config.warn.envOverrides':
      'Задана переменная {env}: в этой оболочке она переопределяет сохранённый {key}.',
    'config.set.done': 'Параметр {key} = {value} сохранён в профиле «{profile}».',
    'config.unset.done': 'Параметр {key} удалён из профиля «{profile}».',
    'config.unset.absent': 'В профиле «{profile}» не было параметра {key}; ничего не изменено.',
    'config.unset.effective': 'Действующее значение теперь: {value}',
  },
  uz: {
    'config.error.unknownKey': '“{key}” degan sozlama yo‘q. Sozlamalar: {keys}.',
    'config.error.portal': '“{value}” http:// yoki https:// manzili emas.',
    'config.error.lang': '“{value}” qo‘llab-quvvatlanadigan til emas: en, ru yoki uz dan foydalaning.',
    'config.error.storage': '“{value}” saqlash usuli emas: keychain yoki file dan foydalaning.',
    'config.error.revocation':
      '“{value}” bekor qilinganlikni tekshirish rejimi emas: auto, require yoki off dan foydalaning.',
    'config.error.corrupt': '{path} sozlamalar fayli yaroqli JSON emas.',
    'config.hint.corrupt': 'Faylni tuzating yoki o‘chiring, oneid yangisini yaratadi.',
    'config.error.profile':
      '“{profile}” profil nomi sifatida yaroqsiz (harflar, raqamlar, “.”, “_” va “-”, ko‘pi bilan 64 belgi).',
    'config.warn.envOverrides': '{env} o‘rnatilgan va bu qobiqda saqlangan {key} qiymatini almashtiradi.',
    'config.set.done': '{key} = {value} “{profile}” profiliga saqlandi.',
    'config.unset.done': '{key} “{profile}” profilidan o‘chirildi.',
    'config.unset.absent': '“{profile}” profilida {key} yo‘q edi; hech narsa o‘zgarmadi.',
    'config.unset.effective': 'Hozirgi amaldagi qiymat: {value}',
  },
} satisfies Catalog;
