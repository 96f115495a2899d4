import type { Catalog } from '../../types.js';

// Help texts of the key commands (see src/cli/help.ts for the keys): cmd.<id>.description,
// cmd.<id>.flag.<name>, cmd.<id>.arg.<name>, in en, ru and uz. Part of the `cmd` area.
export default {
  en: {
    'cmd.flag.key-password-file': 'Read the key password from this file (trailing newline trimmed).',
    'cmd.flag.key-password-stdin': 'Read the key password from standard input.',
    'cmd.flag.new-key-password-file': 'Read the new key password from this file (trailing newline trimmed).',
    'cmd.flag.new-key-password-stdin': 'Read the new key password from standard input.',

    'cmd.key.sign.description': `Opens the key once and signs every file: arguments, folders (--recursive), glob patterns
and --files-from lists (use - for standard input; NUL- or newline-separated). Each signature is
written as <file>.p7s beside the file, or under --out-dir keeping relative paths; outputs are
written atomically, so an interrupted run never leaves a partial signature. An existing signature
is never replaced unless --force; --resume skips files whose valid signature already exists;
--append adds your signature to an existing one (co-signing). A file that does not exist is a
usage error (exit 2) and nothing is signed.

Work is spread over worker threads (--jobs, default: number of cores). Ctrl-C finishes the files
in flight and exits 130; a second Ctrl-C stops at once, removing the unfinished temp files. Hidden
temp files left by killed runs are removed by the next run over the same folders. With some files
failed the exit code is 10 and the reasons are listed.
--jsonl prints one JSON line per file (for very large batches); it cannot be combined with --json.

--format base64 writes E-IMZO's pkcs7_64 (the DER in base64 on one line, no header), the text
portals built on E-IMZO take pasted or posted; --format pem writes -----BEGIN PKCS7-----. The
name stays <file>.p7s in every form: the form is told from the content, so signatures keep
pairing with their files. Every command reads all three forms; --append writes the form asked.

Before signing, the key's certificate is checked for revocation (OCSP or CRL, see --revocation
and --crl): a revoked key exits 5 and nothing is written.

JSON result: { total, signed, appended, skipped, failed, notStarted, interrupted, elapsedMs, detached, format, signer, results[] }`,
    'cmd.key.sign.arg.files': 'Files, folders or glob patterns to sign.',
    'cmd.key.sign.flag.key': 'Key: a .pfx file, an alias or a certificate serial number.',
    'cmd.key.sign.flag.detached': 'Write detached signatures (the .p7s does not contain the file).',
    'cmd.key.sign.flag.format':
      "Form of the .p7s: der (binary), pem (-----BEGIN PKCS7-----) or base64 (E-IMZO's pkcs7_64, one line, to paste into a portal).",
    'cmd.key.sign.flag.out-dir': 'Write signatures under this folder, keeping relative paths.',
    'cmd.key.sign.flag.recursive': 'Include files in subfolders of folder arguments.',
    'cmd.key.sign.flag.files-from': 'Read file names from this file (- for standard input).',
    'cmd.key.sign.flag.force': 'Overwrite existing signatures.',
    'cmd.key.sign.flag.resume': 'Skip files whose valid signature by this key already exists.',
    'cmd.key.sign.flag.append': 'Add this signature to existing signatures (co-sign).',
    'cmd.key.sign.flag.jobs': 'Worker threads (default: number of cores).',
    'cmd.key.sign.flag.jsonl': 'Print one JSON line per file to standard output (not with --json).',
    'cmd.key.sign.flag.timestamp': "Embed an RFC 3161 timestamp from the portal's TSA.",

    'cmd.key.verify.description': `Checks every signer of each signature: the content digest, the signature value, the
certificate chain up to the CAs given with --ca, and that the certificate was valid when the file
was signed (the timestamp if there is one, else the signing time). Reports the signer's name,
PINFL and TIN and the E-IMZO-SERVER status code (1 ok, -10 signature invalid, -11 certificate
invalid, -12 not valid at signing time).

A detached signature needs its content: --content FILE for one signature; for many, --content-dir
DIR, the mirror of "key sign --out-dir" (signed/a/b.txt.p7s is checked against DIR/a/b.txt, the
path relative to the folder or pattern base given), else the file beside each signature (x.pdf
for x.pdf.p7s). --content is always what gets checked: an attached signature whose own content
differs from it does not verify. Without --ca the chain is not checked (a warning). A signature
with more than 32 signers or 128 certificates is refused. A file that does not exist is a usage
error (exit 2). Exit code 6 when any signature does not verify; --json then lists every file's report.

Revocation: each signer's certificate is checked through the OCSP responder it names, else its
CRL (cached in the config folder until its next update), or --crl FILE|URL. A revoked signer is
invalid (-11) unless a trusted timestamp (its TSA chained to --ca) shows the file was signed
before: then "revoked later, at …". --revocation require fails (-1, exit 6) when the status cannot
be established; auto warns; off asks no one.

JSON result: { valid, total, failed, files: [{ file, content, valid, detached, signers[], error }] }`,
    'cmd.key.verify.arg.signature': 'Signature files (.p7s, DER, PEM or base64), folders or patterns.',
    'cmd.key.verify.flag.content': 'The signed file, for one detached signature.',
    'cmd.key.verify.flag.content-dir':
      'Folder of the signed files for many detached signatures (the layout of key sign --out-dir).',
    'cmd.key.verify.flag.ca': 'Trusted CA certificates (PEM or DER file); repeatable.',
    'cmd.key.verify.flag.recursive': 'Include signatures in subfolders of folder arguments.',

    'cmd.key.timestamp.description': `Adds an RFC 3161 timestamp token to each signer of existing PKCS#7/CMS signatures that has
none (the unsigned attribute id-aa-timeStampToken over the signer's signature value, as E-IMZO's
attach_timestamp_token_pkcs7 does): attached or detached, DER, PEM or base64. Every other byte of
the signature stays as it was, so the signatures still verify. Each file is replaced in place (as
E-IMZO does), atomically, or written under --out-dir keeping relative paths; it keeps its form
(DER, PEM or base64) unless --format says otherwise. Folders give their .p7s files.

The tokens come from the portal's TSA (<portal>/api/v1/tsa) or from --tsa URL (any RFC 3161
TSA); each reply is checked (granted, nonce, imprint = hash of that signer's signature value)
before it is added. Up to --jobs files (default 8) are in flight at once.

A file whose signers all carry a timestamp is a failure (it lists as such) unless --resume skips
it or --force replaces its timestamps; after an interrupted or killed run each file is either as
it was or completely stamped, so --resume finishes the rest. Ctrl-C finishes the files in flight
and exits 130; a second Ctrl-C stops at once. A TSA that cannot be reached or refuses ends the run
(exit 7 / 8) before any further file is started. With some files failed the exit code is 10.
--jsonl prints one JSON line per file; it cannot be combined with --json.

JSON result: { tsa, total, stamped, skipped, failed, notStarted, interrupted, tokens, elapsedMs, results[] }`,
    'cmd.key.timestamp.arg.signatures': 'Signature files (DER, PEM or base64), folders or patterns.',
    'cmd.key.timestamp.flag.tsa': "RFC 3161 TSA URL (default: the portal's, <portal>/api/v1/tsa).",
    'cmd.key.timestamp.flag.out-dir':
      'Write the timestamped signatures under this folder instead of in place.',
    'cmd.key.timestamp.flag.recursive': 'Include signatures in subfolders of folder arguments.',
    'cmd.key.timestamp.flag.format': "Form written: der, pem or base64 (default: each file's own form).",
    'cmd.key.timestamp.flag.force': 'Replace existing timestamps and existing outputs.',
    'cmd.key.timestamp.flag.resume': 'Skip files whose signers all carry a timestamp already.',
    'cmd.key.timestamp.flag.jobs': 'Files timestamped at the same time (default 8).',
    'cmd.key.timestamp.flag.jsonl': 'Print one JSON line per file to standard output (not with --json).',

    'cmd.key.doctor.description': `Runs the checks support staff do by hand, each with PASS / WARN / FAIL / SKIP and a fix:
key folders found, USB drive mounted, key files readable and not damaged, PKCS#12 parse, password
(only when given through --key-password-file, --key-password-stdin or ONEID_KEY_PASSWORD), private
key matches the certificate, expiry (warns 30 days ahead), chain to a trusted root (--ca, else the
portal's CA from <portal>/api/v1/ca/certificates), system clock, and portal reachable
(GET <portal>/api/v1/health, 3 s timeout; a portal under a path keeps it). Without <key>, every
key found is checked. Exit 0 only when no check fails; otherwise the exit code of the first
failure (4 password, 7 portal, 5 otherwise) with the full report in the JSON envelope's "result".

The revocation check asks the certificate's OCSP responder or CRL (or --crl): FAIL when
revoked, WARN when unknown (FAIL with --revocation require).

JSON result: { ok, checks: [{ id, status: "pass" | "warn" | "fail" | "skip", message, fix?, path? }] }`,
    'cmd.key.doctor.arg.key': 'Key file, alias, PINFL/TIN or serial number (default: every key found).',
    'cmd.key.doctor.flag.ca': 'Trusted CA certificate (PEM or DER); repeat for several.',

    'cmd.key.info.description': `The key is a file path, its alias (or a unique part of it, e.g. the owner's name), a PINFL/TIN,
or the certificate serial number. Without a password the certificate is read from the unencrypted
bag (E-IMZO keys) or described from the alias (OpenSSL-made files encrypt the certificate).
--check-password opens the private key to confirm the password and that key and certificate match.

JSON result: { path, alias?, certificate?: { subject, subjectAttributes, issuer, serial, validFrom,
validTo, daysLeft, state, identity: { pinfl?, tin?, uid?, cn?, o?, t? }, key: { algorithm, oid,
curve?, bits? }, signatureAlgorithm, keyUsage?, extKeyUsage?, policies?, ca, fingerprints: { sha1,
sha256 } }, chain: [certificate…], summary, aliasMismatch: [fields], protection: { keys: [{ scheme,
kdf?, prf?, cipher?, iterations, saltLength }], safes: […], mac?: { hash, iterations, saltLength } },
unreadable: [], passwordChecked, keyMatchesCertificate? }`,
    'cmd.key.info.arg.key': 'Key file, alias, PINFL/TIN or certificate serial number.',
    'cmd.key.info.flag.check-password':
      'Open the private key: confirm the password and that key and certificate match.',

    'cmd.key.list.description': `Searches every key root: removable drives (/media/<user>/*, /run/media/<user>/*, /mnt/*,
/Volumes/*, drive letters), ~/DSKEYS, the profile's key-roots and ONEID_KEYS_PATH; in each root
and its DSKEYS folder it reads the .pfx files. No password is asked: details come from the
certificate, or from the E-IMZO alias when the certificate is encrypted (marked *).
Unreadable or damaged files never stop the listing; --all shows them with the reason.

JSON result: { keys: [{ path, disk, alias?, source: "certificate" | "alias" | "none", owner?,
pinfl?, tin?, uid?, organization?, title?, serial?, issuer?, algorithm?, curve?, bits?,
validFrom?, validTo?, daysLeft?, state?: "valid" | "expired" | "not-yet-valid", unreadable: [] }],
problems?: [{ path, code, message }], roots: [{ path, source, exists }] }`,
    'cmd.key.list.flag.all': 'Also list files that could not be read, with the reason.',

    'cmd.key.passwd.description': `The old password is checked and the new file is built and re-opened in memory before anything
is written; then the old file is kept as <file>.bak (unless --no-backup) and the key file is replaced
atomically (temporary file, fsync, rename; mode 0600). A wrong old password exits 4 and writes nothing.
The encryption stays as it was (PBES2/AES-256 or the legacy 3DES), at least 10,000 iterations;
--legacy writes 3DES + SHA-1 MAC for Java-8-era software.
Passwords: --key-password-file/--key-password-stdin or ONEID_KEY_PASSWORD (old),
--new-key-password-file/--new-key-password-stdin or ONEID_NEW_KEY_PASSWORD (new), else prompts.

JSON result: { path, backup?, legacy }`,
    'cmd.key.passwd.arg.key': 'Key file, alias, PINFL/TIN or certificate serial number.',
    'cmd.key.passwd.flag.backup': 'Keep the old file as <file>.bak.',
    'cmd.key.passwd.flag.legacy': 'Write 3DES + SHA-1 MAC (for Java-8-era software) instead of AES-256.',
  },
  ru: {
    'cmd.flag.key-password-file':
      'Прочитать пароль ключа из этого файла (перевод строки в конце отбрасывается).',
    'cmd.flag.key-password-stdin': 'Прочитать пароль ключа из стандартного ввода.',
    'cmd.flag.new-key-password-file':
      'Прочитать новый пароль ключа из этого файла (перевод строки в конце отбрасывается).',
    'cmd.flag.new-key-password-stdin': 'Прочитать новый пароль ключа из стандартного ввода.',

    'cmd.key.sign.description': `Открывает ключ один раз и подписывает каждый файл: аргументы, папки (--recursive), шаблоны
и списки --files-from (- означает стандартный ввод; имена через NUL или перевод строки). Каждая
подпись записывается как <файл>.p7s рядом с файлом или в --out-dir с сохранением относительных
путей; запись атомарная, поэтому прерванный запуск никогда не оставляет неполную подпись.
Существующая подпись заменяется только с --force; --resume пропускает файлы, у которых уже есть
действительная подпись; --append добавляет вашу подпись к существующей (совместная подпись).
Несуществующий файл — ошибка использования (код 2), и ничего не подписывается.

Работа распределяется по потокам (--jobs, по умолчанию число ядер). Ctrl-C дописывает файлы в
работе и завершает с кодом 130; второй Ctrl-C останавливает сразу и удаляет незаконченные
временные файлы. Скрытые временные файлы, оставшиеся от убитых запусков, удаляет следующий запуск
в тех же папках. Если часть файлов не подписана, код выхода 10 и причины перечисляются.
--jsonl печатает одну строку JSON на файл (для очень больших пакетов); вместе с --json нельзя.

--format base64 записывает pkcs7_64 E-IMZO (DER в base64 одной строкой, без заголовка) — текст,
который порталы на E-IMZO принимают вставкой или в запросе; --format pem записывает
-----BEGIN PKCS7-----. Имя в любой форме остаётся <файл>.p7s: форма определяется по
содержимому, и подписи по-прежнему находят свои файлы. Все команды читают все три формы; --append записывает запрошенную форму.

Результат JSON: { total, signed, appended, skipped, failed, notStarted, interrupted, elapsedMs, detached, format, signer, results[] }

Перед подписанием сертификат ключа проверяется на отзыв (OCSP или СОС, см. --revocation и
--crl): отозванный ключ — код 5, ничего не записывается.`,
    'cmd.key.sign.arg.files': 'Файлы, папки или шаблоны для подписи.',
    'cmd.key.sign.flag.key': 'Ключ: файл .pfx, псевдоним (alias) или серийный номер сертификата.',
    'cmd.key.sign.flag.detached': 'Создавать отсоединённые подписи (файл не входит в .p7s).',
    'cmd.key.sign.flag.format':
      'Форма .p7s: der (двоичная), pem (-----BEGIN PKCS7-----) или base64 (pkcs7_64 E-IMZO, одна строка для вставки на портал).',
    'cmd.key.sign.flag.out-dir': 'Записывать подписи в эту папку с сохранением относительных путей.',
    'cmd.key.sign.flag.recursive': 'Включать файлы из подпапок указанных папок.',
    'cmd.key.sign.flag.files-from': 'Прочитать имена файлов из этого файла (- — стандартный ввод).',
    'cmd.key.sign.flag.force': 'Перезаписывать существующие подписи.',
    'cmd.key.sign.flag.resume': 'Пропускать файлы, у которых уже есть действительная подпись этим ключом.',
    'cmd.key.sign.flag.append': 'Добавить эту подпись к существующим (совместная подпись).',
    'cmd.key.sign.flag.jobs': 'Число рабочих потоков (по умолчанию — число ядер).',
    'cmd.key.sign.flag.jsonl': 'Печатать в стандартный вывод одну строку JSON на файл (не вместе с --json).',
    'cmd.key.sign.flag.timestamp': 'Встроить штамп времени RFC 3161 от службы штампов времени портала.',

    'cmd.key.verify.description': `Проверяет каждого подписанта каждой подписи: хэш содержимого, значение подписи, цепочку
сертификатов до УЦ из --ca и то, что сертификат был действителен в момент подписания (по штампу
времени, если он есть, иначе по времени подписания). Показывает имя подписанта, ПИНФЛ и ИНН и код
статуса E-IMZO-SERVER (1 — ок, -10 — подпись неверна, -11 — сертификат недействителен, -12 — не
действовал в момент подписания).

Отсоединённой подписи нужно содержимое: --content FILE для одной подписи; для многих — --content-dir
DIR, зеркало "key sign --out-dir" (signed/a/b.txt.p7s проверяется по DIR/a/b.txt, путь считается
от указанной папки или от начала шаблона), иначе файл рядом с каждой подписью (x.pdf для
x.pdf.p7s). Проверяется всегда именно --content: присоединённая подпись, чьё содержимое от него
отличается, не проходит проверку. Без --ca цепочка не проверяется (предупреждение). Подпись
с более чем 32 подписантами или 128 сертификатами отклоняется. Несуществующий файл — ошибка
использования (код 2). Код выхода 6, если хоть одна подпись не прошла проверку; --json тогда
перечисляет отчёт по каждому файлу.

Результат JSON: { valid, total, failed, files: [{ file, content, valid, detached, signers[], error }] }

Отзыв: сертификат каждого подписанта проверяется через указанный в нём OCSP, иначе через его СОС
(хранится в папке настроек до следующего обновления), или --crl FILE|URL. Отозванный подписант
недействителен (-11), если только доверенная метка времени (её служба ведёт к --ca) не показывает,
что файл подписан раньше: тогда «отозван позже». --revocation require — ошибка (-1, код 6), если
статус не установлен; auto предупреждает; off никого не спрашивает.`,
    'cmd.key.verify.arg.signature': 'Файлы подписей (.p7s, DER, PEM или base64), папки или шаблоны.',
    'cmd.key.verify.flag.content': 'Подписанный файл — для одной отсоединённой подписи.',
    'cmd.key.verify.flag.content-dir':
      'Папка подписанных файлов для многих отсоединённых подписей (структура как у key sign --out-dir).',
    'cmd.key.verify.flag.ca': 'Доверенные сертификаты УЦ (файл PEM или DER); можно повторять.',
    'cmd.key.verify.flag.recursive': 'Включать подписи из подпапок указанных папок.',

    'cmd.key.timestamp.description': `Добавляет метку времени RFC 3161 каждому подписанту готовых подписей PKCS#7/CMS, у которого её
нет (неподписанный атрибут id-aa-timeStampToken над значением подписи, как attach_timestamp_token_pkcs7
в E-IMZO): присоединённых и отсоединённых, DER, PEM или base64. Остальные байты подписи не меняются,
поэтому подписи по-прежнему проверяются. Каждый файл атомарно заменяется на месте (как в E-IMZO)
или записывается в --out-dir с сохранением относительных путей; форма файла (DER, PEM, base64)
сохраняется, если --format не указывает другую. Из папок берутся файлы .p7s.

Метки выдаёт служба меток времени портала (<портал>/api/v1/tsa) или --tsa URL (любая служба
RFC 3161); каждый ответ проверяется (выдан, nonce, отпечаток = хэш значения подписи этого
подписанта) до добавления. Одновременно обрабатывается до --jobs файлов (по умолчанию 8).

Файл, у всех подписантов которого уже есть метка, считается ошибкой, если только --resume не
пропускает его или --force не заменяет его метки; после прерванного или убитого запуска каждый файл
либо прежний, либо полностью с метками, поэтому --resume доделывает остальное. Ctrl-C завершает
файлы в работе и выходит с кодом 130; второй Ctrl-C останавливает сразу. Недоступная или
отказавшая служба меток завершает запуск (код 7 / 8), новые файлы не начинаются. Если часть файлов
не удалась, код выхода 10. --jsonl печатает строку JSON на файл; вместе с --json нельзя.

Результат JSON: { tsa, total, stamped, skipped, failed, notStarted, interrupted, tokens, elapsedMs, results[] }`,
    'cmd.key.timestamp.arg.signatures': 'Файлы подписей (DER, PEM или base64), папки или шаблоны.',
    'cmd.key.timestamp.flag.tsa':
      'Адрес службы меток времени RFC 3161 (по умолчанию портала, <портал>/api/v1/tsa).',
    'cmd.key.timestamp.flag.out-dir': 'Записывать подписи с метками в эту папку, а не на место.',
    'cmd.key.timestamp.flag.recursive': 'Включать подписи из подпапок указанных папок.',
    'cmd.key.timestamp.flag.format':
      'Форма записи: der, pem или base64 (по умолчанию — форма каждого файла).',
    'cmd.key.timestamp.flag.force': 'Заменять существующие метки времени и существующие выходные файлы.',
    'cmd.key.timestamp.flag.resume': 'Пропускать файлы, у всех подписантов которых уже есть метка времени.',
    'cmd.key.timestamp.flag.jobs': 'Сколько файлов обрабатывать одновременно (по умолчанию 8).',
    'cmd.key.timestamp.flag.jsonl':
      'Печатать в стандартный вывод одну строку JSON на файл (не вместе с --json).',

    'cmd.key.doctor.description': `Выполняет проверки, которые служба поддержки делает вручную, каждая с итогом PASS / WARN /
FAIL / SKIP и советом: найдены папки ключей, подключена флешка, файлы ключей читаются и не
повреждены, разбор PKCS#12, пароль (только если задан через --key-password-file,
--key-password-stdin или ONEID_KEY_PASSWORD), закрытый ключ соответствует сертификату, срок
действия (предупреждение за 30 дней), цепочка до доверенного корня (--ca, иначе УЦ портала из
<portal>/api/v1/ca/certificates), системные часы и доступность портала (GET
<portal>/api/v1/health, тайм-аут 3 с; путь в адресе портала сохраняется). Без <key> проверяются
все найденные ключи. Код 0 только если ни одна проверка не провалена; иначе код первой ошибки
(4 — пароль, 7 — портал, 5 — остальное), полный отчёт — в "result" JSON-ответа.

Результат JSON: { ok, checks: [{ id, status: "pass" | "warn" | "fail" | "skip", message, fix?, path? }] }

Проверка отзыва спрашивает OCSP или СОС сертификата (или --crl): FAIL, если отозван, WARN,
если статус неизвестен (FAIL с --revocation require).`,
    'cmd.key.doctor.arg.key':
      'Файл ключа, псевдоним, ПИНФЛ/ИНН или серийный номер (по умолчанию — все найденные ключи).',
    'cmd.key.doctor.flag.ca': 'Доверенный сертификат УЦ (PEM или DER); повторите для нескольких.',

    'cmd.key.info.description': `Ключ — это путь к файлу, его псевдоним (или однозначная часть, например имя владельца),
ПИНФЛ/ИНН или серийный номер сертификата. Без пароля сертификат читается из незашифрованного
контейнера (ключи E-IMZO) или описывается по псевдониму (файлы OpenSSL шифруют сертификат).
--check-password открывает закрытый ключ, чтобы подтвердить пароль и соответствие ключа сертификату.

Результат JSON: { path, alias?, certificate?: { subject, subjectAttributes, issuer, serial, validFrom,
validTo, daysLeft, state, identity: { pinfl?, tin?, uid?, cn?, o?, t? }, key: { algorithm, oid,
curve?, bits? }, signatureAlgorithm, keyUsage?, extKeyUsage?, policies?, ca, fingerprints: { sha1,
sha256 } }, chain: [certificate…], summary, aliasMismatch: [fields], protection: { keys: [{ scheme,
kdf?, prf?, cipher?, iterations, saltLength }], safes: […], mac?: { hash, iterations, saltLength } },
unreadable: [], passwordChecked, keyMatchesCertificate? }`,
    'cmd.key.info.arg.key': 'Файл ключа, псевдоним, ПИНФЛ/ИНН или серийный номер сертификата.',
    'cmd.key.info.flag.check-password':
      'Открыть закрытый ключ: подтвердить пароль и соответствие ключа сертификату.',

    'cmd.key.list.description': `Просматривает все места хранения ключей: флешки (/media/<user>/*, /run/media/<user>/*, /mnt/*,
/Volumes/*, буквы дисков), ~/DSKEYS, key-roots профиля и ONEID_KEYS_PATH; в каждом месте и его
папке DSKEYS читает файлы .pfx. Пароль не нужен: сведения берутся из сертификата или, если
сертификат зашифрован, из псевдонима E-IMZO (отмечено *). Нечитаемые или повреждённые файлы
не прерывают список; --all показывает их с причиной.

Результат JSON: { keys: [{ path, disk, alias?, source: "certificate" | "alias" | "none", owner?,
pinfl?, tin?, uid?, organization?, title?, serial?, issuer?, algorithm?, curve?, bits?,
validFrom?, validTo?, daysLeft?, state?: "valid" | "expired" | "not-yet-valid", unreadable: [] }],
problems?: [{ path, code, message }], roots: [{ path, source, exists }] }`,
    'cmd.key.list.flag.all': 'Показать также файлы, которые не удалось прочитать, с причиной.',

    'cmd.key.passwd.description': `Старый пароль проверяется, новый файл собирается и повторно открывается в памяти до того, как
что-либо записано; затем старый файл сохраняется как <файл>.bak (если не задан --no-backup), а файл
ключа заменяется атомарно (временный файл, fsync, переименование; права 0600). Неверный старый
пароль — код 4, ничего не записывается. Шифрование остаётся прежним (PBES2/AES-256 или старый
3DES), не менее 10 000 итераций; --legacy записывает 3DES + MAC SHA-1 для программ времён Java 8.
Пароли: --key-password-file/--key-password-stdin или ONEID_KEY_PASSWORD (старый),
--new-key-password-file/--new-key-password-stdin или ONEID_NEW_KEY_PASSWORD (новый), иначе запрос.

Результат JSON: { path, backup?, legacy }`,
    'cmd.key.passwd.arg.key': 'Файл ключа, псевдоним, ПИНФЛ/ИНН или серийный номер сертификата.',
    'cmd.key.passwd.flag.backup': 'Сохранить старый файл как <файл>.bak.',
    'cmd.key.passwd.flag.legacy': 'Записать 3DES + MAC SHA-1 (для программ времён Java 8) вместо AES-256.',
  },
  uz: {
    'cmd.flag.key-password-file':
      'Kalit parolini shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.flag.key-password-stdin': 'Kalit parolini standart kirishdan o‘qish.',
    'cmd.flag.new-key-password-file':
      'Yangi kalit parolini shu fayldan o‘qish (oxiridagi yangi qator olib tashlanadi).',
    'cmd.flag.new-key-password-stdin': 'Yangi kalit parolini standart kirishdan o‘qish.',

    'cmd.key.sign.description': `Kalitni bir marta ochadi va har bir faylni imzolaydi: argumentlar, papkalar (--recursive),
shablonlar va --files-from ro‘yxatlari (- standart kirish; nomlar NUL yoki yangi qator bilan
ajratilgan). Har bir imzo fayl yonida <fayl>.p7s sifatida yoki nisbiy yo‘llar saqlangan holda
--out-dir ichida yoziladi; yozish atomar, shuning uchun to‘xtatilgan ish hech qachon chala imzo
qoldirmaydi. Mavjud imzo faqat --force bilan almashtiriladi; --resume haqiqiy imzosi bor fayllarni
o‘tkazib yuboradi; --append imzongizni mavjud imzoga qo‘shadi (birgalikda imzolash). Mavjud
bo‘lmagan fayl — foydalanish xatosi (kod 2), hech narsa imzolanmaydi.

Ish oqimlarga taqsimlanadi (--jobs, sukut bo‘yicha yadrolar soni). Ctrl-C ishlanayotgan fayllarni
tugatadi va 130 kodi bilan chiqadi; ikkinchi Ctrl-C darhol to‘xtatadi va tugallanmagan vaqtinchalik
fayllarni o‘chiradi. To‘xtatib yuborilgan ishlardan qolgan yashirin vaqtinchalik fayllarni o‘sha
papkalardagi keyingi ish o‘chiradi. Ba’zi fayllar imzolanmasa, chiqish kodi 10 va sabablari
ko‘rsatiladi. --jsonl har bir fayl uchun bitta JSON qatori chiqaradi (juda katta paketlar uchun);
--json bilan birga ishlatilmaydi.

--format base64 E-IMZO pkcs7_64 shaklini yozadi (DER base64 da bitta qatorda, sarlavhasiz) — E-IMZO
asosidagi portallar qo‘yib yoki so‘rovda qabul qiladigan matn; --format pem -----BEGIN PKCS7-----
yozadi. Har qanday shaklda nom <fayl>.p7s bo‘lib qoladi: shakl mazmunidan
aniqlanadi, imzolar o‘z fayllariga bog‘lanib qolaveradi. Barcha buyruqlar uchala shaklni o‘qiydi; --append so‘ralgan shaklda yozadi.

Imzolashdan oldin kalit sertifikati bekor qilinganlikka tekshiriladi (OCSP yoki CRL, --revocation
va --crl ga qarang): bekor qilingan kalit — kod 5, hech narsa yozilmaydi.

JSON natija: { total, signed, appended, skipped, failed, notStarted, interrupted, elapsedMs, detached, format, signer, results[] }`,
    'cmd.key.sign.arg.files': 'Imzolanadigan fayllar, papkalar yoki shablonlar.',
    'cmd.key.sign.flag.key': 'Kalit: .pfx fayli, taxallus (alias) yoki sertifikat seriya raqami.',
    'cmd.key.sign.flag.detached': 'Ajratilgan imzolar yozish (.p7s faylning o‘zini o‘z ichiga olmaydi).',
    'cmd.key.sign.flag.format':
      '.p7s shakli: der (ikkilik), pem (-----BEGIN PKCS7-----) yoki base64 (E-IMZO pkcs7_64, portalga qo‘yish uchun bitta qator).',
    'cmd.key.sign.flag.out-dir': 'Imzolarni nisbiy yo‘llarni saqlagan holda shu papkaga yozish.',
    'cmd.key.sign.flag.recursive': 'Ko‘rsatilgan papkalarning ichki papkalaridagi fayllarni ham qo‘shish.',
    'cmd.key.sign.flag.files-from': 'Fayl nomlarini shu fayldan o‘qish (- standart kirish).',
    'cmd.key.sign.flag.force': 'Mavjud imzolarni qayta yozish.',
    'cmd.key.sign.flag.resume': 'Shu kalit bilan haqiqiy imzosi allaqachon bor fayllarni o‘tkazib yuborish.',
    'cmd.key.sign.flag.append': 'Bu imzoni mavjud imzolarga qo‘shish (birgalikda imzolash).',
    'cmd.key.sign.flag.jobs': 'Ish oqimlari soni (sukut bo‘yicha yadrolar soni).',
    'cmd.key.sign.flag.jsonl': 'Standart chiqishga har bir fayl uchun bitta JSON qatori (--json bilan emas).',
    'cmd.key.sign.flag.timestamp': 'Portalning vaqt tamg‘asi xizmatidan RFC 3161 vaqt tamg‘asini qo‘shish.',

    'cmd.key.verify.description': `Har bir imzoning har bir imzo chekuvchisini tekshiradi: mazmun xeshi, imzo qiymati, --ca
bilan berilgan sertifikatlash markazlarigacha bo‘lgan sertifikatlar zanjiri va fayl imzolangan
paytda sertifikat amalda bo‘lganini (vaqt tamg‘asi bo‘lsa unga ko‘ra, aks holda imzolash vaqtiga
ko‘ra). Imzo chekuvchining ismi, JSHSHIR va STIR hamda E-IMZO-SERVER holat kodini ko‘rsatadi
(1 — yaxshi, -10 — imzo noto‘g‘ri, -11 — sertifikat yaroqsiz, -12 — imzolash paytida amalda emas).

Ajratilgan imzoga uning mazmuni kerak: bitta imzo uchun --content FILE; ko‘p imzo uchun
--content-dir DIR, "key sign --out-dir" ning ko‘zgusi (signed/a/b.txt.p7s DIR/a/b.txt bilan
tekshiriladi, yo‘l ko‘rsatilgan papka yoki shablon boshidan hisoblanadi), aks holda har bir imzo
yonidagi fayl (x.pdf.p7s uchun x.pdf). Har doim --content tekshiriladi: o‘z mazmuni undan farq
qiladigan biriktirilgan imzo tekshiruvdan o‘tmaydi. --ca bo‘lmasa zanjir tekshirilmaydi
(ogohlantirish). 32 dan ortiq imzo chekuvchi yoki 128 dan ortiq sertifikatli imzo rad etiladi.
Mavjud bo‘lmagan fayl — foydalanish xatosi (kod 2). Biror imzo tekshiruvdan o‘tmasa chiqish kodi
6; --json har bir fayl hisobotini ro‘yxat qiladi.

Bekor qilinganlik: har bir imzolovchining sertifikati unda ko‘rsatilgan OCSP orqali, aks holda
uning CRL i (keyingi yangilanishgacha sozlamalar papkasida saqlanadi) yoki --crl FILE|URL orqali
tekshiriladi. Bekor qilingan imzolovchi yaroqsiz (-11), agar ishonchli vaqt tamg‘asi (xizmati --ca
ga olib boradi) fayl undan oldin imzolanganini ko‘rsatmasa: unda «keyinroq bekor qilingan».
--revocation require holat aniqlanmasa xato (-1, kod 6); auto ogohlantiradi; off hech kimdan so‘ramaydi.

JSON natija: { valid, total, failed, files: [{ file, content, valid, detached, signers[], error }] }`,
    'cmd.key.verify.arg.signature': 'Imzo fayllari (.p7s, DER, PEM yoki base64), papkalar yoki shablonlar.',
    'cmd.key.verify.flag.content': 'Bitta ajratilgan imzo uchun imzolangan fayl.',
    'cmd.key.verify.flag.content-dir':
      'Ko‘p ajratilgan imzolar uchun imzolangan fayllar papkasi (key sign --out-dir tuzilmasi).',
    'cmd.key.verify.flag.ca':
      'Ishonchli sertifikatlash markazi sertifikatlari (PEM yoki DER fayl); takrorlash mumkin.',
    'cmd.key.verify.flag.recursive': 'Ko‘rsatilgan papkalarning ichki papkalaridagi imzolarni ham qo‘shish.',

    'cmd.key.timestamp.description': `Tayyor PKCS#7/CMS imzolarning vaqt tamg‘asi yo‘q har bir imzo chekuvchisiga RFC 3161 vaqt
tamg‘asini qo‘shadi (imzo qiymati ustidan id-aa-timeStampToken imzolanmagan atributi, E-IMZO
attach_timestamp_token_pkcs7 kabi): biriktirilgan yoki ajratilgan, DER, PEM yoki base64. Imzoning
qolgan baytlari o‘zgarmaydi, shuning uchun imzolar avvalgidek tekshiriladi. Har bir fayl joyida
(E-IMZO kabi) atomar almashtiriladi yoki nisbiy yo‘llar saqlangan holda --out-dir ga yoziladi;
--format boshqacha demasa, faylning shakli (DER, PEM, base64) saqlanadi. Papkalardan .p7s fayllari olinadi.

Tamg‘alarni portalning vaqt tamg‘asi xizmati (<portal>/api/v1/tsa) yoki --tsa URL (istalgan RFC
3161 xizmati) beradi; har bir javob qo‘shilishdan oldin tekshiriladi (berildi, nonce, iz = shu imzo
chekuvchi imzo qiymatining xeshi). Bir vaqtda --jobs tagacha fayl (sukut bo‘yicha 8) ishlanadi.

Barcha imzo chekuvchilarida tamg‘a bor fayl xato hisoblanadi, agar --resume uni o‘tkazib yubormasa
yoki --force tamg‘alarini almashtirmasa; to‘xtatilgan yoki o‘ldirilgan ishdan keyin har bir fayl
yo avvalgidek, yo to‘liq tamg‘alangan, shuning uchun --resume qolganini tugatadi. Ctrl-C ishdagi
fayllarni tugatib 130 kodi bilan chiqadi; ikkinchi Ctrl-C darhol to‘xtatadi. Ulanib bo‘lmaydigan
yoki rad etgan xizmat ishni tugatadi (kod 7 / 8), yangi fayllar boshlanmaydi. Ba'zi fayllar
muvaffaqiyatsiz bo‘lsa, chiqish kodi 10. --jsonl har bir fayl uchun bitta JSON qatori chiqaradi; --json bilan birga emas.

JSON natija: { tsa, total, stamped, skipped, failed, notStarted, interrupted, tokens, elapsedMs, results[] }`,
    'cmd.key.timestamp.arg.signatures': 'Imzo fayllari (DER, PEM yoki base64), papkalar yoki shablonlar.',
    'cmd.key.timestamp.flag.tsa':
      'RFC 3161 vaqt tamg‘asi xizmati manzili (sukut bo‘yicha portalniki, <portal>/api/v1/tsa).',
    'cmd.key.timestamp.flag.out-dir': 'Tamg‘alangan imzolarni joyida emas, shu papkaga yozish.',
    'cmd.key.timestamp.flag.recursive':
      'Ko‘rsatilgan papkalarning ichki papkalaridagi imzolarni ham qo‘shish.',
    'cmd.key.timestamp.flag.format':
      'Yoziladigan shakl: der, pem yoki base64 (sukut bo‘yicha har bir faylning o‘z shakli).',
    'cmd.key.timestamp.flag.force': 'Mavjud vaqt tamg‘alari va mavjud natija fayllarini almashtirish.',
    'cmd.key.timestamp.flag.resume':
      'Barcha imzo chekuvchilarida allaqachon vaqt tamg‘asi bor fayllarni o‘tkazib yuborish.',
    'cmd.key.timestamp.flag.jobs': 'Bir vaqtda ishlanadigan fayllar soni (sukut bo‘yicha 8).',
    'cmd.key.timestamp.flag.jsonl':
      'Standart chiqishga har bir fayl uchun bitta JSON qatori (--json bilan emas).',

    'cmd.key.doctor.description': `Qo‘llab-quvvatlash xodimlari qo‘lda bajaradigan tekshiruvlarni o‘tkazadi, har biri PASS /
WARN / FAIL / SKIP natijasi va maslahat bilan: kalit papkalari topildi, fleshka ulangan, kalit
fayllari o‘qiladi va buzilmagan, PKCS#12 tahlili, parol (faqat --key-password-file,
--key-password-stdin yoki ONEID_KEY_PASSWORD orqali berilganda), yopiq kalit sertifikatga mos,
amal qilish muddati (30 kun oldin ogohlantiradi), ishonchli ildizgacha zanjir (--ca, aks holda
<portal>/api/v1/ca/certificates dagi portal sertifikatlash markazi), tizim soati va portalga ulanish
(GET <portal>/api/v1/health, 3 s kutish; portal manzilidagi yo‘l saqlanadi). <key> bo‘lmasa,
topilgan barcha kalitlar tekshiriladi. Hech bir tekshiruv muvaffaqiyatsiz bo‘lmasagina kod 0;
aks holda birinchi xatoning kodi (4 — parol, 7 — portal, 5 — boshqalar), to‘liq hisobot JSON
javobining "result" qismida.

Bekor qilinganlik tekshiruvi sertifikatning OCSP yoki CRL idan (yoki --crl dan) so‘raydi: bekor
qilingan bo‘lsa FAIL, noma’lum bo‘lsa WARN (--revocation require bilan FAIL).

JSON natija: { ok, checks: [{ id, status: "pass" | "warn" | "fail" | "skip", message, fix?, path? }] }`,
    'cmd.key.doctor.arg.key':
      'Kalit fayli, taxallus, JSHSHIR/STIR yoki seriya raqami (sukut bo‘yicha topilgan barcha kalitlar).',
    'cmd.key.doctor.flag.ca':
      'Ishonchli sertifikatlash markazi sertifikati (PEM yoki DER); bir nechta uchun takrorlang.',

    'cmd.key.info.description': `Kalit — fayl yo‘li, uning taxallusi (yoki yagona qismi, masalan egasining ismi), JSHSHIR/STIR
yoki sertifikat seriya raqami. Parolsiz sertifikat shifrlanmagan konteynerdan o‘qiladi (E-IMZO
kalitlari) yoki taxallusdan tavsiflanadi (OpenSSL fayllari sertifikatni shifrlaydi).
--check-password parolni va kalit sertifikatga mosligini tasdiqlash uchun yopiq kalitni ochadi.

JSON natija: { path, alias?, certificate?: { subject, subjectAttributes, issuer, serial, validFrom,
validTo, daysLeft, state, identity: { pinfl?, tin?, uid?, cn?, o?, t? }, key: { algorithm, oid,
curve?, bits? }, signatureAlgorithm, keyUsage?, extKeyUsage?, policies?, ca, fingerprints: { sha1,
sha256 } }, chain: [certificate…], summary, aliasMismatch: [fields], protection: { keys: [{ scheme,
kdf?, prf?, cipher?, iterations, saltLength }], safes: […], mac?: { hash, iterations, saltLength } },
unreadable: [], passwordChecked, keyMatchesCertificate? }`,
    'cmd.key.info.arg.key': 'Kalit fayli, taxallus, JSHSHIR/STIR yoki sertifikat seriya raqami.',
    'cmd.key.info.flag.check-password':
      'Yopiq kalitni ochish: parolni va kalit sertifikatga mosligini tasdiqlash.',

    'cmd.key.list.description': `Barcha kalit joylarini ko‘rib chiqadi: fleshkalar (/media/<user>/*, /run/media/<user>/*, /mnt/*,
/Volumes/*, disk harflari), ~/DSKEYS, profildagi key-roots va ONEID_KEYS_PATH; har bir joyda va
uning DSKEYS papkasida .pfx fayllarini o‘qiydi. Parol so‘ralmaydi: ma’lumotlar sertifikatdan yoki,
sertifikat shifrlangan bo‘lsa, E-IMZO taxallusidan olinadi (* bilan belgilanadi). O‘qilmaydigan
yoki buzilgan fayllar ro‘yxatni to‘xtatmaydi; --all ularni sababi bilan ko‘rsatadi.

JSON natija: { keys: [{ path, disk, alias?, source: "certificate" | "alias" | "none", owner?,
pinfl?, tin?, uid?, organization?, title?, serial?, issuer?, algorithm?, curve?, bits?,
validFrom?, validTo?, daysLeft?, state?: "valid" | "expired" | "not-yet-valid", unreadable: [] }],
problems?: [{ path, code, message }], roots: [{ path, source, exists }] }`,
    'cmd.key.list.flag.all': 'O‘qib bo‘lmagan fayllarni ham sababi bilan ko‘rsatish.',

    'cmd.key.passwd.description': `Eski parol tekshiriladi, yangi fayl biror narsa yozilishidan oldin xotirada yaratiladi va
qayta ochiladi; so‘ng eski fayl <fayl>.bak sifatida saqlanadi (--no-backup bo‘lmasa) va kalit
fayli atomar almashtiriladi (vaqtinchalik fayl, fsync, qayta nomlash; huquqlar 0600). Noto‘g‘ri
eski parol — kod 4, hech narsa yozilmaydi. Shifrlash avvalgidek qoladi (PBES2/AES-256 yoki eski
3DES), kamida 10 000 iteratsiya; --legacy Java 8 davri dasturlari uchun 3DES + SHA-1 MAC yozadi.
Parollar: --key-password-file/--key-password-stdin yoki ONEID_KEY_PASSWORD (eski),
--new-key-password-file/--new-key-password-stdin yoki ONEID_NEW_KEY_PASSWORD (yangi), aks holda so‘raladi.

JSON natija: { path, backup?, legacy }`,
    'cmd.key.passwd.arg.key': 'Kalit fayli, taxallus, JSHSHIR/STIR yoki sertifikat seriya raqami.',
    'cmd.key.passwd.flag.backup': 'Eski faylni <fayl>.bak sifatida saqlash.',
    'cmd.key.passwd.flag.legacy': 'AES-256 o‘rniga 3DES + SHA-1 MAC yozish (Java 8 davri dasturlari uchun).',
  },
} satisfies Catalog;
