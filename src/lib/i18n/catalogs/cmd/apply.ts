import type { Catalog } from '../../types.js';

// Help texts of the key-application commands (key apply, key status) (see src/cli/help.ts for the
// keys): cmd.<id>.description, cmd.<id>.flag.<name>, cmd.<id>.arg.<name>, in en, ru and uz. Part of
// the `cmd` area. The JSON result shapes are the same in every language.
const applyJson = `JSON result: { id, type: "individual" | "legal", pinfl?, tin?, phone, algorithm, dir, status:
"awaiting_sms" | "draft" | "awaiting_payment" | "in_review" | "issued" | "rejected", step, submitted,
invoice?: { id, amount, currency, percent, bhm, paid }, publicKey?, installed?, rejectReason?,
history: [{ status, at }] }`;

const statusJson = `JSON result: { applications: [{ id, type: "individual" | "legal", status: "awaiting_sms" | "draft" |
"awaiting_payment" | "in_review" | "issued" | "rejected", pinfl?, tin?, invoice?: { id, amount,
currency, percent, bhm, paid }, rejectReason?, certificateSerial?, dir?, installed?, history:
[{ status, at }], local }] }`;

export default {
  en: {
    'cmd.key.apply.description': `The e-imzo.uz online application from the command line. The key pair is generated
on this machine (O'z DSt 1092 curve A unless --alg says otherwise) and kept from the first moment
in a password-protected pending key file (mode 0600) in the config folder; only the certificate
request leaves the machine. Every answer (identifiers, phone, algorithm, key folder, photo and
selfie) is checked before anything is created or sent, so a bad photo never costs an SMS. Steps:
start (the portal sends an SMS code to the phone registered to the key holder) → key pair → SMS
code → request → photo and selfie (JPEG or PNG, at most 5 MB) → review → send (the invoice is
shown: amount and how to pay). After payment and review, \`oneid key status <id>\` installs the key
into the chosen folder (default: the first USB stick's DSKEYS, else ~/DSKEYS). A legal entity's key
is applied for by its director with --legal --tin. Every step is saved: after a crash or Ctrl-C
(exit 130), \`oneid key apply --resume <id>\` continues with the same key; it asks for the key
password at the start, and sends no new SMS unless --resend-sms is given. The SMS confirmation
gives this computer the application's access secret, kept only in the application's state file
(mode 0600) and never shown: the portal lets nobody else at the application. If the key holder
already has an open application (started on a lost computer, or here), confirming the SMS code
hands it over. Without a terminal, every answer comes from flags, files or stdin (the SMS code from
--sms-code-file/--sms-code-stdin/ONEID_SMS_CODE, the key password from
--key-password-file/--key-password-stdin/ONEID_KEY_PASSWORD, --yes to send).

${applyJson}

An individual entrepreneur may give the personal TIN instead of the PINFL (--tin alone, "STIR yoki PINFL"). A company key is applied for by the director, or by a person the company has authorized (oneid le employees add), logged in and with their own phone; logged in with a company role, --legal defaults to that company. --region and --district ("viloyat va tuman") are checked against the portal's list; an interactive terminal offers a picker.`,
    'cmd.key.apply.flag.legal': 'Apply for a legal entity key (the director applies; needs --tin).',
    'cmd.key.apply.flag.pinfl': "The key holder's PINFL (14 digits); for --legal, the director's (optional).",
    'cmd.key.apply.flag.tin': 'The company TIN (9 digits) for --legal.',
    'cmd.key.apply.flag.phone': 'Mobile phone registered to the key holder, +998 and 9 digits.',
    'cmd.key.apply.flag.alg':
      'Key algorithm: ozdst[:A|B|C] (default ozdst:A), rsa[:2048|3072|4096], ec[:P-256|P-384].',
    'cmd.key.apply.flag.dir': 'Folder for the key file (default: first USB stick DSKEYS, else ~/DSKEYS).',
    'cmd.key.apply.flag.photo': 'Your photo: JPEG or PNG, at most 5 MB.',
    'cmd.key.apply.flag.selfie':
      'A selfie holding the passport open at the main page: JPEG or PNG, at most 5 MB.',
    'cmd.key.apply.flag.yes': 'Send the application without asking for confirmation.',
    'cmd.key.apply.flag.resume': 'Continue an interrupted application from its last saved step.',
    'cmd.key.apply.flag.resend-sms': 'With --resume: have the portal send a new SMS code first.',
    'cmd.key.apply.flag.wait': 'After sending, wait until the application is decided and install the key.',
    'cmd.key.apply.flag.key-password-file':
      'Read the key password from this file (trailing newline trimmed); also ONEID_KEY_PASSWORD.',
    'cmd.key.apply.flag.key-password-stdin': 'Read the key password from standard input.',
    'cmd.key.apply.flag.sms-code-file':
      'Read the SMS code from this file (trailing newline trimmed); also ONEID_SMS_CODE.',
    'cmd.key.apply.flag.sms-code-stdin': 'Read the SMS code from standard input.',
    'cmd.key.status.description': `Without an id, lists the applications made from this machine with their current status.
With an id, shows the application's status history; when the portal has issued the certificate,
downloads it with its chain, checks that it belongs to the pending private key, and writes the
final E-IMZO key file (alias, chain) into the folder chosen at application time, never over an
existing file. The key password (the one given to key apply) opens the pending key.
--watch polls with growing pauses until the application is issued (and installed) or rejected,
printing each status change once. A rejected application ends with exit code 8 and the reviewer's
reason. An application made on another computer is shown only with the key holder's logged-in
session (oneid login); a state saved before application secrets also falls back to that session.

${statusJson}

With --all (logged in) the list also has your account's applications made on other computers, as the portal shows them ("Mening arizalarim"), each with the name of the computer it was made on: only there can its key be installed, because the private key never left it.`,
    'cmd.key.status.arg.id': 'Application id (as key apply printed it).',
    'cmd.key.status.flag.dir': 'Install into this folder instead of the one chosen at application time.',
    'cmd.key.status.flag.watch': 'Poll until the application is decided; install the key when issued.',
    'cmd.key.status.flag.key-password-file':
      'Read the key password from this file (trailing newline trimmed); also ONEID_KEY_PASSWORD.',
    'cmd.key.status.flag.key-password-stdin': 'Read the key password from standard input.',
    'cmd.key.apply.flag.region':
      '"viloyat va tuman": the region, a SOATO code or a name from the portal\'s list.',
    'cmd.key.apply.flag.district': 'The district or city (with --region): a SOATO code or a name.',
    'cmd.key.status.flag.all': "Also list your account's applications made on other computers (logged in).",
  },
  ru: {
    'cmd.key.apply.description': `Онлайн-заявка e-imzo.uz из командной строки. Пара ключей создаётся на этом
компьютере (O'z DSt 1092, кривая A, если --alg не указывает другое) и с первого момента хранится в
защищённом паролем файле ожидающего ключа (права 0600) в папке настроек; компьютер покидает только
запрос на сертификат. Все ответы (идентификаторы, телефон, алгоритм, папка ключа, фото и селфи)
проверяются до того, как что-либо создаётся или отправляется, так что неудачное фото не стоит SMS.
Шаги: начало (портал отправляет SMS-код на телефон, зарегистрированный на владельца ключа) → пара
ключей → SMS-код → запрос → фото и селфи (JPEG или PNG, не более 5 МБ) → проверка → отправка
(показывается счёт: сумма и как оплатить). После оплаты и рассмотрения \`oneid key status <id>\`
устанавливает ключ в выбранную папку (по умолчанию DSKEYS на первой флешке, иначе ~/DSKEYS). Ключ
юридического лица запрашивает его руководитель с --legal --tin. Каждый шаг сохраняется: после сбоя
или Ctrl-C (код 130) \`oneid key apply --resume <id>\` продолжает с тем же ключом; пароль ключа
спрашивается в самом начале, а новое SMS отправляется только с --resend-sms. Подтверждение по SMS
даёт этому компьютеру секрет доступа к заявке; он хранится только в файле состояния заявки
(права 0600) и никогда не показывается: портал никого другого к заявке не допускает. Если у владельца
ключа уже есть открытая заявка (начатая на потерянном компьютере или здесь), подтверждение SMS-кода
передаёт её сюда. Без терминала все ответы берутся из флагов, файлов или stdin (SMS-код — из
--sms-code-file/--sms-code-stdin/ONEID_SMS_CODE, пароль ключа — из
--key-password-file/--key-password-stdin/ONEID_KEY_PASSWORD, --yes — отправить).

${applyJson}

Индивидуальный предприниматель может указать личный ИНН вместо ПИНФЛ (только --tin, «STIR yoki PINFL»). На ключ организации подаёт руководитель или уполномоченный организацией человек (oneid le employees add), войдя в систему и со своим телефоном; при входе с ролью организации --legal по умолчанию относится к ней. --region и --district («viloyat va tuman») проверяются по списку портала; интерактивный терминал предлагает выбор.`,
    'cmd.key.apply.flag.legal': 'Заявка на ключ юридического лица (подаёт руководитель; нужен --tin).',
    'cmd.key.apply.flag.pinfl':
      'ПИНФЛ владельца ключа (14 цифр); для --legal — руководителя (необязательно).',
    'cmd.key.apply.flag.tin': 'ИНН организации (9 цифр) для --legal.',
    'cmd.key.apply.flag.phone': 'Мобильный телефон, зарегистрированный на владельца ключа: +998 и 9 цифр.',
    'cmd.key.apply.flag.alg':
      'Алгоритм ключа: ozdst[:A|B|C] (по умолчанию ozdst:A), rsa[:2048|3072|4096], ec[:P-256|P-384].',
    'cmd.key.apply.flag.dir': 'Папка для файла ключа (по умолчанию DSKEYS на первой флешке, иначе ~/DSKEYS).',
    'cmd.key.apply.flag.photo': 'Ваша фотография: JPEG или PNG, не более 5 МБ.',
    'cmd.key.apply.flag.selfie':
      'Селфи с паспортом, открытым на главной странице: JPEG или PNG, не более 5 МБ.',
    'cmd.key.apply.flag.yes': 'Отправить заявку без запроса подтверждения.',
    'cmd.key.apply.flag.resume': 'Продолжить прерванную заявку с последнего сохранённого шага.',
    'cmd.key.apply.flag.resend-sms': 'С --resume: сначала попросить портал отправить новый SMS-код.',
    'cmd.key.apply.flag.wait': 'После отправки дождаться решения по заявке и установить ключ.',
    'cmd.key.apply.flag.key-password-file':
      'Прочитать пароль ключа из этого файла (конечный перевод строки отбрасывается); также ONEID_KEY_PASSWORD.',
    'cmd.key.apply.flag.key-password-stdin': 'Прочитать пароль ключа со стандартного ввода.',
    'cmd.key.apply.flag.sms-code-file':
      'Прочитать SMS-код из этого файла (конечный перевод строки отбрасывается); также ONEID_SMS_CODE.',
    'cmd.key.apply.flag.sms-code-stdin': 'Прочитать SMS-код со стандартного ввода.',
    'cmd.key.status.description': `Без id перечисляет заявки, поданные с этого компьютера, и их текущий статус. С id
показывает историю статусов заявки; когда портал выпустил сертификат, скачивает его вместе с цепочкой,
проверяет, что он принадлежит ожидающему закрытому ключу, и записывает итоговый файл ключа E-IMZO
(псевдоним, цепочка) в папку, выбранную при подаче заявки, никогда не поверх существующего файла.
Ожидающий ключ открывается паролем ключа (тем, что был задан в key apply). --watch опрашивает портал
с растущими паузами, пока заявка не будет выпущена (и ключ установлен) или отклонена, и сообщает
о каждом изменении статуса один раз. Отклонённая заявка завершается кодом 8 и причиной, указанной
при рассмотрении. Заявка, поданная с другого компьютера, показывается только при вошедшей сессии
владельца ключа (oneid login); к этой же сессии обращается и состояние, сохранённое до появления
секретов заявок.

${statusJson}

С --all (после входа) в списке также заявки вашей учётной записи, поданные с других компьютеров, как их показывает портал («Mening arizalarim»), с именем компьютера, на котором каждая создана: только там можно установить её ключ, потому что закрытый ключ его не покидал.`,
    'cmd.key.status.arg.id': 'Номер заявки (как его вывела key apply).',
    'cmd.key.status.flag.dir': 'Установить ключ в эту папку вместо выбранной при подаче заявки.',
    'cmd.key.status.flag.watch':
      'Опрашивать, пока по заявке не примут решение; установить ключ, когда он выпущен.',
    'cmd.key.status.flag.key-password-file':
      'Прочитать пароль ключа из этого файла (конечный перевод строки отбрасывается); также ONEID_KEY_PASSWORD.',
    'cmd.key.status.flag.key-password-stdin': 'Прочитать пароль ключа со стандартного ввода.',
    'cmd.key.apply.flag.region': '«viloyat va tuman»: область, код СОАТО или название из списка портала.',
    'cmd.key.apply.flag.district': 'Район или город (с --region): код СОАТО или название.',
    'cmd.key.status.flag.all':
      'Показать также заявки вашей учётной записи, поданные с других компьютеров (нужен вход).',
  },
  uz: {
    'cmd.key.apply.description': `e-imzo.uz onlayn arizasi buyruqlar satridan. Kalitlar juftligi shu kompyuterda
yaratiladi (--alg boshqasini ko‘rsatmasa, O'z DSt 1092, A egri chizig‘i) va birinchi lahzadan
sozlamalar papkasidagi parol bilan himoyalangan kutilayotgan kalit faylida (ruxsatlar 0600)
saqlanadi; kompyuterdan faqat sertifikat so‘rovi chiqadi. Barcha javoblar (identifikatorlar,
telefon, algoritm, kalit papkasi, fotosurat va selfi) biror narsa yaratilishi yoki yuborilishidan
oldin tekshiriladi, shuning uchun yaroqsiz fotosurat SMSga tushmaydi. Qadamlar: boshlash (portal
kalit egasi nomiga ro‘yxatdan o‘tgan telefonga SMS-kod yuboradi) → kalitlar juftligi → SMS-kod →
so‘rov → fotosurat va selfi (JPEG yoki PNG, ko‘pi bilan 5 MB) → ko‘rib chiqish → yuborish (invoys
ko‘rsatiladi: summa va qanday to‘lash). To‘lov va ko‘rib chiqishdan so‘ng \`oneid key status <id>\`
kalitni tanlangan papkaga o‘rnatadi (odatda birinchi fleshkadagi DSKEYS, aks holda ~/DSKEYS).
Yuridik shaxs kalitiga uning rahbari --legal --tin bilan ariza beradi. Har bir qadam saqlanadi:
nosozlik yoki Ctrl-C (kod 130) dan keyin \`oneid key apply --resume <id>\` o‘sha kalit bilan
davom etadi; kalit paroli boshidayoq so‘raladi, yangi SMS esa faqat --resend-sms bilan yuboriladi.
SMS tasdiqlash bu kompyuterga arizaning kirish sirini beradi; u faqat arizaning holat faylida
(ruxsatlar 0600) saqlanadi va hech qachon ko‘rsatilmaydi: portal arizaga boshqa hech kimni
kiritmaydi. Agar kalit egasida allaqachon ochiq ariza bo‘lsa (yo‘qolgan kompyuterda yoki shu yerda
boshlangan), SMS-kodni tasdiqlash uni shu yerga o‘tkazadi. Terminal bo‘lmasa, barcha javoblar
flaglar, fayllar yoki stdin dan olinadi (SMS-kod — --sms-code-file/--sms-code-stdin/ONEID_SMS_CODE
dan, kalit paroli — --key-password-file/--key-password-stdin/ONEID_KEY_PASSWORD dan, --yes —
yuborish).

${applyJson}

Yakka tartibdagi tadbirkor JShShIR o‘rniga shaxsiy STIRini berishi mumkin (faqat --tin, «STIR yoki PINFL»). Tashkilot kalitiga rahbar yoki tashkilot vakolat bergan shaxs (oneid le employees add) tizimga kirib, o‘z telefoni bilan ariza beradi; tashkilot roli bilan kirilganda --legal shu tashkilotni nazarda tutadi. --region va --district («viloyat va tuman») portal ro‘yxati bo‘yicha tekshiriladi; interaktiv terminal tanlash imkonini beradi.`,
    'cmd.key.apply.flag.legal': 'Yuridik shaxs kalitiga ariza (rahbar beradi; --tin kerak).',
    'cmd.key.apply.flag.pinfl': 'Kalit egasining JSHSHIRi (14 raqam); --legal uchun rahbarniki (ixtiyoriy).',
    'cmd.key.apply.flag.tin': '--legal uchun tashkilot STIRi (9 raqam).',
    'cmd.key.apply.flag.phone': 'Kalit egasi nomiga ro‘yxatdan o‘tgan mobil telefon: +998 va 9 raqam.',
    'cmd.key.apply.flag.alg':
      'Kalit algoritmi: ozdst[:A|B|C] (odatda ozdst:A), rsa[:2048|3072|4096], ec[:P-256|P-384].',
    'cmd.key.apply.flag.dir':
      'Kalit fayli uchun papka (odatda birinchi fleshkadagi DSKEYS, aks holda ~/DSKEYS).',
    'cmd.key.apply.flag.photo': 'Fotosuratingiz: JPEG yoki PNG, ko‘pi bilan 5 MB.',
    'cmd.key.apply.flag.selfie':
      'Pasportning asosiy sahifasi ochiq holda selfi: JPEG yoki PNG, ko‘pi bilan 5 MB.',
    'cmd.key.apply.flag.yes': 'Arizani tasdiq so‘ramasdan yuborish.',
    'cmd.key.apply.flag.resume': 'To‘xtab qolgan arizani oxirgi saqlangan qadamdan davom ettirish.',
    'cmd.key.apply.flag.resend-sms': '--resume bilan: avval portaldan yangi SMS-kod yuborishni so‘rash.',
    'cmd.key.apply.flag.wait': 'Yuborilgandan so‘ng ariza bo‘yicha qaror kutish va kalitni o‘rnatish.',
    'cmd.key.apply.flag.key-password-file':
      'Kalit parolini shu fayldan o‘qish (oxirgi qator oxiri olib tashlanadi); ONEID_KEY_PASSWORD orqali ham.',
    'cmd.key.apply.flag.key-password-stdin': 'Kalit parolini standart kirishdan o‘qish.',
    'cmd.key.apply.flag.sms-code-file':
      'SMS-kodni shu fayldan o‘qish (oxirgi qator oxiri olib tashlanadi); ONEID_SMS_CODE orqali ham.',
    'cmd.key.apply.flag.sms-code-stdin': 'SMS-kodni standart kirishdan o‘qish.',
    'cmd.key.status.description': `Id berilmasa, shu kompyuterdan berilgan arizalarni joriy holati bilan ro‘yxatlaydi. Id
bilan arizaning holatlar tarixini ko‘rsatadi; portal sertifikat bergan bo‘lsa, uni zanjiri bilan
yuklab oladi, kutilayotgan yopiq kalitga tegishli ekanini tekshiradi va yakuniy E-IMZO kalit faylini
(taxallus, zanjir) ariza berishda tanlangan papkaga yozadi, hech qachon mavjud fayl ustidan emas.
Kutilayotgan kalit kalit paroli (key apply da berilgan) bilan ochiladi. --watch ariza berilguncha
(va kalit o‘rnatilguncha) yoki rad etilguncha portalni o‘sib boruvchi tanaffuslar bilan so‘raydi va
har bir holat o‘zgarishini bir marta xabar qiladi. Rad etilgan ariza 8-kod va ko‘rib chiquvchining
sababi bilan tugaydi. Boshqa kompyuterda berilgan ariza faqat kalit egasining kirgan sessiyasi
(oneid login) bilan ko‘rsatiladi; ariza sirlaridan oldin saqlangan holat ham shu sessiyaga tayanadi.

${statusJson}

--all bilan (tizimga kirilganda) ro‘yxatda hisobingizning boshqa kompyuterlardan berilgan arizalari ham portal ko‘rsatganidek («Mening arizalarim») bo‘ladi, har biri yaratilgan kompyuter nomi bilan: kalitni faqat o‘sha yerda o‘rnatish mumkin, chunki yopiq kalit undan chiqmagan.`,
    'cmd.key.status.arg.id': 'Ariza raqami (key apply chiqarganidek).',
    'cmd.key.status.flag.dir': 'Kalitni ariza berishda tanlangan papka o‘rniga shu papkaga o‘rnatish.',
    'cmd.key.status.flag.watch':
      'Ariza bo‘yicha qaror chiqquncha so‘rash; sertifikat berilganda kalitni o‘rnatish.',
    'cmd.key.status.flag.key-password-file':
      'Kalit parolini shu fayldan o‘qish (oxirgi qator oxiri olib tashlanadi); ONEID_KEY_PASSWORD orqali ham.',
    'cmd.key.status.flag.key-password-stdin': 'Kalit parolini standart kirishdan o‘qish.',
    'cmd.key.apply.flag.region': '«viloyat va tuman»: viloyat, SOATO kodi yoki portal ro‘yxatidagi nom.',
    'cmd.key.apply.flag.district': 'Tuman yoki shahar (--region bilan): SOATO kodi yoki nom.',
    'cmd.key.status.flag.all':
      'Hisobingizning boshqa kompyuterlardan berilgan arizalarini ham ko‘rsatish (kirish kerak).',
  },
} satisfies Catalog;
