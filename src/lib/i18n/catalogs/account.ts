import type { Catalog } from '../types.js';

// Messages of the `account` area (register, verify-account, login, logout, whoami, le). Keys start
// with `account.`; every key exists in en, ru and uz (test/i18n.test.ts fails on a missing key or
// on a key no source file uses). The portal's own words are kept: "подлинный" / "неподлинный".
export default {
  en: {
    'account.whoami.method.password': 'login and password (LOGINPASSMETHOD)',
    'account.whoami.method.key': 'personal key (PKCSMETHOD)',
    'account.whoami.method.companyKey': 'legal entity key (LEPKCSMETHOD)',
    'account.status.verified': 'verified',
    'account.status.unverified': 'unverified',
    'account.role.individual': 'Individual',
    'account.role.legal': '{name} (TIN {tin}), {role}',

    'account.prompt.acceptOffer': 'Do you accept the offer?',
    'account.prompt.pinfl': 'PINFL (14 digits, printed in the passport)',
    'account.prompt.passport': 'Passport series and number (e.g. AA1234567)',
    'account.prompt.confirmData': 'Is this data correct?',
    'account.prompt.newLogin': 'Login (at least 5 characters)',
    'account.prompt.newPassword': 'Password (at least 8 characters with a special character)',
    'account.prompt.repeatPassword': 'Repeat the password',
    'account.prompt.email': 'E-mail',
    'account.prompt.phone': 'Mobile phone (+998 …)',
    'account.prompt.actualAddress': 'Actual address (leave empty if it is the registered one)',
    'account.prompt.notify': 'Send notifications by e-mail?',
    'account.prompt.smsCode': 'Code from the SMS',
    'account.prompt.login': 'Login',
    'account.prompt.password': 'Password',
    'account.prompt.keyPassword': 'Key password',
    'account.prompt.key': 'Choose a key',
    'account.prompt.role': 'Choose a role',

    'account.person.surname': 'Surname',
    'account.person.firstName': 'First name',
    'account.person.patronymic': 'Patronymic',
    'account.person.sex': 'Sex',
    'account.person.male': 'male',
    'account.person.female': 'female',
    'account.person.birthDate': 'Date of birth',
    'account.person.birthPlace': 'Place of birth',
    'account.person.birthCountry': 'Country of birth',
    'account.person.nationality': 'Nationality',
    'account.person.citizenship': 'Citizenship',
    'account.person.passportIssuedBy': 'Issued by',
    'account.person.passportIssueDate': 'Date of issue',
    'account.person.passportExpiryDate': 'Date of expiry',
    'account.person.address': 'Registered address',

    'account.register.registryData': 'Your data in the population registry:',
    'account.register.address': 'Registered address: {address}',
    'account.register.smsSent':
      'A confirmation code was sent by SMS to {phone}; it is valid for {seconds} s.',
    'account.register.smsLast':
      'Enter the code of the last SMS of this registration (--resend-sms has a new one sent).',
    'account.register.done': 'Account {login} is registered. Status: {status}.',
    'account.hint.afterRegister':
      'Next: log in (oneid login {login}) and verify the account with your personal key (oneid verify-account), so that all services open to you.',
    'account.hint.afterRegisterVerified': 'Next: log in with oneid login {login}.',

    'account.login.done': 'Logged in as {login}: {role}.',
    'account.login.switched': 'The session now acts as: {role}.',
    'account.login.defaultRole':
      'This account has several roles; the individual was chosen. Choose another with --role ({roles}).',
    'account.session.insecure':
      'The session is kept in a file (insecure storage), not in the OS keychain: anyone who can read your files as you can use it.',
    'account.session.keychainUnreachable':
      'The OS keychain could not be reached, so sessions kept there were not looked at ({reason}).',
    'account.progress.signingIn': 'Signing in…',
    'account.progress.switching': 'Changing the role…',

    'account.logout.done': 'Logged out: {login} on {portal}.',
    'account.logout.none': 'You were not logged in.',
    'account.logout.unreachable':
      'The portal {portal} could not be reached to end the session there; it was removed here and ends on the portal when it expires.',
    'account.hint.unsetToken': 'ONEID_TOKEN is still set in your environment: unset it as well.',

    'account.whoami.login': 'Login',
    'account.whoami.name': 'Name',
    'account.whoami.pinfl': 'PINFL',
    'account.whoami.status': 'Account status',
    'account.whoami.role': 'Role',
    'account.whoami.method': 'Signed in with',
    'account.whoami.expires': 'Session expires',
    'account.whoami.portal': 'Portal',
    'account.whoami.source': 'Session from',
    'account.whoami.source.keychain': 'OS keychain',
    'account.whoami.source.file': 'file (insecure storage)',
    'account.whoami.source.token': 'ONEID_TOKEN environment variable',

    'account.verify.done': 'Account {login} is now {status}.',
    'account.verify.already': 'Account {login} is already {status}.',
    'account.hint.afterVerify':
      'You can now bind a legal entity with its key: oneid le bind --key <company key>.',

    'account.le.bound': 'Bound {name} (TIN {tin}); your role: {role}.',
    'account.le.none': 'No legal entity is bound to this account.',
    'account.hint.afterBind': 'To act for it: oneid login --switch-role --role {tin}',

    'account.key.until': 'valid until {date}',
    'account.key.expired': 'expired',

    'account.error.email': 'The e-mail address "{value}" is not valid.',
    'account.error.offerDeclined': 'The offer was not accepted, so the registration stops here.',
    'account.error.dataRejected': 'The registry data was not confirmed, so the registration stops here.',
    'account.error.passwordMismatch': 'The two passwords differ.',
    'account.error.stdinTwice':
      '{first} and {second} cannot both read standard input: give one of them in a file (--…-file) or its environment variable.',
    'account.error.resendWithoutResume':
      '--resend-sms asks for a new code of a registration already started: use it with --resume <registration id>.',
    'account.error.roleSpec': 'The role "{value}" is not valid: write "individual", a TIN, or TIN:role.',
    'account.error.roleNotLegal':
      'TIN {tin} belongs to an individual; a legal entity role needs a company TIN (it starts with 2).',
    'account.error.roleNotAvailable': 'The role {role} is not available to this account. Available: {roles}.',
    'account.error.notLoggedIn': 'You are not logged in to {portal}.',
    'account.error.sessionExpired': 'The session of {login} expired at {at}.',
    'account.error.keyWithoutPinfl':
      'The certificate of key {serial} carries no PINFL, so it cannot identify you.',
    'account.error.notCompanyKey':
      'The key {serial} is a personal key; binding a legal entity needs the legal entity’s key (its certificate carries the company TIN).',
    'account.error.notPersonalKey':
      'The key {serial} belongs to the legal entity with TIN {tin}; verify the account with your personal key.',
    'account.error.pinflMismatch':
      'The key belongs to another person: its PINFL is {key}, the account’s is {account}.',
    'account.error.signFailed': 'Signing the portal’s challenge failed: {reason}',
    'account.error.noKeys': 'No keys were found on the key disks.',

    'account.refused.identityNotFound':
      'No person with this PINFL and passport is in the population registry.',
    'account.refused.passportExpired':
      'Your passport has expired, so the portal cannot identify you with it.',
    'account.refused.foreigner':
      'Foreign citizens and stateless persons cannot be identified by passport data.',
    'account.refused.accountExists': 'An account for this PINFL already exists.',
    'account.refused.loginTaken': 'This login is already taken.',
    'account.refused.loginInvalid': 'The portal does not accept this login: {message}',
    'account.refused.passwordWeak':
      'The password is too weak: at least 8 characters including a special character.',
    'account.refused.emailInvalid': 'The portal does not accept this e-mail address.',
    'account.refused.phoneInvalid': 'The portal does not accept this phone number.',
    'account.refused.smsCodeInvalid': 'The SMS code is wrong ({attemptsLeft} attempts left).',
    'account.refused.smsCodeExpired': 'The SMS code has expired or was replaced by a newer one.',
    'account.refused.smsAttempts': 'Too many wrong SMS codes.',
    'account.refused.smsRateLimited': 'Too many SMS messages were sent; wait a while.',
    'account.refused.registrationGone': 'This registration has expired or does not exist.',
    'account.refused.registrationCompleted': 'This registration is already complete: the account exists.',
    'account.refused.credentials': 'Wrong login or password.',
    'account.refused.locked': 'Too many failed sign-ins: signing in is locked for {retryAfter} s.',
    'account.refused.identityAttempts':
      'Too many wrong PINFL and passport pairs: identification by passport is locked for {retryAfter} s.',
    'account.refused.roleNotAvailable': 'This role is not available to the account.',
    'account.refused.sessionGone': 'The portal no longer knows this session (it expired or was ended).',
    'account.refused.notVerified':
      'The account is not verified ("unverified"): only a verified account can do this.',
    'account.refused.pinflMismatch':
      'The key belongs to another person (its PINFL differs from the account’s).',
    'account.refused.signatureInvalid': 'The portal did not accept the signature or the key’s certificate.',
    'account.refused.certificateRevoked': 'The portal refused the key: its certificate is revoked.',
    'account.refused.challenge': 'The signed challenge expired or was already used.',
    'account.refused.noPinfl': 'The key’s certificate carries no PINFL.',
    'account.refused.noAccountForKey': 'No account belongs to the owner of this key.',
    'account.refused.notBound': 'This legal entity is not bound to your account.',
    'account.refused.alreadyBound': 'This legal entity is already bound to your account.',
    'account.refused.notDirector':
      'Only the director recorded in the company registry can bind the legal entity.',
    'account.refused.companyNotFound': 'The TIN of this key is not in the company registry.',
    'account.refused.notCompanyKey': 'This is not a legal entity’s key (no company TIN in its certificate).',

    'account.hint.checkPassport':
      'Check the PINFL and the passport series and number as printed in the passport.',
    'account.hint.renewPassport':
      'Renew the passport at a Public Services Centre, or register with a key: oneid register --with-key.',
    'account.hint.registerWithKey':
      'Register with a signature key instead: oneid register --with-key --key <your key>.',
    'account.hint.login': 'Log in with oneid login.',
    'account.hint.otherLogin': 'Choose another login.',
    'account.hint.smsCodeRetry': 'Check the code in the latest SMS and try again.',
    'account.hint.registerAgain': 'Start the registration again: oneid register.',
    'account.hint.resumeCode':
      'Check the code in the latest SMS and go on with: oneid register --resume {id} (the code from --sms-code-file, --sms-code-stdin or ONEID_SMS_CODE).',
    'account.hint.resumeNewCode':
      'Have a new code sent and go on with: oneid register --resume {id} --resend-sms',
    'account.hint.credentials': 'Check the login and the password (letters are case-sensitive).',
    'account.hint.leList': 'See the roles you have with oneid le list.',
    'account.hint.verify':
      'Verify the account with your personal key: oneid verify-account --key <your key>.',
    'account.hint.ownKey':
      'Use a key issued to you (same PINFL as the account): oneid key list shows whose each key is.',
    'account.hint.keyDoctor': 'Check the key with oneid key doctor.',
    'account.hint.revokedKey':
      'oneid key doctor shows when and why it was revoked; a revoked key cannot be restored: apply for a new one (oneid key apply).',
    'account.hint.clock': 'Run the command again; if it repeats, check that the computer’s clock is right.',
    'account.hint.register': 'Register first: oneid register --with-key.',
    'account.hint.leBind': 'Bind it with its key: oneid le bind --key <company key>.',
    'account.hint.companyKey': 'Choose the legal entity’s key: oneid key list shows the TIN of each key.',
    'account.hint.keyFlag':
      'Give the key with --key, or add the folder that holds it: oneid config set key-roots <folder>.',
    'account.error.roleRequired': 'This needs the company role "{role}"; the session acts as {current}.',
    'account.error.companyRoleRequired': 'This needs a company role; the session acts as {current}.',
    'account.hint.switchRole':
      'Switch to it: oneid login --switch-role --role "<TIN>:{role}" (oneid le list shows your roles).',
    'account.hint.switchCompany':
      'Switch to a company: oneid login --switch-role --role <TIN> (oneid le list shows them).',
    'account.error.employeeRole': 'Unknown role "{value}": one of {roles}.',
    'account.error.districtWithoutRegion': '--district needs --region (the region it is in).',
    'account.error.regionUnknown': 'The portal lists no region "{value}". Regions: {choices}',
    'account.error.districtUnknown':
      'The portal lists no district "{value}" in {region}. Districts: {choices}',
    'account.prompt.region': 'Region (viloyat)',
    'account.prompt.district': 'District or city (tuman / shahar)',
    'account.company.name': 'Company',
    'account.company.tin': 'TIN',
    'account.company.director': 'Director',
    'account.company.address': 'Address',
    'account.company.yourRole': 'Your role',
    'account.company.employees': 'Employees the company authorizes:',
    'account.company.noEmployees': 'The company authorizes no employees.',
    'account.company.notBound': 'has not bound the company yet',
    'account.employees.none': 'The company {tin} authorizes no employees.',
    'account.hint.employeesAdd':
      'Authorize one: oneid le employees add <PINFL> --role "Common For Accountant".',
    'account.employees.bound': 'bound',
    'account.employees.notBound': 'not bound yet',
    'account.employees.added': '{name} may now act for the company as "{role}".',
    'account.hint.employeeNext':
      'Next, the employee (logged in) applies for a company key with their own phone: oneid key apply --legal; then oneid le bind.',
    'account.employees.removed':
      'The authorization of {pinfl} is revoked; {sessions} of their sessions in the company role ended, {keys} of their company keys revoked (affiliation changed).',
    'account.prompt.employeePinfl': "The employee's PINFL (14 digits)",
    'account.prompt.employeeRole': 'Role in the company',
    'account.prompt.currentPassword': 'Current password',
    'account.passwd.done': 'The password of {login} is changed.',
    'account.passwd.sessionsEnded':
      'Sessions ended on the portal: {count}; removed from this computer: {local}.',
    'account.hint.loginAgain': 'Log in with the new password: oneid login {login}',
    'account.prompt.recoverHow': 'How do you prove who you are?',
    'account.recover.byPassport': 'PINFL and passport',
    'account.recover.byKey': 'A signature key (ERI)',
    'account.recover.smsSent': 'An SMS code was sent to {phone}.',
    'account.recover.smsIfMatch':
      'If the PINFL and passport match an account, an SMS code was sent to its phone.',
    'account.recover.done': 'The password is changed. Your login: {login}',
    'account.refused.roleRequired': 'The portal refused: this needs another role ({message}).',
    'account.refused.alreadyAuthorized':
      'This person is authorized already; remove them first to change the role.',
    'account.refused.employeeNotFound': 'The company does not authorize this person.',
    'account.refused.isDirector': 'The director holds the company role already.',
    'account.refused.notInRegistry': 'No person with this PINFL in the population registry.',
    'account.refused.passwordWrong': 'The current password is wrong; nothing was changed.',
    'account.refused.passwordUnchanged': 'The new password is the same as the current one.',
    'account.refused.recoveryLocked':
      'Too many failed recovery attempts for this PINFL or from this address.',
  },
  ru: {
    'account.whoami.method.password': 'логин и пароль (LOGINPASSMETHOD)',
    'account.whoami.method.key': 'личный ключ ЭЦП (PKCSMETHOD)',
    'account.whoami.method.companyKey': 'ключ юридического лица (LEPKCSMETHOD)',
    'account.status.verified': 'подлинный',
    'account.status.unverified': 'неподлинный',
    'account.role.individual': 'Физическое лицо',
    'account.role.legal': '{name} (ИНН {tin}), {role}',

    'account.prompt.acceptOffer': 'Вы принимаете условия оферты?',
    'account.prompt.pinfl': 'ПИНФЛ (14 цифр, указан в паспорте)',
    'account.prompt.passport': 'Серия и номер паспорта (например, AA1234567)',
    'account.prompt.confirmData': 'Данные верны?',
    'account.prompt.newLogin': 'Логин (не менее 5 символов)',
    'account.prompt.newPassword': 'Пароль (не менее 8 символов, включая специальный символ)',
    'account.prompt.repeatPassword': 'Повторите пароль',
    'account.prompt.email': 'Электронная почта',
    'account.prompt.phone': 'Мобильный телефон (+998 …)',
    'account.prompt.actualAddress': 'Фактический адрес (оставьте пустым, если совпадает с адресом прописки)',
    'account.prompt.notify': 'Получать уведомления по электронной почте?',
    'account.prompt.smsCode': 'Код из СМС',
    'account.prompt.login': 'Логин',
    'account.prompt.password': 'Пароль',
    'account.prompt.keyPassword': 'Пароль ключа',
    'account.prompt.key': 'Выберите ключ',
    'account.prompt.role': 'Выберите роль',

    'account.person.surname': 'Фамилия',
    'account.person.firstName': 'Имя',
    'account.person.patronymic': 'Отчество',
    'account.person.sex': 'Пол',
    'account.person.male': 'мужской',
    'account.person.female': 'женский',
    'account.person.birthDate': 'Дата рождения',
    'account.person.birthPlace': 'Место рождения',
    'account.person.birthCountry': 'Страна рождения',
    'account.person.nationality': 'Национальность',
    'account.person.citizenship': 'Гражданство',
    'account.person.passportIssuedBy': 'Кем выдан',
    'account.person.passportIssueDate': 'Дата выдачи',
    'account.person.passportExpiryDate': 'Срок действия',
    'account.person.address': 'Адрес прописки',

    'account.register.registryData': 'Ваши данные в реестре населения:',
    'account.register.address': 'Адрес прописки: {address}',
    'account.register.smsSent': 'Код подтверждения отправлен по СМС на {phone}; он действует {seconds} с.',
    'account.register.smsLast':
      'Введите код из последнего СМС этой регистрации (с --resend-sms будет отправлен новый).',
    'account.register.done': 'Учётная запись {login} зарегистрирована. Статус: {status}.',
    'account.hint.afterRegister':
      'Далее: войдите (oneid login {login}) и подтвердите учётную запись своим личным ключом ЭЦП (oneid verify-account), чтобы получить доступ ко всем услугам.',
    'account.hint.afterRegisterVerified': 'Далее: войдите командой oneid login {login}.',

    'account.login.done': 'Вы вошли как {login}: {role}.',
    'account.login.switched': 'Теперь сессия действует от имени: {role}.',
    'account.login.defaultRole':
      'У этой учётной записи несколько ролей; выбрано физическое лицо. Другую роль можно выбрать через --role ({roles}).',
    'account.session.insecure':
      'Сессия хранится в файле (небезопасное хранилище), а не в системном хранилище паролей: её может использовать любой, кто может читать ваши файлы.',
    'account.session.keychainUnreachable':
      'Системное хранилище паролей недоступно, сессии в нём не проверены ({reason}).',
    'account.progress.signingIn': 'Вход…',
    'account.progress.switching': 'Смена роли…',

    'account.logout.done': 'Выход выполнен: {login} на {portal}.',
    'account.logout.none': 'Вы не были в системе.',
    'account.logout.unreachable':
      'Портал {portal} недоступен, поэтому сессия не завершена на нём; здесь она удалена, а на портале закончится по истечении срока.',
    'account.hint.unsetToken': 'Переменная ONEID_TOKEN всё ещё задана в окружении: удалите и её.',

    'account.whoami.login': 'Логин',
    'account.whoami.name': 'Ф. И. О.',
    'account.whoami.pinfl': 'ПИНФЛ',
    'account.whoami.status': 'Статус учётной записи',
    'account.whoami.role': 'Роль',
    'account.whoami.method': 'Способ входа',
    'account.whoami.expires': 'Сессия истекает',
    'account.whoami.portal': 'Портал',
    'account.whoami.source': 'Сессия из',
    'account.whoami.source.keychain': 'системное хранилище паролей',
    'account.whoami.source.file': 'файл (небезопасное хранилище)',
    'account.whoami.source.token': 'переменная окружения ONEID_TOKEN',

    'account.verify.done': 'Учётная запись {login} теперь имеет статус «{status}».',
    'account.verify.already': 'Учётная запись {login} уже имеет статус «{status}».',
    'account.hint.afterVerify':
      'Теперь можно привязать юридическое лицо его ключом: oneid le bind --key <ключ организации>.',

    'account.le.bound': 'Привязано: {name} (ИНН {tin}); ваша роль: {role}.',
    'account.le.none': 'К этой учётной записи не привязано ни одного юридического лица.',
    'account.hint.afterBind': 'Чтобы действовать от его имени: oneid login --switch-role --role {tin}',

    'account.key.until': 'действует до {date}',
    'account.key.expired': 'истёк',

    'account.error.email': 'Адрес электронной почты «{value}» указан неверно.',
    'account.error.offerDeclined': 'Условия оферты не приняты, поэтому регистрация остановлена.',
    'account.error.dataRejected': 'Данные реестра не подтверждены, поэтому регистрация остановлена.',
    'account.error.passwordMismatch': 'Введённые пароли не совпадают.',
    'account.error.stdinTwice':
      '{first} и {second} не могут оба читать стандартный ввод: передайте одно из значений в файле (--…-file) или через его переменную окружения.',
    'account.error.resendWithoutResume':
      '--resend-sms запрашивает новый код для уже начатой регистрации: используйте его вместе с --resume <номер регистрации>.',
    'account.error.roleSpec': 'Роль «{value}» указана неверно: укажите «individual», ИНН или ИНН:роль.',
    'account.error.roleNotLegal':
      'ИНН {tin} принадлежит физическому лицу; для роли юридического лица нужен ИНН организации (начинается с 2).',
    'account.error.roleNotAvailable': 'Роль {role} недоступна этой учётной записи. Доступны: {roles}.',
    'account.error.notLoggedIn': 'Вы не вошли в систему на {portal}.',
    'account.error.sessionExpired': 'Сессия {login} истекла в {at}.',
    'account.error.keyWithoutPinfl':
      'В сертификате ключа {serial} нет ПИНФЛ, поэтому он не может вас идентифицировать.',
    'account.error.notCompanyKey':
      'Ключ {serial} — личный; для привязки юридического лица нужен ключ организации (в его сертификате есть ИНН организации).',
    'account.error.notPersonalKey':
      'Ключ {serial} принадлежит юридическому лицу с ИНН {tin}; подтвердите учётную запись своим личным ключом.',
    'account.error.pinflMismatch':
      'Ключ принадлежит другому человеку: его ПИНФЛ {key}, а у учётной записи {account}.',
    'account.error.signFailed': 'Не удалось подписать запрос портала: {reason}',
    'account.error.noKeys': 'На дисках с ключами не найдено ни одного ключа.',

    'account.refused.identityNotFound': 'В реестре населения нет человека с таким ПИНФЛ и паспортом.',
    'account.refused.passportExpired':
      'Срок действия вашего паспорта истёк, поэтому портал не может идентифицировать вас по нему.',
    'account.refused.foreigner':
      'Иностранные граждане и лица без гражданства не могут пройти идентификацию по паспортным данным.',
    'account.refused.accountExists': 'Учётная запись с этим ПИНФЛ уже существует.',
    'account.refused.loginTaken': 'Этот логин уже занят.',
    'account.refused.loginInvalid': 'Портал не принимает этот логин: {message}',
    'account.refused.passwordWeak':
      'Слишком простой пароль: нужно не менее 8 символов, включая специальный символ.',
    'account.refused.emailInvalid': 'Портал не принимает этот адрес электронной почты.',
    'account.refused.phoneInvalid': 'Портал не принимает этот номер телефона.',
    'account.refused.smsCodeInvalid': 'Неверный код из СМС (осталось попыток: {attemptsLeft}).',
    'account.refused.smsCodeExpired': 'Срок действия кода из СМС истёк, или он заменён более новым.',
    'account.refused.smsAttempts': 'Слишком много неверных кодов из СМС.',
    'account.refused.smsRateLimited': 'Отправлено слишком много СМС; подождите.',
    'account.refused.registrationGone': 'Эта регистрация устарела или не существует.',
    'account.refused.registrationCompleted': 'Эта регистрация уже завершена: учётная запись создана.',
    'account.refused.credentials': 'Неверный логин или пароль.',
    'account.refused.locked': 'Слишком много неудачных попыток входа: вход заблокирован на {retryAfter} с.',
    'account.refused.identityAttempts':
      'Слишком много неверных пар ПИНФЛ и паспорта: идентификация по паспорту заблокирована на {retryAfter} с.',
    'account.refused.roleNotAvailable': 'Эта роль недоступна учётной записи.',
    'account.refused.sessionGone': 'Портал больше не знает эту сессию (она истекла или была завершена).',
    'account.refused.notVerified':
      'Учётная запись не подтверждена («неподлинный»): это может только подтверждённая учётная запись.',
    'account.refused.pinflMismatch':
      'Ключ принадлежит другому человеку (ПИНФЛ не совпадает с ПИНФЛ учётной записи).',
    'account.refused.signatureInvalid': 'Портал не принял подпись или сертификат ключа.',
    'account.refused.certificateRevoked': 'Портал отклонил ключ: его сертификат отозван.',
    'account.refused.challenge': 'Срок подписанного запроса истёк, или он уже был использован.',
    'account.refused.noPinfl': 'В сертификате ключа нет ПИНФЛ.',
    'account.refused.noAccountForKey': 'У владельца этого ключа нет учётной записи.',
    'account.refused.notBound': 'Это юридическое лицо не привязано к вашей учётной записи.',
    'account.refused.alreadyBound': 'Это юридическое лицо уже привязано к вашей учётной записи.',
    'account.refused.notDirector':
      'Привязать юридическое лицо может только руководитель, указанный в реестре организаций.',
    'account.refused.companyNotFound': 'ИНН этого ключа отсутствует в реестре организаций.',
    'account.refused.notCompanyKey': 'Это не ключ юридического лица (в сертификате нет ИНН организации).',

    'account.hint.checkPassport':
      'Проверьте ПИНФЛ, серию и номер паспорта так, как они напечатаны в паспорте.',
    'account.hint.renewPassport':
      'Замените паспорт в Центре государственных услуг или зарегистрируйтесь с ключом ЭЦП: oneid register --with-key.',
    'account.hint.registerWithKey':
      'Зарегистрируйтесь с ключом ЭЦП: oneid register --with-key --key <ваш ключ>.',
    'account.hint.login': 'Войдите командой oneid login.',
    'account.hint.otherLogin': 'Выберите другой логин.',
    'account.hint.smsCodeRetry': 'Проверьте код в последнем СМС и попробуйте снова.',
    'account.hint.registerAgain': 'Начните регистрацию заново: oneid register.',
    'account.hint.resumeCode':
      'Проверьте код в последнем СМС и продолжите: oneid register --resume {id} (код из --sms-code-file, --sms-code-stdin или ONEID_SMS_CODE).',
    'account.hint.resumeNewCode':
      'Запросите новый код и продолжите: oneid register --resume {id} --resend-sms',
    'account.hint.credentials': 'Проверьте логин и пароль (регистр букв имеет значение).',
    'account.hint.leList': 'Доступные роли покажет oneid le list.',
    'account.hint.verify':
      'Подтвердите учётную запись личным ключом ЭЦП: oneid verify-account --key <ваш ключ>.',
    'account.hint.ownKey':
      'Используйте ключ, выданный вам (с тем же ПИНФЛ, что у учётной записи): oneid key list покажет владельца каждого ключа.',
    'account.hint.keyDoctor': 'Проверьте ключ командой oneid key doctor.',
    'account.hint.revokedKey':
      'oneid key doctor покажет, когда и почему он отозван; отозванный ключ не восстановить: подайте заявку на новый (oneid key apply).',
    'account.hint.clock': 'Повторите команду; если ошибка повторится, проверьте часы компьютера.',
    'account.hint.register': 'Сначала зарегистрируйтесь: oneid register --with-key.',
    'account.hint.leBind': 'Привяжите его ключом организации: oneid le bind --key <ключ организации>.',
    'account.hint.companyKey': 'Выберите ключ юридического лица: oneid key list покажет ИНН каждого ключа.',
    'account.hint.keyFlag':
      'Укажите ключ через --key или добавьте папку с ним: oneid config set key-roots <папка>.',
    'account.error.roleRequired':
      'Для этого нужна роль организации «{role}»; сессия действует как {current}.',
    'account.error.companyRoleRequired': 'Для этого нужна роль организации; сессия действует как {current}.',
    'account.hint.switchRole':
      'Переключитесь: oneid login --switch-role --role "<ИНН>:{role}" (ваши роли покажет oneid le list).',
    'account.hint.switchCompany':
      'Переключитесь на организацию: oneid login --switch-role --role <ИНН> (их покажет oneid le list).',
    'account.error.employeeRole': 'Неизвестная роль «{value}»: допустимы {roles}.',
    'account.error.districtWithoutRegion': 'Для --district нужен --region (область, в которой он находится).',
    'account.error.regionUnknown': 'На портале нет области «{value}». Области: {choices}',
    'account.error.districtUnknown': 'На портале нет района «{value}» в регионе {region}. Районы: {choices}',
    'account.prompt.region': 'Область (вилоят)',
    'account.prompt.district': 'Район или город (туман / шахар)',
    'account.company.name': 'Организация',
    'account.company.tin': 'ИНН',
    'account.company.director': 'Руководитель',
    'account.company.address': 'Адрес',
    'account.company.yourRole': 'Ваша роль',
    'account.company.employees': 'Сотрудники, уполномоченные организацией:',
    'account.company.noEmployees': 'Организация не уполномочила ни одного сотрудника.',
    'account.company.notBound': 'ещё не привязал организацию',
    'account.employees.none': 'Организация {tin} не уполномочила ни одного сотрудника.',
    'account.hint.employeesAdd':
      'Уполномочьте сотрудника: oneid le employees add <ПИНФЛ> --role "Common For Accountant".',
    'account.employees.bound': 'привязал',
    'account.employees.notBound': 'ещё не привязал',
    'account.employees.added': '{name} теперь может действовать от имени организации в роли «{role}».',
    'account.hint.employeeNext':
      'Далее сотрудник (войдя в систему) подаёт заявку на ключ организации со своим телефоном: oneid key apply --legal; затем oneid le bind.',
    'account.employees.removed':
      'Полномочия {pinfl} отозваны; завершено сессий в роли организации: {sessions}, отозвано ключей организации: {keys} (смена места работы).',
    'account.prompt.employeePinfl': 'ПИНФЛ сотрудника (14 цифр)',
    'account.prompt.employeeRole': 'Роль в организации',
    'account.prompt.currentPassword': 'Текущий пароль',
    'account.passwd.done': 'Пароль {login} изменён.',
    'account.passwd.sessionsEnded':
      'Завершено сессий на портале: {count}; удалено с этого компьютера: {local}.',
    'account.hint.loginAgain': 'Войдите с новым паролем: oneid login {login}',
    'account.prompt.recoverHow': 'Как вы подтвердите личность?',
    'account.recover.byPassport': 'ПИНФЛ и паспорт',
    'account.recover.byKey': 'Ключ ЭЦП',
    'account.recover.smsSent': 'SMS-код отправлен на {phone}.',
    'account.recover.smsIfMatch':
      'Если ПИНФЛ и паспорт соответствуют учётной записи, на её телефон отправлен SMS-код.',
    'account.recover.done': 'Пароль изменён. Ваш логин: {login}',
    'account.refused.roleRequired': 'Портал отказал: для этого нужна другая роль ({message}).',
    'account.refused.alreadyAuthorized':
      'Этот человек уже уполномочен; чтобы сменить роль, сначала отзовите полномочия.',
    'account.refused.employeeNotFound': 'Организация не уполномочивала этого человека.',
    'account.refused.isDirector': 'Руководитель уже имеет роль организации.',
    'account.refused.notInRegistry': 'В реестре населения нет человека с таким ПИНФЛ.',
    'account.refused.passwordWrong': 'Текущий пароль неверен; ничего не изменено.',
    'account.refused.passwordUnchanged': 'Новый пароль совпадает с текущим.',
    'account.refused.recoveryLocked':
      'Слишком много неудачных попыток восстановления для этого ПИНФЛ или с этого адреса.',
  },
  uz: {
    'account.whoami.method.password': 'login va parol (LOGINPASSMETHOD)',
    'account.whoami.method.key': 'shaxsiy ERI kaliti (PKCSMETHOD)',
    'account.whoami.method.companyKey': 'yuridik shaxs kaliti (LEPKCSMETHOD)',
    'account.status.verified': 'tasdiqlangan',
    'account.status.unverified': 'tasdiqlanmagan',
    'account.role.individual': 'Jismoniy shaxs',
    'account.role.legal': '{name} (STIR {tin}), {role}',

    'account.prompt.acceptOffer': 'Oferta shartlarini qabul qilasizmi?',
    'account.prompt.pinfl': 'JShShIR (14 raqam, pasportda ko‘rsatilgan)',
    'account.prompt.passport': 'Pasport seriyasi va raqami (masalan, AA1234567)',
    'account.prompt.confirmData': 'Ma’lumotlar to‘g‘rimi?',
    'account.prompt.newLogin': 'Login (kamida 5 ta belgi)',
    'account.prompt.newPassword': 'Parol (kamida 8 ta belgi, shu jumladan maxsus belgi)',
    'account.prompt.repeatPassword': 'Parolni takrorlang',
    'account.prompt.email': 'Elektron pochta',
    'account.prompt.phone': 'Mobil telefon (+998 …)',
    'account.prompt.actualAddress':
      'Haqiqiy yashash manzili (doimiy manzil bilan bir xil bo‘lsa, bo‘sh qoldiring)',
    'account.prompt.notify': 'Bildirishnomalar elektron pochtaga yuborilsinmi?',
    'account.prompt.smsCode': 'SMS dagi kod',
    'account.prompt.login': 'Login',
    'account.prompt.password': 'Parol',
    'account.prompt.keyPassword': 'Kalit paroli',
    'account.prompt.key': 'Kalitni tanlang',
    'account.prompt.role': 'Rolni tanlang',

    'account.person.surname': 'Familiya',
    'account.person.firstName': 'Ism',
    'account.person.patronymic': 'Otasining ismi',
    'account.person.sex': 'Jinsi',
    'account.person.male': 'erkak',
    'account.person.female': 'ayol',
    'account.person.birthDate': 'Tug‘ilgan sana',
    'account.person.birthPlace': 'Tug‘ilgan joy',
    'account.person.birthCountry': 'Tug‘ilgan mamlakat',
    'account.person.nationality': 'Millati',
    'account.person.citizenship': 'Fuqaroligi',
    'account.person.passportIssuedBy': 'Kim tomonidan berilgan',
    'account.person.passportIssueDate': 'Berilgan sana',
    'account.person.passportExpiryDate': 'Amal qilish muddati',
    'account.person.address': 'Doimiy yashash manzili',

    'account.register.registryData': 'Aholi reyestridagi ma’lumotlaringiz:',
    'account.register.address': 'Doimiy yashash manzili: {address}',
    'account.register.smsSent':
      'Tasdiqlash kodi {phone} raqamiga SMS orqali yuborildi; u {seconds} soniya amal qiladi.',
    'account.register.smsLast':
      'Ushbu ro‘yxatdan o‘tishning oxirgi SMS idagi kodni kiriting (--resend-sms bilan yangisi yuboriladi).',
    'account.register.done': '{login} hisobi ro‘yxatdan o‘tkazildi. Holati: {status}.',
    'account.hint.afterRegister':
      'Keyingi qadam: tizimga kiring (oneid login {login}) va barcha xizmatlardan foydalanish uchun hisobni shaxsiy ERI kalitingiz bilan tasdiqlang (oneid verify-account).',
    'account.hint.afterRegisterVerified': 'Keyingi qadam: oneid login {login} buyrug‘i bilan tizimga kiring.',

    'account.login.done': '{login} sifatida kirdingiz: {role}.',
    'account.login.switched': 'Endi seans quyidagi nomidan ishlaydi: {role}.',
    'account.login.defaultRole':
      'Bu hisobning bir nechta roli bor; jismoniy shaxs tanlandi. Boshqasini --role orqali tanlang ({roles}).',
    'account.session.insecure':
      'Seans tizimning parollar omborida emas, faylda (xavfsiz bo‘lmagan saqlash) saqlanadi: fayllaringizni o‘qiy oladigan har kim undan foydalanishi mumkin.',
    'account.session.keychainUnreachable':
      'Tizimning parollar omboriga ulanib bo‘lmadi, undagi seanslar tekshirilmadi ({reason}).',
    'account.progress.signingIn': 'Tizimga kirilmoqda…',
    'account.progress.switching': 'Rol almashtirilmoqda…',

    'account.logout.done': 'Tizimdan chiqildi: {login}, {portal}.',
    'account.logout.none': 'Siz tizimga kirmagan edingiz.',
    'account.logout.unreachable':
      '{portal} portaliga ulanib bo‘lmadi, shuning uchun seans u yerda yakunlanmadi; bu yerda o‘chirildi, portalda esa muddati tugaganda yakunlanadi.',
    'account.hint.unsetToken': 'ONEID_TOKEN o‘zgaruvchisi hali ham o‘rnatilgan: uni ham olib tashlang.',

    'account.whoami.login': 'Login',
    'account.whoami.name': 'F. I. Sh.',
    'account.whoami.pinfl': 'JShShIR',
    'account.whoami.status': 'Hisob holati',
    'account.whoami.role': 'Rol',
    'account.whoami.method': 'Kirish usuli',
    'account.whoami.expires': 'Seans tugaydi',
    'account.whoami.portal': 'Portal',
    'account.whoami.source': 'Seans manbai',
    'account.whoami.source.keychain': 'tizimning parollar ombori',
    'account.whoami.source.file': 'fayl (xavfsiz bo‘lmagan saqlash)',
    'account.whoami.source.token': 'ONEID_TOKEN muhit o‘zgaruvchisi',

    'account.verify.done': '{login} hisobi endi {status}.',
    'account.verify.already': '{login} hisobi allaqachon {status}.',
    'account.hint.afterVerify':
      'Endi yuridik shaxsni uning kaliti bilan biriktirishingiz mumkin: oneid le bind --key <tashkilot kaliti>.',

    'account.le.bound': '{name} (STIR {tin}) biriktirildi; sizning rolingiz: {role}.',
    'account.le.none': 'Bu hisobga birorta ham yuridik shaxs biriktirilmagan.',
    'account.hint.afterBind': 'Uning nomidan ishlash uchun: oneid login --switch-role --role {tin}',

    'account.key.until': '{date} gacha amal qiladi',
    'account.key.expired': 'muddati tugagan',

    'account.error.email': '“{value}” elektron pochta manzili noto‘g‘ri.',
    'account.error.offerDeclined': 'Oferta qabul qilinmadi, shuning uchun ro‘yxatdan o‘tish to‘xtatildi.',
    'account.error.dataRejected':
      'Reyestr ma’lumotlari tasdiqlanmadi, shuning uchun ro‘yxatdan o‘tish to‘xtatildi.',
    'account.error.passwordMismatch': 'Kiritilgan parollar bir xil emas.',
    'account.error.stdinTwice':
      '{first} va {second} ikkalasi ham standart kirishni o‘qiy olmaydi: ulardan birini faylda (--…-file) yoki o‘z muhit o‘zgaruvchisi orqali bering.',
    'account.error.resendWithoutResume':
      '--resend-sms boshlangan ro‘yxatdan o‘tish uchun yangi kod so‘raydi: uni --resume <ro‘yxatdan o‘tish raqami> bilan birga ishlating.',
    'account.error.roleSpec':
      '“{value}” roli noto‘g‘ri: “individual”, STIR yoki STIR:rol ko‘rinishida yozing.',
    'account.error.roleNotLegal':
      '{tin} STIR jismoniy shaxsga tegishli; yuridik shaxs roli uchun tashkilot STIRi kerak (2 bilan boshlanadi).',
    'account.error.roleNotAvailable': '{role} roli bu hisob uchun mavjud emas. Mavjudlari: {roles}.',
    'account.error.notLoggedIn': 'Siz {portal} tizimiga kirmagansiz.',
    'account.error.sessionExpired': '{login} seansi {at} da tugagan.',
    'account.error.keyWithoutPinfl':
      '{serial} kaliti sertifikatida JShShIR yo‘q, shuning uchun u sizni identifikatsiya qila olmaydi.',
    'account.error.notCompanyKey':
      '{serial} kaliti shaxsiy kalit; yuridik shaxsni biriktirish uchun tashkilot kaliti kerak (uning sertifikatida tashkilot STIRi bor).',
    'account.error.notPersonalKey':
      '{serial} kaliti {tin} STIRli yuridik shaxsga tegishli; hisobni shaxsiy kalitingiz bilan tasdiqlang.',
    'account.error.pinflMismatch':
      'Kalit boshqa shaxsga tegishli: uning JShShIRi {key}, hisobniki esa {account}.',
    'account.error.signFailed': 'Portal so‘rovini imzolab bo‘lmadi: {reason}',
    'account.error.noKeys': 'Kalit disklarida birorta ham kalit topilmadi.',

    'account.refused.identityNotFound': 'Aholi reyestrida bunday JShShIR va pasportli shaxs yo‘q.',
    'account.refused.passportExpired':
      'Pasportingiz muddati tugagan, shuning uchun portal u orqali sizni identifikatsiya qila olmaydi.',
    'account.refused.foreigner':
      'Chet el fuqarolari va fuqaroligi bo‘lmagan shaxslar pasport ma’lumotlari orqali identifikatsiyadan o‘ta olmaydi.',
    'account.refused.accountExists': 'Bu JShShIR uchun hisob allaqachon mavjud.',
    'account.refused.loginTaken': 'Bu login allaqachon band.',
    'account.refused.loginInvalid': 'Portal bu loginni qabul qilmaydi: {message}',
    'account.refused.passwordWeak': 'Parol juda oddiy: kamida 8 ta belgi, shu jumladan maxsus belgi kerak.',
    'account.refused.emailInvalid': 'Portal bu elektron pochta manzilini qabul qilmaydi.',
    'account.refused.phoneInvalid': 'Portal bu telefon raqamini qabul qilmaydi.',
    'account.refused.smsCodeInvalid': 'SMS kodi noto‘g‘ri (qolgan urinishlar: {attemptsLeft}).',
    'account.refused.smsCodeExpired': 'SMS kodining muddati tugagan yoki u yangisi bilan almashtirilgan.',
    'account.refused.smsAttempts': 'Noto‘g‘ri SMS kodlari juda ko‘p kiritildi.',
    'account.refused.smsRateLimited': 'Juda ko‘p SMS yuborildi; biroz kuting.',
    'account.refused.registrationGone': 'Bu ro‘yxatdan o‘tish eskirgan yoki mavjud emas.',
    'account.refused.registrationCompleted': 'Bu ro‘yxatdan o‘tish allaqachon yakunlangan: hisob yaratilgan.',
    'account.refused.credentials': 'Login yoki parol noto‘g‘ri.',
    'account.refused.locked': 'Muvaffaqiyatsiz kirishlar juda ko‘p: kirish {retryAfter} soniyaga bloklandi.',
    'account.refused.identityAttempts':
      'Noto‘g‘ri JShShIR va pasport juftliklari juda ko‘p: pasport orqali identifikatsiya {retryAfter} soniyaga bloklandi.',
    'account.refused.roleNotAvailable': 'Bu rol hisob uchun mavjud emas.',
    'account.refused.sessionGone': 'Portal bu seansni endi tanimaydi (muddati tugagan yoki yakunlangan).',
    'account.refused.notVerified': 'Hisob tasdiqlanmagan: buni faqat tasdiqlangan hisob bajara oladi.',
    'account.refused.pinflMismatch': 'Kalit boshqa shaxsga tegishli (JShShIRi hisobnikidan farq qiladi).',
    'account.refused.signatureInvalid': 'Portal imzoni yoki kalit sertifikatini qabul qilmadi.',
    'account.refused.certificateRevoked': 'Portal kalitni rad etdi: uning sertifikati bekor qilingan.',
    'account.refused.challenge': 'Imzolangan so‘rovning muddati tugagan yoki u allaqachon ishlatilgan.',
    'account.refused.noPinfl': 'Kalit sertifikatida JShShIR yo‘q.',
    'account.refused.noAccountForKey': 'Bu kalit egasining hisobi yo‘q.',
    'account.refused.notBound': 'Bu yuridik shaxs hisobingizga biriktirilmagan.',
    'account.refused.alreadyBound': 'Bu yuridik shaxs hisobingizga allaqachon biriktirilgan.',
    'account.refused.notDirector':
      'Yuridik shaxsni faqat tashkilotlar reyestrida ko‘rsatilgan rahbar biriktira oladi.',
    'account.refused.companyNotFound': 'Bu kalitning STIRi tashkilotlar reyestrida yo‘q.',
    'account.refused.notCompanyKey': 'Bu yuridik shaxs kaliti emas (sertifikatida tashkilot STIRi yo‘q).',

    'account.hint.checkPassport': 'JShShIR, pasport seriyasi va raqamini pasportda yozilganidek tekshiring.',
    'account.hint.renewPassport':
      'Pasportni Davlat xizmatlari markazida almashtiring yoki ERI kaliti bilan ro‘yxatdan o‘ting: oneid register --with-key.',
    'account.hint.registerWithKey':
      'ERI kaliti bilan ro‘yxatdan o‘ting: oneid register --with-key --key <kalitingiz>.',
    'account.hint.login': 'oneid login buyrug‘i bilan tizimga kiring.',
    'account.hint.otherLogin': 'Boshqa login tanlang.',
    'account.hint.smsCodeRetry': 'Oxirgi SMS dagi kodni tekshirib, qayta urinib ko‘ring.',
    'account.hint.registerAgain': 'Ro‘yxatdan o‘tishni qaytadan boshlang: oneid register.',
    'account.hint.resumeCode':
      'Oxirgi SMS dagi kodni tekshiring va davom eting: oneid register --resume {id} (kod --sms-code-file, --sms-code-stdin yoki ONEID_SMS_CODE dan).',
    'account.hint.resumeNewCode':
      'Yangi kod yuborilishini so‘rang va davom eting: oneid register --resume {id} --resend-sms',
    'account.hint.credentials': 'Login va parolni tekshiring (katta-kichik harflar farqlanadi).',
    'account.hint.leList': 'Mavjud rollaringizni oneid le list ko‘rsatadi.',
    'account.hint.verify':
      'Hisobni shaxsiy ERI kalitingiz bilan tasdiqlang: oneid verify-account --key <kalitingiz>.',
    'account.hint.ownKey':
      'Sizga berilgan kalitdan foydalaning (hisob bilan bir xil JShShIR): oneid key list har bir kalit egasini ko‘rsatadi.',
    'account.hint.keyDoctor': 'Kalitni oneid key doctor bilan tekshiring.',
    'account.hint.revokedKey':
      'oneid key doctor qachon va nima uchun bekor qilinganini ko‘rsatadi; bekor qilingan kalitni tiklab bo‘lmaydi: yangisiga ariza bering (oneid key apply).',
    'account.hint.clock': 'Buyruqni qayta ishga tushiring; xato takrorlansa, kompyuter soatini tekshiring.',
    'account.hint.register': 'Avval ro‘yxatdan o‘ting: oneid register --with-key.',
    'account.hint.leBind': 'Uni tashkilot kaliti bilan biriktiring: oneid le bind --key <tashkilot kaliti>.',
    'account.hint.companyKey':
      'Yuridik shaxs kalitini tanlang: oneid key list har bir kalitning STIRini ko‘rsatadi.',
    'account.hint.keyFlag':
      'Kalitni --key orqali bering yoki u turgan papkani qo‘shing: oneid config set key-roots <papka>.',
    'account.error.roleRequired':
      'Buning uchun tashkilotning «{role}» roli kerak; seans {current} sifatida ishlayapti.',
    'account.error.companyRoleRequired':
      'Buning uchun tashkilot roli kerak; seans {current} sifatida ishlayapti.',
    'account.hint.switchRole':
      'Unga o‘ting: oneid login --switch-role --role "<STIR>:{role}" (rollaringizni oneid le list ko‘rsatadi).',
    'account.hint.switchCompany':
      'Tashkilotga o‘ting: oneid login --switch-role --role <STIR> (ularni oneid le list ko‘rsatadi).',
    'account.error.employeeRole': 'Noma’lum rol «{value}»: mumkin bo‘lganlari {roles}.',
    'account.error.districtWithoutRegion': '--district uchun --region (u joylashgan viloyat) kerak.',
    'account.error.regionUnknown': 'Portalda «{value}» viloyati yo‘q. Viloyatlar: {choices}',
    'account.error.districtUnknown': 'Portalda {region} tarkibida «{value}» tumani yo‘q. Tumanlar: {choices}',
    'account.prompt.region': 'Viloyat',
    'account.prompt.district': 'Tuman yoki shahar',
    'account.company.name': 'Tashkilot',
    'account.company.tin': 'STIR',
    'account.company.director': 'Rahbar',
    'account.company.address': 'Manzil',
    'account.company.yourRole': 'Sizning rolingiz',
    'account.company.employees': 'Tashkilot vakolat bergan xodimlar:',
    'account.company.noEmployees': 'Tashkilot hech bir xodimga vakolat bermagan.',
    'account.company.notBound': 'tashkilotni hali bog‘lamagan',
    'account.employees.none': '{tin} tashkiloti hech bir xodimga vakolat bermagan.',
    'account.hint.employeesAdd':
      'Xodimga vakolat bering: oneid le employees add <JShShIR> --role "Common For Accountant".',
    'account.employees.bound': 'bog‘lagan',
    'account.employees.notBound': 'hali bog‘lamagan',
    'account.employees.added': '{name} endi tashkilot nomidan «{role}» rolida ish yurita oladi.',
    'account.hint.employeeNext':
      'So‘ng xodim (tizimga kirib) o‘z telefoni bilan tashkilot kalitiga ariza beradi: oneid key apply --legal; keyin oneid le bind.',
    'account.employees.removed':
      '{pinfl} vakolati bekor qilindi; tashkilot rolidagi {sessions} ta seansi yakunlandi, {keys} ta tashkilot kaliti bekor qilindi (ish joyi o‘zgargan).',
    'account.prompt.employeePinfl': 'Xodimning JShShIRi (14 raqam)',
    'account.prompt.employeeRole': 'Tashkilotdagi rol',
    'account.prompt.currentPassword': 'Joriy parol',
    'account.passwd.done': '{login} paroli o‘zgartirildi.',
    'account.passwd.sessionsEnded':
      'Portalda yakunlangan seanslar: {count}; bu kompyuterdan o‘chirildi: {local}.',
    'account.hint.loginAgain': 'Yangi parol bilan kiring: oneid login {login}',
    'account.prompt.recoverHow': 'Shaxsingizni qanday tasdiqlaysiz?',
    'account.recover.byPassport': 'JShShIR va pasport',
    'account.recover.byKey': 'ERI kaliti',
    'account.recover.smsSent': 'SMS kod {phone} raqamiga yuborildi.',
    'account.recover.smsIfMatch':
      'Agar JShShIR va pasport hisobga mos kelsa, uning telefoniga SMS kod yuborildi.',
    'account.recover.done': 'Parol o‘zgartirildi. Loginingiz: {login}',
    'account.refused.roleRequired': 'Portal rad etdi: buning uchun boshqa rol kerak ({message}).',
    'account.refused.alreadyAuthorized':
      'Bu shaxsga allaqachon vakolat berilgan; rolni o‘zgartirish uchun avval vakolatni bekor qiling.',
    'account.refused.employeeNotFound': 'Tashkilot bu shaxsga vakolat bermagan.',
    'account.refused.isDirector': 'Rahbarda tashkilot roli allaqachon bor.',
    'account.refused.notInRegistry': 'Aholi reestrida bunday JShShIRli shaxs yo‘q.',
    'account.refused.passwordWrong': 'Joriy parol noto‘g‘ri; hech narsa o‘zgartirilmadi.',
    'account.refused.passwordUnchanged': 'Yangi parol joriy parol bilan bir xil.',
    'account.refused.recoveryLocked': 'Bu JShShIR uchun yoki bu manzildan tiklashga urinishlar juda ko‘p.',
  },
} satisfies Catalog;
