import type { Catalog } from '../../types.js';

// Help texts of the account commands (register, verify-account, login, logout, whoami, le) (see src/cli/help.ts for the keys): cmd.<id>.description,
// cmd.<id>.flag.<name>, cmd.<id>.arg.<name>, in en, ru and uz. Part of the `cmd` area.
export default {
  en: {
    'cmd.register.description': `The registration wizard of id.gov.uz (steps 1-5). Each answer can come from a flag, so a
script can run it without prompts: --accept-offer, --pinfl and --passport (or --with-key to identify
with a signature key instead, which also suits foreign citizens and stateless persons), --yes to
confirm the registry data, --login, --email, --phone, and the password from --password-file,
--password-stdin or ONEID_PASSWORD. The SMS code comes from --sms-code-file, --sms-code-stdin
(read after the SMS is sent), ONEID_SMS_CODE or a prompt; with the sandbox portal, read it with
oneid sandbox outbox.

Every answer is checked here before anything is sent (PINFL check digit, passport format, login at
least 5 characters, password at least 8 characters with a special character, +998 mobile number);
without a terminal every answer and a source of the SMS code must be given, or nothing is sent
(exit 2). The new account is "unverified" until you verify it with your personal key
(oneid verify-account); an account registered with a key is verified at once.

A registration that stopped after it started (a wrong or expired SMS code, a lost connection) goes
on with --resume <registration id> (the id is in the error's data.registrationId and its hint): the
portal says at which step it is, and only the steps left are asked. --resend-sms has a new SMS code
sent first.

--region and --district give the region and district of the actual address from the portal's list (SOATO code or name); an interactive terminal offers a picker.

JSON result: { account: { id, login, pinfl (masked), status: "unverified" | "verified" }, fullName,
method: "passport" | "key", next: [command] }`,
    'cmd.register.flag.accept-offer': 'Accept the public offer (step 1) without showing it.',
    'cmd.register.flag.pinfl': 'Your PINFL: 14 digits, printed in the passport.',
    'cmd.register.flag.passport': 'Passport or ID card series and number, e.g. AA1234567.',
    'cmd.register.flag.with-key': 'Identify with a signature key instead of passport data.',
    'cmd.register.flag.key': 'The key for --with-key: a .pfx file, an alias, a serial number or a PINFL.',
    'cmd.register.flag.yes': 'Confirm the data from the population registry (step 3).',
    'cmd.register.flag.login': 'Login of the new account (at least 5 characters).',
    'cmd.register.flag.email': 'E-mail address.',
    'cmd.register.flag.phone': 'Mobile phone, +998 and 9 digits; the SMS code is sent there.',
    'cmd.register.flag.actual-address':
      'Where you actually live, when it differs from the registered address.',
    'cmd.register.flag.notify-by-email': 'Receive notifications by e-mail.',
    'cmd.register.flag.resume': 'Go on with a registration that stopped: its id (data.registrationId).',
    'cmd.register.flag.resend-sms': 'With --resume: have the portal send a new SMS code first.',
    'cmd.register.flag.password-file': 'Read the new password from this file (trailing newline trimmed).',
    'cmd.register.flag.password-stdin': 'Read the new password from standard input.',
    'cmd.register.flag.sms-code-file': 'Read the SMS code from this file (trailing newline trimmed).',
    'cmd.register.flag.sms-code-stdin': 'Read the SMS code from standard input, after the SMS is sent.',
    'cmd.register.flag.key-password-file': 'Read the key password from this file (trailing newline trimmed).',
    'cmd.register.flag.key-password-stdin': 'Read the key password from standard input.',

    'cmd.login.description': `Password login asks for the account password (--password-file, --password-stdin or
ONEID_PASSWORD in scripts). --key signs the portal's challenge with a signature key instead (the key
password from --key-password-file, --key-password-stdin or ONEID_KEY_PASSWORD); a company key logs
in as that legal entity.

When the account has several roles (the individual and bound legal entities), --role chooses one:
"individual", a TIN, or TIN:role. Without --role an interactive terminal shows a picker; a script
gets the individual, and a warning says so. --switch-role changes the role of the current session
in place.

The session (token, login, role, expiry) is kept in the OS keychain, or with --insecure-storage in a
file only you can read. Exit 3: wrong login or password, or the role is not available.

JSON result: { login, portal, method: "password" | "key" | "switch-role", role: { type, tin?, name?,
role? }, roleChosenBy: "flag" | "picker" | "only" | "default", roles: [role], previousRole?,
accountStatus?: "verified" | "unverified", expiresAt?, storage: "keychain" | "file" | "ONEID_TOKEN" }`,
    'cmd.login.arg.login': 'Account login (asked when missing).',
    'cmd.login.flag.key':
      'Log in with this key instead of a password: a .pfx file, an alias, a serial number or a PINFL/TIN.',
    'cmd.login.flag.role':
      'Role to act in: "individual", a legal entity TIN, or TIN:role (e.g. "281058213:Common For Head").',
    'cmd.login.flag.switch-role': 'Change the role of the current session instead of logging in.',
    'cmd.login.flag.password-file': 'Read the password from this file (trailing newline trimmed).',
    'cmd.login.flag.password-stdin': 'Read the password from standard input.',
    'cmd.login.flag.key-password-file': 'Read the key password from this file (trailing newline trimmed).',
    'cmd.login.flag.key-password-stdin': 'Read the key password from standard input.',

    'cmd.logout.description': `Ends the current session of this profile on the portal and deletes it from the keychain
(or the session file with --insecure-storage). --all does so for every stored session: all portals
and profiles. When the portal cannot be reached the session is still removed here (the portal
ends it when it expires), and a warning says so. Logging out when not logged in is not an error.
With ONEID_TOKEN the token is ended on the portal; the variable itself is yours to unset.

JSON result: { loggedOut: [{ portal, login?, profile?, endedOnPortal }], source: "keychain" | "file" |
"ONEID_TOKEN" }`,
    'cmd.logout.flag.all': 'Log out of every stored session (all portals and profiles).',

    'cmd.whoami.description': `Asks the portal about the current session: login, full name, PINFL (masked unless
--show-pinfl), account status (verified / unverified), the active role and legal entity, how the
session was opened, when it expires, and where the session comes from (keychain, file or
ONEID_TOKEN). Exit 3 when not logged in or when the session has expired.

JSON result: { login, fullName, pinfl, status: "verified" | "unverified", role: { type, tin?, name?,
role? }, legalEntity?: { tin, name?, role? }, authMethod, expiresAt, source: "keychain" | "file" |
"ONEID_TOKEN", portal }`,
    'cmd.whoami.flag.show-pinfl': 'Show the PINFL in full.',

    'cmd.verify-account.description': `Signs the portal's challenge with your personal key; the portal checks the signature and
that the key's PINFL is the account's, and marks the account verified ("подлинный"). Only verified
accounts can bind legal entities and use the advanced services. Without --key an interactive terminal
shows the keys found on your key disks. Checked before anything is sent: the key must be valid today,
belong to you (same PINFL) and be a personal key, not a company's.

Exit 3 when not logged in, 4 on a wrong key password, 5 for an expired or damaged key, 8 when the
portal refuses (e.g. PINFL_MISMATCH).

JSON result: { login, status: "verified", already, certificateSerial?, key?: { serial, owner?, validTo } }`,
    'cmd.verify-account.flag.key': 'Your personal key: a .pfx file, an alias, a serial number or a PINFL.',
    'cmd.verify-account.flag.key-password-file':
      'Read the key password from this file (trailing newline trimmed).',
    'cmd.verify-account.flag.key-password-stdin': 'Read the key password from standard input.',

    'cmd.le.bind.description': `Signs the portal's challenge with the legal entity's key (its certificate carries the
company TIN and your PINFL). Only a verified account can bind, and only the director recorded in the
company registry, or a person the company has authorized (oneid le employees add) with their own
company key, in the role the company gave them. Afterwards choose the new role: oneid login --switch-role --role <TIN>, or log in
again. Without --key an interactive terminal shows the keys found, company keys first.

Exit 3 when not logged in, 4 on a wrong key password, 5 for an expired key, 8 when the portal refuses
(ACCOUNT_UNVERIFIED, PINFL_MISMATCH, NOT_DIRECTOR, ALREADY_BOUND…).

JSON result: { tin, name, role, keySerial }`,
    'cmd.le.bind.flag.key': "The legal entity's key: a .pfx file, an alias, a serial number or a TIN.",
    'cmd.le.bind.flag.key-password-file': 'Read the key password from this file (trailing newline trimmed).',
    'cmd.le.bind.flag.key-password-stdin': 'Read the key password from standard input.',

    'cmd.le.list.description': `The legal entities you can act for (oneid login --role <TIN>), with your role in each;
the one the current session acts for is marked. Exit 3 when not logged in.

JSON result: { legalEntities: [{ tin, name?, role?, active }] }`,
    'cmd.le.show.description':
      "The registry's card of the company the current session acts for (log in with --role <TIN>):\nname, TIN, director, address, your role, and the employees the company authorizes with their roles\n(and whether they have bound the company yet). Any company role may look.\n\nExit 3 when not logged in or when the session acts as an individual (the error says so).\n\nJSON result: { tin, name, acronym, address, director: { fullName }, yourRole, employees: [{ fullName, role, bound }] }",
    'cmd.le.employees.list.description':
      'The people your company authorizes to act for it, with their PINFL, name, role and whether\nthey have bound the company. Only the director, logged in as "Common For Head" of the company\n(oneid login --role "<TIN>:Common For Head"); any other role gets exit 3 naming the role needed.\n\nJSON result: { tin, employees: [{ pinfl, fullName, role, grantedAt, bound }] }',
    'cmd.le.employees.add.description':
      'The director (logged in as "Common For Head" of the company) authorizes a person from the\npopulation registry by PINFL, with a role: "Common For Accountant" or "Common For Employee" (also\n"accountant", "employee"). The person then logs in, applies for a company key in their own name with\ntheir own phone (oneid key apply --legal; the portal checks the authorization), binds the company\nwith that key (oneid le bind) and logs in with the role. Without a terminal PINFL and --role are\nrequired (exit 2).\n\nExit 3 without the company\'s head role, 8 when the portal refuses (NOT_IN_REGISTRY, IS_DIRECTOR,\nALREADY_AUTHORIZED).\n\nJSON result: { pinfl, fullName, role, grantedAt, bound }',
    'cmd.le.employees.add.arg.pinfl': "The person's PINFL (14 digits).",
    'cmd.le.employees.add.flag.role':
      '"Common For Accountant" or "Common For Employee" (or accountant, employee).',
    'cmd.le.employees.remove.description':
      'Revokes the authorization (the portal keeps the record): the employee\'s sessions acting for\nthe company end at once, and signing in with the role, by password or with their company key, is\nrefused from now on. Only the director, logged in as "Common For Head" of the company.\n\nExit 3 without that role, 8 when the person is not authorized (EMPLOYEE_NOT_FOUND).\n\nJSON result: { pinfl, sessionsEnded }',
    'cmd.le.employees.remove.arg.pinfl': "The employee's PINFL.",
    'cmd.account.passwd.description':
      'Changes the password of the logged-in account: the current password from --password-file,\n--password-stdin or ONEID_PASSWORD, the new one from --new-password-file, --new-password-stdin or\nONEID_NEW_PASSWORD (else masked prompts, the new one twice). The new password is checked here first\n(at least 8 characters with a special character).\n\nEvery session of the account ends on the portal (this one too), and this computer forgets its\nsessions of the login (every profile): log in again with the new password.\n\nExit 3 when not logged in, 8 when the current password is wrong (PASSWORD_WRONG; attempts are\nlimited, then ACCOUNT_LOCKED).\n\nJSON result: { login, sessionsEnded, localSessionsRemoved }',
    'cmd.account.passwd.flag.password-file':
      'Read the current password from this file (trailing newline trimmed).',
    'cmd.account.passwd.flag.password-stdin': 'Read the current password from standard input.',
    'cmd.account.passwd.flag.new-password-file':
      'Read the new password from this file (trailing newline trimmed).',
    'cmd.account.passwd.flag.new-password-stdin': 'Read the new password from standard input.',
    'cmd.account.recover.description':
      'The portal\'s "Forgot login or password?": prove who you are with --pinfl and --passport, or\nwith your signature key (--key), get an SMS code on the account\'s phone, and set a new password; the\nanswer tells your login. Every session of the account ends, and this computer forgets its sessions of\nthat login.\n\nThe portal answers the same whether or not the PINFL and passport match an account, so the command\ncannot tell either: with a wrong passport no SMS comes (the code step then fails as for a wrong\ncode). Attempts are limited per PINFL and per address (RECOVERY_LOCKED), and wrong codes per SMS.\n\nSecrets: the new password from --new-password-file, --new-password-stdin or ONEID_NEW_PASSWORD, the\nSMS code from --sms-code-file, --sms-code-stdin (read after the SMS is sent) or ONEID_SMS_CODE, a\nkey password from --key-password-file, --key-password-stdin or ONEID_KEY_PASSWORD; else prompts.\nWithout a terminal: --pinfl and --passport (or --key) and the sources are required (exit 2).\n\nExit 8 when the portal refuses (SMS_CODE_INVALID, SMS_ATTEMPTS_EXCEEDED, RECOVERY_LOCKED,\nNO_ACCOUNT_FOR_KEY).\n\nJSON result: { login, method: "passport" | "key", sessionsEnded, localSessionsRemoved }',
    'cmd.account.recover.flag.pinfl': 'Your PINFL: 14 digits, printed in the passport.',
    'cmd.account.recover.flag.passport': 'Passport or ID card series and number, e.g. AA1234567.',
    'cmd.account.recover.flag.key':
      'Prove who you are with this key instead: a .pfx file, an alias, a serial number or a PINFL.',
    'cmd.account.recover.flag.new-password-file':
      'Read the new password from this file (trailing newline trimmed).',
    'cmd.account.recover.flag.new-password-stdin': 'Read the new password from standard input.',
    'cmd.account.recover.flag.sms-code-file': 'Read the SMS code from this file (trailing newline trimmed).',
    'cmd.account.recover.flag.sms-code-stdin':
      'Read the SMS code from standard input, after the SMS is sent.',
    'cmd.account.recover.flag.key-password-file':
      'Read the key password from this file (trailing newline trimmed).',
    'cmd.account.recover.flag.key-password-stdin': 'Read the key password from standard input.',
    'cmd.register.flag.region':
      "Region of the actual address: a SOATO code or a name from the portal's list.",
    'cmd.register.flag.district':
      'District or city of the actual address (with --region): a SOATO code or a name.',
  },
  ru: {
    'cmd.register.description': `Мастер регистрации id.gov.uz (шаги 1–5). Каждый ответ можно передать флагом, поэтому
скрипт может пройти регистрацию без вопросов: --accept-offer, --pinfl и --passport (или --with-key,
чтобы идентифицироваться ключом ЭЦП — так могут и иностранные граждане, и лица без гражданства),
--yes для подтверждения данных реестра, --login, --email, --phone и пароль из --password-file,
--password-stdin или ONEID_PASSWORD. Код из СМС берётся из --sms-code-file, --sms-code-stdin
(читается после отправки СМС), ONEID_SMS_CODE или вопроса; в песочнице его показывает
oneid sandbox outbox.

Каждый ответ проверяется здесь до любой отправки (контрольная цифра ПИНФЛ, формат паспорта, логин
не короче 5 символов, пароль не короче 8 символов со специальным символом, мобильный номер +998);
без терминала все ответы и источник кода из СМС должны быть переданы, иначе ничего не отправляется
(код 2). Новая учётная запись «неподлинная», пока вы не подтвердите её личным ключом
(oneid verify-account); учётная запись, зарегистрированная ключом, подтверждена сразу.

Начатую и прерванную регистрацию (неверный или просроченный код из СМС, потеря связи) можно
продолжить с --resume <номер регистрации> (номер есть в data.registrationId ошибки и в подсказке):
портал сообщает, на каком она шаге, и спрашиваются только оставшиеся шаги. --resend-sms сначала
запрашивает новый код.

--region и --district задают область и район фактического адреса из списка портала (код СОАТО или название); интерактивный терминал предлагает выбор.

Результат JSON: { account: { id, login, pinfl (скрыт), status: "unverified" | "verified" }, fullName,
method: "passport" | "key", next: [команда] }`,
    'cmd.register.flag.accept-offer': 'Принять публичную оферту (шаг 1), не показывая её.',
    'cmd.register.flag.pinfl': 'Ваш ПИНФЛ: 14 цифр, указан в паспорте.',
    'cmd.register.flag.passport': 'Серия и номер паспорта или ID-карты, например AA1234567.',
    'cmd.register.flag.with-key': 'Идентифицироваться ключом ЭЦП вместо паспортных данных.',
    'cmd.register.flag.key': 'Ключ для --with-key: файл .pfx, псевдоним, серийный номер или ПИНФЛ.',
    'cmd.register.flag.yes': 'Подтвердить данные из реестра населения (шаг 3).',
    'cmd.register.flag.login': 'Логин новой учётной записи (не менее 5 символов).',
    'cmd.register.flag.email': 'Адрес электронной почты.',
    'cmd.register.flag.phone': 'Мобильный телефон, +998 и 9 цифр; на него придёт код в СМС.',
    'cmd.register.flag.actual-address': 'Где вы фактически живёте, если это не адрес прописки.',
    'cmd.register.flag.notify-by-email': 'Получать уведомления по электронной почте.',
    'cmd.register.flag.resume': 'Продолжить прерванную регистрацию: её номер (data.registrationId).',
    'cmd.register.flag.resend-sms': 'С --resume: сначала запросить у портала новый код по СМС.',
    'cmd.register.flag.password-file':
      'Прочитать новый пароль из этого файла (без завершающего перевода строки).',
    'cmd.register.flag.password-stdin': 'Прочитать новый пароль из стандартного ввода.',
    'cmd.register.flag.sms-code-file':
      'Прочитать код из СМС из этого файла (без завершающего перевода строки).',
    'cmd.register.flag.sms-code-stdin': 'Прочитать код из СМС из стандартного ввода после отправки СМС.',
    'cmd.register.flag.key-password-file':
      'Прочитать пароль ключа из этого файла (без завершающего перевода строки).',
    'cmd.register.flag.key-password-stdin': 'Прочитать пароль ключа из стандартного ввода.',

    'cmd.login.description': `Вход по паролю запрашивает пароль учётной записи (в скриптах — --password-file,
--password-stdin или ONEID_PASSWORD). С --key вместо пароля запрос портала подписывается ключом ЭЦП
(пароль ключа из --key-password-file, --key-password-stdin или ONEID_KEY_PASSWORD); ключ организации
входит от имени этого юридического лица.

Если у учётной записи несколько ролей (физическое лицо и привязанные юридические лица), роль выбирает
--role: «individual», ИНН или ИНН:роль. Без --role интерактивный терминал показывает список; скрипт
получает физическое лицо с предупреждением. --switch-role меняет роль текущей сессии на месте.

Сессия (токен, логин, роль, срок) хранится в системном хранилище паролей, а с --insecure-storage — в
файле, доступном только вам. Код 3: неверный логин или пароль либо роль недоступна.

Результат JSON: { login, portal, method: "password" | "key" | "switch-role", role: { type, tin?,
name?, role? }, roleChosenBy: "flag" | "picker" | "only" | "default", roles: [роль], previousRole?,
accountStatus?: "verified" | "unverified", expiresAt?, storage: "keychain" | "file" | "ONEID_TOKEN" }`,
    'cmd.login.arg.login': 'Логин учётной записи (спрашивается, если не указан).',
    'cmd.login.flag.key':
      'Войти этим ключом вместо пароля: файл .pfx, псевдоним, серийный номер или ПИНФЛ/ИНН.',
    'cmd.login.flag.role':
      'Роль: «individual», ИНН юридического лица или ИНН:роль (например, "281058213:Common For Head").',
    'cmd.login.flag.switch-role': 'Сменить роль текущей сессии вместо входа.',
    'cmd.login.flag.password-file': 'Прочитать пароль из этого файла (без завершающего перевода строки).',
    'cmd.login.flag.password-stdin': 'Прочитать пароль из стандартного ввода.',
    'cmd.login.flag.key-password-file':
      'Прочитать пароль ключа из этого файла (без завершающего перевода строки).',
    'cmd.login.flag.key-password-stdin': 'Прочитать пароль ключа из стандартного ввода.',

    'cmd.logout.description': `Завершает текущую сессию этого профиля на портале и удаляет её из системного хранилища
паролей (или из файла сессий с --insecure-storage). --all делает это для всех сохранённых сессий: всех
порталов и профилей. Если портал недоступен, сессия всё равно удаляется здесь (на портале она
закончится по сроку), и об этом выводится предупреждение. Выход без входа — не ошибка. С ONEID_TOKEN
токен завершается на портале; саму переменную удалите сами.

Результат JSON: { loggedOut: [{ portal, login?, profile?, endedOnPortal }], source: "keychain" |
"file" | "ONEID_TOKEN" }`,
    'cmd.logout.flag.all': 'Выйти из всех сохранённых сессий (все порталы и профили).',

    'cmd.whoami.description': `Спрашивает портал о текущей сессии: логин, ФИО, ПИНФЛ (скрыт без --show-pinfl), статус
учётной записи (подлинный / неподлинный), активная роль и юридическое лицо, способ входа, срок
сессии и откуда она взята (хранилище паролей, файл или ONEID_TOKEN). Код 3, если вход не выполнен
или сессия истекла.

Результат JSON: { login, fullName, pinfl, status: "verified" | "unverified", role: { type, tin?,
name?, role? }, legalEntity?: { tin, name?, role? }, authMethod, expiresAt, source: "keychain" |
"file" | "ONEID_TOKEN", portal }`,
    'cmd.whoami.flag.show-pinfl': 'Показать ПИНФЛ полностью.',

    'cmd.verify-account.description': `Подписывает запрос портала вашим личным ключом; портал проверяет подпись и то, что ПИНФЛ
ключа совпадает с ПИНФЛ учётной записи, и делает учётную запись подлинной. Только подлинные учётные
записи могут привязывать юридические лица и пользоваться расширенными услугами. Без --key
интерактивный терминал показывает ключи, найденные на ваших дисках. До отправки проверяется: ключ
действует сегодня, принадлежит вам (тот же ПИНФЛ) и является личным, а не ключом организации.

Код 3 — вход не выполнен, 4 — неверный пароль ключа, 5 — ключ просрочен или повреждён, 8 — портал
отказал (например, PINFL_MISMATCH).

Результат JSON: { login, status: "verified", already, certificateSerial?, key?: { serial, owner?, validTo } }`,
    'cmd.verify-account.flag.key': 'Ваш личный ключ: файл .pfx, псевдоним, серийный номер или ПИНФЛ.',
    'cmd.verify-account.flag.key-password-file':
      'Прочитать пароль ключа из этого файла (без завершающего перевода строки).',
    'cmd.verify-account.flag.key-password-stdin': 'Прочитать пароль ключа из стандартного ввода.',

    'cmd.le.bind.description': `Подписывает запрос портала ключом юридического лица (в его сертификате — ИНН организации и
ваш ПИНФЛ). Привязать может только подлинная учётная запись и только руководитель, записанный в
реестре организаций, или человек, уполномоченный организацией (oneid le employees add), своим
ключом организации, в роли, которую дала организация. Затем выберите новую роль: oneid login --switch-role --role <ИНН> или войдите
заново. Без --key интерактивный терминал показывает найденные ключи, ключи организаций первыми.

Код 3 — вход не выполнен, 4 — неверный пароль ключа, 5 — ключ просрочен, 8 — портал отказал
(ACCOUNT_UNVERIFIED, PINFL_MISMATCH, NOT_DIRECTOR, ALREADY_BOUND…).

Результат JSON: { tin, name, role, keySerial }`,
    'cmd.le.bind.flag.key': 'Ключ юридического лица: файл .pfx, псевдоним, серийный номер или ИНН.',
    'cmd.le.bind.flag.key-password-file':
      'Прочитать пароль ключа из этого файла (без завершающего перевода строки).',
    'cmd.le.bind.flag.key-password-stdin': 'Прочитать пароль ключа из стандартного ввода.',

    'cmd.le.list.description': `Юридические лица, от имени которых вы можете действовать (oneid login --role <ИНН>), и ваша
роль в каждом; отмечено то, от имени которого действует текущая сессия. Код 3, если вход не выполнен.

Результат JSON: { legalEntities: [{ tin, name?, role?, active }] }`,
    'cmd.le.show.description':
      'Карточка из реестра организации, от имени которой действует текущая сессия (войдите с --role <ИНН>):\nназвание, ИНН, руководитель, адрес, ваша роль и сотрудники, уполномоченные организацией, с их ролями\n(и привязали ли они уже организацию). Смотреть может любая роль организации.\n\nКод 3, если вход не выполнен или сессия действует как физическое лицо (ошибка говорит об этом).\n\nРезультат JSON: { tin, name, acronym, address, director: { fullName }, yourRole, employees: [{ fullName, role, bound }] }',
    'cmd.le.employees.list.description':
      'Люди, которых ваша организация уполномочила действовать от её имени: ПИНФЛ, имя, роль и привязали ли\nони организацию. Только руководитель, вошедший как «Common For Head» организации\n(oneid login --role "<ИНН>:Common For Head"); с другой ролью — код 3 с названием нужной роли.\n\nРезультат JSON: { tin, employees: [{ pinfl, fullName, role, grantedAt, bound }] }',
    'cmd.le.employees.add.description':
      'Руководитель (вошедший как «Common For Head» организации) уполномочивает человека из реестра\nнаселения по ПИНФЛ в роли «Common For Accountant» или «Common For Employee» (также «accountant»,\n«employee»). Затем этот человек входит, подаёт заявку на ключ организации на своё имя со своим телефоном\n(oneid key apply --legal; портал проверяет полномочия), привязывает организацию этим ключом\n(oneid le bind) и входит с ролью. Без терминала ПИНФЛ и --role обязательны (код 2).\n\nКод 3 без роли руководителя организации, 8 при отказе портала (NOT_IN_REGISTRY, IS_DIRECTOR,\nALREADY_AUTHORIZED).\n\nРезультат JSON: { pinfl, fullName, role, grantedAt, bound }',
    'cmd.le.employees.add.arg.pinfl': 'ПИНФЛ человека (14 цифр).',
    'cmd.le.employees.add.flag.role':
      '«Common For Accountant» или «Common For Employee» (или accountant, employee).',
    'cmd.le.employees.remove.description':
      'Отзывает полномочия (портал сохраняет запись): сессии сотрудника от имени организации сразу\nзавершаются, а вход с этой ролью — по паролю или ключом организации — отныне отклоняется. Только\nруководитель, вошедший как «Common For Head» организации.\n\nКод 3 без этой роли, 8, если человек не уполномочен (EMPLOYEE_NOT_FOUND).\n\nРезультат JSON: { pinfl, sessionsEnded }',
    'cmd.le.employees.remove.arg.pinfl': 'ПИНФЛ сотрудника.',
    'cmd.account.passwd.description':
      'Меняет пароль учётной записи, в которую выполнен вход: текущий пароль из --password-file,\n--password-stdin или ONEID_PASSWORD, новый — из --new-password-file, --new-password-stdin или\nONEID_NEW_PASSWORD (иначе скрытый ввод, новый дважды). Новый пароль сначала проверяется здесь\n(не менее 8 символов со специальным символом).\n\nВсе сессии учётной записи на портале завершаются (и эта), а этот компьютер забывает свои сессии этого\nлогина (во всех профилях): войдите заново с новым паролем.\n\nКод 3, если вход не выполнен, 8 при неверном текущем пароле (PASSWORD_WRONG; число попыток\nограничено, затем ACCOUNT_LOCKED).\n\nРезультат JSON: { login, sessionsEnded, localSessionsRemoved }',
    'cmd.account.passwd.flag.password-file':
      'Прочитать текущий пароль из этого файла (завершающий перевод строки отбрасывается).',
    'cmd.account.passwd.flag.password-stdin': 'Прочитать текущий пароль со стандартного ввода.',
    'cmd.account.passwd.flag.new-password-file':
      'Прочитать новый пароль из этого файла (завершающий перевод строки отбрасывается).',
    'cmd.account.passwd.flag.new-password-stdin': 'Прочитать новый пароль со стандартного ввода.',
    'cmd.account.recover.description':
      '«Забыли логин или пароль?» портала: подтвердите личность через --pinfl и --passport или ключом\nЭЦП (--key), получите SMS-код на телефон учётной записи и задайте новый пароль; ответ сообщает ваш\nлогин. Все сессии учётной записи завершаются, а этот компьютер забывает свои сессии этого логина.\n\nПортал отвечает одинаково, соответствуют ли ПИНФЛ и паспорт учётной записи или нет, поэтому и команда\nэтого не различает: при неверном паспорте SMS не придёт (шаг кода тогда отклоняется, как при неверном\nкоде). Попытки ограничены на ПИНФЛ и на адрес (RECOVERY_LOCKED), неверные коды — на одно SMS.\n\nСекреты: новый пароль из --new-password-file, --new-password-stdin или ONEID_NEW_PASSWORD, SMS-код из\n--sms-code-file, --sms-code-stdin (читается после отправки SMS) или ONEID_SMS_CODE, пароль ключа из\n--key-password-file, --key-password-stdin или ONEID_KEY_PASSWORD; иначе вопросы. Без терминала\nобязательны --pinfl и --passport (или --key) и источники (код 2).\n\nКод 8 при отказе портала (SMS_CODE_INVALID, SMS_ATTEMPTS_EXCEEDED, RECOVERY_LOCKED,\nNO_ACCOUNT_FOR_KEY).\n\nРезультат JSON: { login, method: "passport" | "key", sessionsEnded, localSessionsRemoved }',
    'cmd.account.recover.flag.pinfl': 'Ваш ПИНФЛ: 14 цифр, указан в паспорте.',
    'cmd.account.recover.flag.passport': 'Серия и номер паспорта или ID-карты, например AA1234567.',
    'cmd.account.recover.flag.key':
      'Подтвердить личность этим ключом: файл .pfx, псевдоним, серийный номер или ПИНФЛ.',
    'cmd.account.recover.flag.new-password-file':
      'Прочитать новый пароль из этого файла (завершающий перевод строки отбрасывается).',
    'cmd.account.recover.flag.new-password-stdin': 'Прочитать новый пароль со стандартного ввода.',
    'cmd.account.recover.flag.sms-code-file':
      'Прочитать SMS-код из этого файла (завершающий перевод строки отбрасывается).',
    'cmd.account.recover.flag.sms-code-stdin': 'Прочитать SMS-код со стандартного ввода после отправки SMS.',
    'cmd.account.recover.flag.key-password-file':
      'Прочитать пароль ключа из этого файла (завершающий перевод строки отбрасывается).',
    'cmd.account.recover.flag.key-password-stdin': 'Прочитать пароль ключа со стандартного ввода.',
    'cmd.register.flag.region': 'Область фактического адреса: код СОАТО или название из списка портала.',
    'cmd.register.flag.district': 'Район или город фактического адреса (с --region): код СОАТО или название.',
  },
  uz: {
    'cmd.register.description': `id.gov.uz ro‘yxatdan o‘tish ustasi (1–5-qadamlar). Har bir javob bayroq orqali berilishi
mumkin, shuning uchun skript uni savollarsiz bajara oladi: --accept-offer, --pinfl va --passport
(yoki pasport o‘rniga ERI kaliti bilan identifikatsiya uchun --with-key — chet el fuqarolari va
fuqaroligi bo‘lmagan shaxslar uchun ham mos), reyestr ma’lumotlarini tasdiqlash uchun --yes, --login,
--email, --phone hamda --password-file, --password-stdin yoki ONEID_PASSWORD dan parol. SMS kodi
--sms-code-file, --sms-code-stdin (SMS yuborilgandan keyin o‘qiladi), ONEID_SMS_CODE yoki savol orqali
olinadi; sandbox portalda uni oneid sandbox outbox ko‘rsatadi.

Har bir javob hech narsa yuborilishidan oldin shu yerda tekshiriladi (JShShIR nazorat raqami,
pasport formati, kamida 5 belgili login, maxsus belgili kamida 8 belgili parol, +998 mobil raqam);
terminal bo‘lmasa, barcha javoblar va SMS kodi manbai berilishi shart, aks holda hech narsa
yuborilmaydi (kod 2). Yangi hisob shaxsiy kalitingiz bilan tasdiqlanmaguncha (oneid verify-account)
“tasdiqlanmagan” bo‘ladi; kalit bilan ro‘yxatdan o‘tgan hisob darhol tasdiqlanadi.

Boshlangan va to‘xtab qolgan ro‘yxatdan o‘tish (noto‘g‘ri yoki muddati o‘tgan SMS kodi, aloqa uzilishi)
--resume <ro‘yxatdan o‘tish raqami> bilan davom ettiriladi (raqam xatoning data.registrationId
maydonida va maslahatda bor): portal qaysi qadamda ekanini aytadi va faqat qolgan qadamlar so‘raladi.
--resend-sms avval yangi SMS kodini yubortiradi.

--region va --district haqiqiy manzil viloyati va tumanini portal ro‘yxatidan beradi (SOATO kodi yoki nom); interaktiv terminal tanlash imkonini beradi.

JSON natija: { account: { id, login, pinfl (yashirilgan), status: "unverified" | "verified" },
fullName, method: "passport" | "key", next: [buyruq] }`,
    'cmd.register.flag.accept-offer': 'Ommaviy ofertani (1-qadam) ko‘rsatmasdan qabul qilish.',
    'cmd.register.flag.pinfl': 'JShShIR: 14 ta raqam, pasportda yozilgan.',
    'cmd.register.flag.passport': 'Pasport yoki ID-karta seriyasi va raqami, masalan AA1234567.',
    'cmd.register.flag.with-key': 'Pasport ma’lumotlari o‘rniga ERI kaliti bilan identifikatsiya qilish.',
    'cmd.register.flag.key': '--with-key uchun kalit: .pfx fayl, taxallus, seriya raqami yoki JShShIR.',
    'cmd.register.flag.yes': 'Aholi reyestridagi ma’lumotlarni tasdiqlash (3-qadam).',
    'cmd.register.flag.login': 'Yangi hisob logini (kamida 5 belgi).',
    'cmd.register.flag.email': 'Elektron pochta manzili.',
    'cmd.register.flag.phone': 'Mobil telefon, +998 va 9 ta raqam; SMS kodi shu raqamga yuboriladi.',
    'cmd.register.flag.actual-address': 'Ro‘yxatdagi manzildan farq qilsa, amalda yashaydigan joyingiz.',
    'cmd.register.flag.notify-by-email': 'Bildirishnomalarni elektron pochta orqali olish.',
    'cmd.register.flag.resume':
      'To‘xtab qolgan ro‘yxatdan o‘tishni davom ettirish: uning raqami (data.registrationId).',
    'cmd.register.flag.resend-sms': '--resume bilan: avval portaldan yangi SMS kodini so‘rash.',
    'cmd.register.flag.password-file':
      'Yangi parolni shu fayldan o‘qish (oxirgi qator ko‘chirish olib tashlanadi).',
    'cmd.register.flag.password-stdin': 'Yangi parolni standart kirishdan o‘qish.',
    'cmd.register.flag.sms-code-file':
      'SMS kodini shu fayldan o‘qish (oxirgi qator ko‘chirish olib tashlanadi).',
    'cmd.register.flag.sms-code-stdin': 'SMS kodini SMS yuborilgandan keyin standart kirishdan o‘qish.',
    'cmd.register.flag.key-password-file':
      'Kalit parolini shu fayldan o‘qish (oxirgi qator ko‘chirish olib tashlanadi).',
    'cmd.register.flag.key-password-stdin': 'Kalit parolini standart kirishdan o‘qish.',

    'cmd.login.description': `Parol bilan kirishda hisob paroli so‘raladi (skriptlarda --password-file, --password-stdin
yoki ONEID_PASSWORD). --key bilan parol o‘rniga portal so‘rovi ERI kaliti bilan imzolanadi (kalit
paroli --key-password-file, --key-password-stdin yoki ONEID_KEY_PASSWORD dan); tashkilot kaliti shu
yuridik shaxs nomidan kiradi.

Hisobda bir nechta rol bo‘lsa (jismoniy shaxs va bog‘langan yuridik shaxslar), --role rolni tanlaydi:
"individual", STIR yoki STIR:rol. --role bo‘lmasa, interaktiv terminal ro‘yxat ko‘rsatadi; skript
jismoniy shaxsni oladi va bu haqda ogohlantiriladi. --switch-role joriy sessiya rolini o‘rnida
almashtiradi.

Sessiya (token, login, rol, muddat) tizim parollar omborida, --insecure-storage bilan esa faqat siz
o‘qiy oladigan faylda saqlanadi. Kod 3: login yoki parol noto‘g‘ri yoki rol mavjud emas.

JSON natija: { login, portal, method: "password" | "key" | "switch-role", role: { type, tin?, name?,
role? }, roleChosenBy: "flag" | "picker" | "only" | "default", roles: [rol], previousRole?,
accountStatus?: "verified" | "unverified", expiresAt?, storage: "keychain" | "file" | "ONEID_TOKEN" }`,
    'cmd.login.arg.login': 'Hisob logini (berilmasa so‘raladi).',
    'cmd.login.flag.key':
      'Parol o‘rniga shu kalit bilan kirish: .pfx fayl, taxallus, seriya raqami yoki JShShIR/STIR.',
    'cmd.login.flag.role':
      'Rol: "individual", yuridik shaxs STIR yoki STIR:rol (masalan, "281058213:Common For Head").',
    'cmd.login.flag.switch-role': 'Kirish o‘rniga joriy sessiya rolini almashtirish.',
    'cmd.login.flag.password-file': 'Parolni shu fayldan o‘qish (oxirgi qator ko‘chirish olib tashlanadi).',
    'cmd.login.flag.password-stdin': 'Parolni standart kirishdan o‘qish.',
    'cmd.login.flag.key-password-file':
      'Kalit parolini shu fayldan o‘qish (oxirgi qator ko‘chirish olib tashlanadi).',
    'cmd.login.flag.key-password-stdin': 'Kalit parolini standart kirishdan o‘qish.',

    'cmd.logout.description': `Ushbu profilning joriy sessiyasini portalda yakunlaydi va uni tizim parollar omboridan (yoki
--insecure-storage bilan sessiya faylidan) o‘chiradi. --all buni barcha saqlangan sessiyalar uchun
bajaradi: barcha portallar va profillar. Portalga ulanib bo‘lmasa, sessiya baribir shu yerda
o‘chiriladi (portalda muddati tugaganda yakunlanadi) va bu haqda ogohlantiriladi. Kirmagan holda
chiqish xato emas. ONEID_TOKEN bilan token portalda yakunlanadi; o‘zgaruvchini o‘zingiz o‘chiring.

JSON natija: { loggedOut: [{ portal, login?, profile?, endedOnPortal }], source: "keychain" | "file" |
"ONEID_TOKEN" }`,
    'cmd.logout.flag.all': 'Barcha saqlangan sessiyalardan chiqish (barcha portallar va profillar).',

    'cmd.whoami.description': `Portaldan joriy sessiya haqida so‘raydi: login, F.I.Sh., JShShIR (--show-pinfl bo‘lmasa
yashirilgan), hisob holati (tasdiqlangan / tasdiqlanmagan), faol rol va yuridik shaxs, sessiya qanday
ochilgani, qachon tugashi va qayerdan olingani (parollar ombori, fayl yoki ONEID_TOKEN). Kirilmagan
yoki sessiya muddati tugagan bo‘lsa, kod 3.

JSON natija: { login, fullName, pinfl, status: "verified" | "unverified", role: { type, tin?, name?,
role? }, legalEntity?: { tin, name?, role? }, authMethod, expiresAt, source: "keychain" | "file" |
"ONEID_TOKEN", portal }`,
    'cmd.whoami.flag.show-pinfl': 'JShShIRni to‘liq ko‘rsatish.',

    'cmd.verify-account.description': `Portal so‘rovini shaxsiy kalitingiz bilan imzolaydi; portal imzoni va kalit JShShIRi hisobniki
bilan bir xilligini tekshiradi hamda hisobni tasdiqlangan deb belgilaydi. Faqat tasdiqlangan hisoblar
yuridik shaxslarni bog‘lay oladi va kengaytirilgan xizmatlardan foydalana oladi. --key bo‘lmasa,
interaktiv terminal disklaringizda topilgan kalitlarni ko‘rsatadi. Yuborishdan oldin tekshiriladi:
kalit bugun amal qiladi, sizga tegishli (o‘sha JShShIR) va tashkilot kaliti emas, shaxsiy kalit.

Kod 3 — kirilmagan, 4 — kalit paroli noto‘g‘ri, 5 — kalit muddati o‘tgan yoki shikastlangan, 8 — portal
rad etdi (masalan, PINFL_MISMATCH).

JSON natija: { login, status: "verified", already, certificateSerial?, key?: { serial, owner?, validTo } }`,
    'cmd.verify-account.flag.key': 'Shaxsiy kalitingiz: .pfx fayl, taxallus, seriya raqami yoki JShShIR.',
    'cmd.verify-account.flag.key-password-file':
      'Kalit parolini shu fayldan o‘qish (oxirgi qator ko‘chirish olib tashlanadi).',
    'cmd.verify-account.flag.key-password-stdin': 'Kalit parolini standart kirishdan o‘qish.',

    'cmd.le.bind.description': `Portal so‘rovini yuridik shaxs kaliti bilan imzolaydi (uning sertifikatida tashkilot STIRi va
sizning JShShIRingiz bor). Faqat tasdiqlangan hisob va faqat tashkilotlar reyestrida yozilgan rahbar
yoki tashkilot vakolat bergan shaxs (oneid le employees add) o‘zining tashkilot kaliti bilan, tashkilot
bergan rolda bog‘lay oladi. So‘ng yangi rolni tanlang: oneid login --switch-role --role <STIR> yoki qaytadan
kiring. --key bo‘lmasa, interaktiv terminal topilgan kalitlarni, avval tashkilot kalitlarini ko‘rsatadi.

Kod 3 — kirilmagan, 4 — kalit paroli noto‘g‘ri, 5 — kalit muddati o‘tgan, 8 — portal rad etdi
(ACCOUNT_UNVERIFIED, PINFL_MISMATCH, NOT_DIRECTOR, ALREADY_BOUND…).

JSON natija: { tin, name, role, keySerial }`,
    'cmd.le.bind.flag.key': 'Yuridik shaxs kaliti: .pfx fayl, taxallus, seriya raqami yoki STIR.',
    'cmd.le.bind.flag.key-password-file':
      'Kalit parolini shu fayldan o‘qish (oxirgi qator ko‘chirish olib tashlanadi).',
    'cmd.le.bind.flag.key-password-stdin': 'Kalit parolini standart kirishdan o‘qish.',

    'cmd.le.list.description': `Nomidan ish yurita oladigan yuridik shaxslaringiz (oneid login --role <STIR>) va ularning
har biridagi rolingiz; joriy sessiya nomidan ish yuritayotgani belgilangan. Kirilmagan bo‘lsa, kod 3.

JSON natija: { legalEntities: [{ tin, name?, role?, active }] }`,
    'cmd.le.show.description':
      'Joriy seans nomidan ish yuritayotgan tashkilotning reyestr kartochkasi (--role <STIR> bilan kiring):\nnomi, STIR, rahbar, manzil, sizning rolingiz va tashkilot vakolat bergan xodimlar hamda ularning rollari\n(tashkilotni bog‘laganmi yoki yo‘q). Tashkilotning istalgan roli ko‘ra oladi.\n\nTizimga kirilmagan yoki seans jismoniy shaxs sifatida ishlayotgan bo‘lsa, 3-kod (xato buni aytadi).\n\nJSON natija: { tin, name, acronym, address, director: { fullName }, yourRole, employees: [{ fullName, role, bound }] }',
    'cmd.le.employees.list.description':
      'Tashkilotingiz nomidan ish yuritishga vakolat bergan shaxslar: JShShIR, ism, rol va ular tashkilotni\nbog‘laganmi. Faqat tashkilotning «Common For Head» sifatida kirgan rahbari\n(oneid login --role "<STIR>:Common For Head"); boshqa rol bilan — kerakli rol nomi bilan 3-kod.\n\nJSON natija: { tin, employees: [{ pinfl, fullName, role, grantedAt, bound }] }',
    'cmd.le.employees.add.description':
      'Rahbar (tashkilotning «Common For Head» sifatida kirgan) aholi reestridagi shaxsga JShShIR bo‘yicha\n«Common For Accountant» yoki «Common For Employee» (shuningdek «accountant», «employee») rolida vakolat\nberadi. So‘ng bu shaxs tizimga kiradi, o‘z nomiga o‘z telefoni bilan tashkilot kalitiga ariza beradi\n(oneid key apply --legal; portal vakolatni tekshiradi), shu kalit bilan tashkilotni bog‘laydi\n(oneid le bind) va rol bilan kiradi. Terminal bo‘lmasa, JShShIR va --role majburiy (2-kod).\n\nTashkilot rahbari roli bo‘lmasa 3-kod, portal rad etsa 8-kod (NOT_IN_REGISTRY, IS_DIRECTOR,\nALREADY_AUTHORIZED).\n\nJSON natija: { pinfl, fullName, role, grantedAt, bound }',
    'cmd.le.employees.add.arg.pinfl': 'Shaxsning JShShIRi (14 raqam).',
    'cmd.le.employees.add.flag.role':
      '«Common For Accountant» yoki «Common For Employee» (yoki accountant, employee).',
    'cmd.le.employees.remove.description':
      'Vakolatni bekor qiladi (portal yozuvni saqlaydi): xodimning tashkilot nomidagi seanslari darhol\nyakunlanadi, endi bu rol bilan parol yoki tashkilot kaliti orqali kirish rad etiladi. Faqat tashkilotning\n«Common For Head» sifatida kirgan rahbari.\n\nBu rol bo‘lmasa 3-kod, shaxsga vakolat berilmagan bo‘lsa 8-kod (EMPLOYEE_NOT_FOUND).\n\nJSON natija: { pinfl, sessionsEnded }',
    'cmd.le.employees.remove.arg.pinfl': 'Xodimning JShShIRi.',
    'cmd.account.passwd.description':
      'Tizimga kirilgan hisob parolini o‘zgartiradi: joriy parol --password-file, --password-stdin yoki\nONEID_PASSWORD dan, yangisi --new-password-file, --new-password-stdin yoki ONEID_NEW_PASSWORD dan\n(aks holda yashirin kiritish, yangisi ikki marta). Yangi parol avval shu yerda tekshiriladi (kamida 8\nta belgi, maxsus belgi bilan).\n\nPortalda hisobning barcha seanslari yakunlanadi (bu ham), bu kompyuter esa shu loginning seanslarini\n(barcha profillarda) unutadi: yangi parol bilan qayta kiring.\n\nTizimga kirilmagan bo‘lsa 3-kod, joriy parol noto‘g‘ri bo‘lsa 8-kod (PASSWORD_WRONG; urinishlar\ncheklangan, keyin ACCOUNT_LOCKED).\n\nJSON natija: { login, sessionsEnded, localSessionsRemoved }',
    'cmd.account.passwd.flag.password-file':
      'Joriy parolni shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.account.passwd.flag.password-stdin': 'Joriy parolni standart kirishdan o‘qish.',
    'cmd.account.passwd.flag.new-password-file':
      'Yangi parolni shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.account.passwd.flag.new-password-stdin': 'Yangi parolni standart kirishdan o‘qish.',
    'cmd.account.recover.description':
      'Portaldagi «Login yoki parolni unutdingizmi?»: shaxsingizni --pinfl va --passport yoki ERI kalitingiz\n(--key) bilan tasdiqlang, hisob telefoniga SMS kod oling va yangi parol o‘rnating; javob loginingizni\naytadi. Hisobning barcha seanslari yakunlanadi, bu kompyuter esa shu loginning seanslarini unutadi.\n\nJShShIR va pasport hisobga mos kelsa ham, kelmasa ham portal bir xil javob beradi, shuning uchun\nbuyruq ham buni ajratmaydi: pasport noto‘g‘ri bo‘lsa SMS kelmaydi (kod bosqichi noto‘g‘ri koddagidek\nrad etiladi). Urinishlar JShShIR va manzil bo‘yicha (RECOVERY_LOCKED), noto‘g‘ri kodlar esa har SMS\nbo‘yicha cheklangan.\n\nMaxfiy qiymatlar: yangi parol --new-password-file, --new-password-stdin yoki ONEID_NEW_PASSWORD dan,\nSMS kod --sms-code-file, --sms-code-stdin (SMS yuborilgach o‘qiladi) yoki ONEID_SMS_CODE dan, kalit\nparoli --key-password-file, --key-password-stdin yoki ONEID_KEY_PASSWORD dan; aks holda savollar.\nTerminal bo‘lmasa --pinfl va --passport (yoki --key) va manbalar majburiy (2-kod).\n\nPortal rad etsa 8-kod (SMS_CODE_INVALID, SMS_ATTEMPTS_EXCEEDED, RECOVERY_LOCKED, NO_ACCOUNT_FOR_KEY).\n\nJSON natija: { login, method: "passport" | "key", sessionsEnded, localSessionsRemoved }',
    'cmd.account.recover.flag.pinfl': 'JShShIRingiz: 14 raqam, pasportda yozilgan.',
    'cmd.account.recover.flag.passport': 'Pasport yoki ID-karta seriyasi va raqami, masalan AA1234567.',
    'cmd.account.recover.flag.key':
      'Shaxsni shu kalit bilan tasdiqlash: .pfx fayl, taxallus, seriya raqami yoki JShShIR.',
    'cmd.account.recover.flag.new-password-file':
      'Yangi parolni shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.account.recover.flag.new-password-stdin': 'Yangi parolni standart kirishdan o‘qish.',
    'cmd.account.recover.flag.sms-code-file':
      'SMS kodni shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.account.recover.flag.sms-code-stdin': 'SMS yuborilgach, SMS kodni standart kirishdan o‘qish.',
    'cmd.account.recover.flag.key-password-file':
      'Kalit parolini shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.account.recover.flag.key-password-stdin': 'Kalit parolini standart kirishdan o‘qish.',
    'cmd.register.flag.region': 'Haqiqiy manzil viloyati: SOATO kodi yoki portal ro‘yxatidagi nom.',
    'cmd.register.flag.district': 'Haqiqiy manzil tumani yoki shahri (--region bilan): SOATO kodi yoki nom.',
  },
} satisfies Catalog;
