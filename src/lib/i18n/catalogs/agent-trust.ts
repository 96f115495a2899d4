import type { Catalog } from '../types.js';

// Messages of `oneid agent trust` (src/lib/agent-trust). Keys start with `agentTrust.`; every key
// exists in en, ru and uz (test/i18n.test.ts).
export default {
  en: {
    'agentTrust.created':
      "Made a local CA that can vouch only for 127.0.0.1, ::1 and localhost (its private key was not kept) and the agent's certificate, valid until {validTo}.",
    'agentTrust.files': 'Files: {dir} (ca.pem, server.pem, server-key.pem).',
    'agentTrust.store.added': 'Added the CA to {location} ({reader}).',
    'agentTrust.store.created': 'Created {location} and added the CA to it ({reader}).',
    'agentTrust.store.removed': 'Removed the CA from {location} ({reader}).',
    'agentTrust.store.absent': 'The CA was not in {location} ({reader}).',
    'agentTrust.store.manual': 'Run this yourself ({reader}): {command}',
    'agentTrust.store.failed': 'Could not change {location} ({reader}): {error}',
    'agentTrust.removedFiles': 'Removed {count} file(s) from {dir}.',
    'agentTrust.hint.restart':
      'Restart the browser and a running agent to use it. To undo all of it: oneid agent trust --uninstall',
    'agentTrust.error.toolMissing':
      "{tool} is not installed, so the browsers' certificate stores cannot be changed (nothing was written).",
    'agentTrust.hint.install': 'Install it: sudo apt install {pkg} (Fedora: nss-tools; Arch: nss).',
    'agentTrust.error.storeFailed': 'The CA could not be added to any certificate store: {error}',
  },
  ru: {
    'agentTrust.created':
      'Создан локальный УЦ, который может подтверждать только 127.0.0.1, ::1 и localhost (его закрытый ключ не сохранён), и сертификат агента, действительный до {validTo}.',
    'agentTrust.files': 'Файлы: {dir} (ca.pem, server.pem, server-key.pem).',
    'agentTrust.store.added': 'УЦ добавлен в {location} ({reader}).',
    'agentTrust.store.created': 'Создана база {location}, УЦ добавлен в неё ({reader}).',
    'agentTrust.store.removed': 'УЦ удалён из {location} ({reader}).',
    'agentTrust.store.absent': 'УЦ не было в {location} ({reader}).',
    'agentTrust.store.manual': 'Выполните сами ({reader}): {command}',
    'agentTrust.store.failed': 'Не удалось изменить {location} ({reader}): {error}',
    'agentTrust.removedFiles': 'Удалено файлов из {dir}: {count}.',
    'agentTrust.hint.restart':
      'Перезапустите браузер и запущенный агент. Чтобы всё отменить: oneid agent trust --uninstall',
    'agentTrust.error.toolMissing':
      '{tool} не установлен, поэтому хранилища сертификатов браузеров изменить нельзя (ничего не записано).',
    'agentTrust.hint.install': 'Установите его: sudo apt install {pkg} (Fedora: nss-tools; Arch: nss).',
    'agentTrust.error.storeFailed': 'УЦ не удалось добавить ни в одно хранилище сертификатов: {error}',
  },
  uz: {
    'agentTrust.created':
      'Faqat 127.0.0.1, ::1 va localhost uchun kafolat bera oladigan mahalliy sertifikatlash markazi (uning yopiq kaliti saqlanmadi) va agent sertifikati yaratildi, {validTo} gacha amal qiladi.',
    'agentTrust.files': 'Fayllar: {dir} (ca.pem, server.pem, server-key.pem).',
    'agentTrust.store.added': 'Sertifikatlash markazi {location} ga qo‘shildi ({reader}).',
    'agentTrust.store.created': '{location} yaratildi va sertifikatlash markazi unga qo‘shildi ({reader}).',
    'agentTrust.store.removed': 'Sertifikatlash markazi {location} dan o‘chirildi ({reader}).',
    'agentTrust.store.absent': 'Sertifikatlash markazi {location} da yo‘q edi ({reader}).',
    'agentTrust.store.manual': 'Buni o‘zingiz bajaring ({reader}): {command}',
    'agentTrust.store.failed': '{location} ni o‘zgartirib bo‘lmadi ({reader}): {error}',
    'agentTrust.removedFiles': '{dir} dan {count} ta fayl o‘chirildi.',
    'agentTrust.hint.restart':
      'Brauzerni va ishlayotgan agentni qayta ishga tushiring. Hammasini bekor qilish: oneid agent trust --uninstall',
    'agentTrust.error.toolMissing':
      '{tool} o‘rnatilmagan, shuning uchun brauzerlarning sertifikat omborlarini o‘zgartirib bo‘lmaydi (hech narsa yozilmadi).',
    'agentTrust.hint.install': 'Uni o‘rnating: sudo apt install {pkg} (Fedora: nss-tools; Arch: nss).',
    'agentTrust.error.storeFailed':
      'Sertifikatlash markazini birorta sertifikat omboriga qo‘shib bo‘lmadi: {error}',
  },
} satisfies Catalog;
