/**
 * Schema migrations, applied in order inside one transaction each; `PRAGMA user_version` records
 * the last applied step so that an old data dir upgrades itself on the next start.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: registries, portal settings, outbox, accounts, sessions, registrations, SMS codes.
  `
  CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE persons (
    pinfl TEXT PRIMARY KEY, passport TEXT NOT NULL UNIQUE, surname TEXT NOT NULL, first_name TEXT NOT NULL,
    patronymic TEXT, sex TEXT NOT NULL, birth_date TEXT NOT NULL, birth_place TEXT NOT NULL,
    birth_country TEXT NOT NULL, nationality TEXT NOT NULL, citizenship TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('citizen','foreign','stateless')),
    passport_issued_by TEXT NOT NULL, passport_issue_date TEXT NOT NULL, passport_expiry_date TEXT NOT NULL,
    address TEXT NOT NULL, region TEXT NOT NULL, phone TEXT NOT NULL, tin TEXT
  );
  CREATE TABLE companies (
    tin TEXT PRIMARY KEY, name TEXT NOT NULL, acronym TEXT NOT NULL, director_pinfl TEXT NOT NULL REFERENCES persons(pinfl),
    address TEXT NOT NULL, phone TEXT NOT NULL
  );
  CREATE TABLE company_roles (
    tin TEXT NOT NULL REFERENCES companies(tin), pinfl TEXT NOT NULL REFERENCES persons(pinfl), role TEXT NOT NULL,
    PRIMARY KEY (tin, pinfl)
  );
  CREATE TABLE outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, channel TEXT NOT NULL CHECK (channel IN ('sms','email')),
    recipient TEXT NOT NULL, subject TEXT, body TEXT NOT NULL, created_at INTEGER NOT NULL
  );
  CREATE INDEX outbox_recipient ON outbox(recipient, id);
  CREATE TABLE accounts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, login TEXT NOT NULL UNIQUE COLLATE NOCASE, pinfl TEXT NOT NULL UNIQUE,
    password_hash TEXT, email TEXT, phone TEXT, notify_by_email INTEGER NOT NULL DEFAULT 0, actual_address TEXT,
    status TEXT NOT NULL CHECK (status IN ('unverified','verified')), verified_cert_serial TEXT,
    created_at INTEGER NOT NULL, registration_id TEXT UNIQUE
  );
  CREATE TABLE account_legal_entities (
    account_id INTEGER NOT NULL REFERENCES accounts(id), tin TEXT NOT NULL REFERENCES companies(tin),
    role TEXT NOT NULL, bound_at INTEGER NOT NULL, PRIMARY KEY (account_id, tin)
  );
  CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY, account_id INTEGER NOT NULL REFERENCES accounts(id), role_tin TEXT,
    auth_method TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked_at INTEGER,
    client_id TEXT
  );
  CREATE INDEX sessions_account ON sessions(account_id);
  CREATE TABLE registrations (
    id TEXT PRIMARY KEY, step TEXT NOT NULL, pinfl TEXT, login TEXT, password_hash TEXT, email TEXT, phone TEXT,
    notify_by_email INTEGER NOT NULL DEFAULT 0, actual_address TEXT, created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL, account_id INTEGER,
    method TEXT NOT NULL DEFAULT 'passport' CHECK (method IN ('passport','key')), cert_serial TEXT
  );
  CREATE TABLE sms_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, purpose TEXT NOT NULL, ref TEXT NOT NULL, phone TEXT NOT NULL,
    code_hash TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, used_at INTEGER
  );
  CREATE INDEX sms_codes_ref ON sms_codes(purpose, ref, id);
  `,
  // 2: key applications, invoices, certificates issued by the sandbox CA, challenges, SSO clients.
  `
  CREATE TABLE key_applications (
    id TEXT PRIMARY KEY, type TEXT NOT NULL CHECK (type IN ('individual','legal')), pinfl TEXT NOT NULL,
    tin TEXT, phone TEXT NOT NULL, status TEXT NOT NULL, pkcs10 BLOB, key_algorithm TEXT,
    photo BLOB, photo_type TEXT, selfie BLOB, selfie_type TEXT, invoice_id TEXT UNIQUE,
    fee_amount INTEGER, fee_percent REAL, bhm INTEGER, paid_at INTEGER, review_due_at INTEGER,
    reject_reason TEXT, certificate_serial TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
    open_subject TEXT UNIQUE
  );
  CREATE TABLE certificates (
    serial TEXT PRIMARY KEY, der BLOB NOT NULL, subject TEXT NOT NULL, pinfl TEXT, tin TEXT,
    not_before INTEGER NOT NULL, not_after INTEGER NOT NULL, revoked_at INTEGER, revocation_reason INTEGER,
    application_id TEXT
  );
  CREATE TABLE ca (name TEXT PRIMARY KEY, certificate BLOB NOT NULL, private_key BLOB NOT NULL);
  CREATE TABLE challenges (id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER);
  CREATE TABLE sso_clients (
    client_id TEXT PRIMARY KEY, secret_hash TEXT NOT NULL, name TEXT NOT NULL, redirect_uris TEXT NOT NULL,
    scope TEXT NOT NULL
  );
  CREATE TABLE sso_codes (
    code_hash TEXT PRIMARY KEY, client_id TEXT NOT NULL, account_id INTEGER NOT NULL, role_tin TEXT,
    auth_method TEXT NOT NULL, redirect_uri TEXT NOT NULL, scope TEXT NOT NULL, expires_at INTEGER NOT NULL,
    used_at INTEGER
  );
  CREATE TABLE sso_tokens (
    token_hash TEXT PRIMARY KEY, refresh_hash TEXT UNIQUE, client_id TEXT NOT NULL, account_id INTEGER NOT NULL,
    role_tin TEXT, auth_method TEXT NOT NULL, scope TEXT NOT NULL, sess_id TEXT NOT NULL,
    expires_at INTEGER NOT NULL, revoked_at INTEGER
  );
  `,
  // 3 (issue 13): SSO codes and tokens remember the portal session they came from, so that
  // its logout revokes them; SMS codes are now a keyed hash, so the live ones of an older data dir
  // (unkeyed SHA-256, minutes of life) are closed: their owners get SMS_CODE_MISSING and ask anew.
  `
  ALTER TABLE sso_codes ADD COLUMN session_hash TEXT;
  ALTER TABLE sso_tokens ADD COLUMN session_hash TEXT;
  CREATE INDEX sso_tokens_session ON sso_tokens(session_hash);
  UPDATE sms_codes SET used_at = CAST(strftime('%s', 'now') AS INTEGER) * 1000 WHERE used_at IS NULL;
  `,
  // 4, key applications (issue 13): the application-scoped secret (SHA-256 only), and an unconfirmed
  // application no longer holds its holder's one open slot (only a phone-confirmed one does).
  `
  ALTER TABLE key_applications ADD COLUMN secret_hash TEXT;
  UPDATE key_applications SET open_subject = NULL WHERE status = 'awaiting_sms';
  CREATE INDEX key_applications_unconfirmed ON key_applications(status, created_at);
  `,
  // 5 (issue 17): employees a director authorizes (by PINFL, with a role; revoking keeps the row),
  // password recoveries, the actual address's region and district (SOATO codes, portal data), and
  // what "Mening arizalarim" needs: the account that started an application and the machine's name.
  // A legal entity's open slot now names the applicant too (`legal:<TIN>:<PINFL>`): an employee's
  // application must never be handed over to (or take over) the director's.
  `
  CREATE TABLE employee_authorizations (
    id INTEGER PRIMARY KEY AUTOINCREMENT, tin TEXT NOT NULL REFERENCES companies(tin),
    pinfl TEXT NOT NULL REFERENCES persons(pinfl), role TEXT NOT NULL,
    granted_by INTEGER NOT NULL REFERENCES accounts(id), granted_at INTEGER NOT NULL,
    revoked_at INTEGER, revoked_by INTEGER REFERENCES accounts(id)
  );
  CREATE UNIQUE INDEX employee_authorizations_active ON employee_authorizations(tin, pinfl) WHERE revoked_at IS NULL;
  CREATE TABLE recoveries (
    id TEXT PRIMARY KEY, account_id INTEGER REFERENCES accounts(id), method TEXT NOT NULL,
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, used_at INTEGER
  );
  ALTER TABLE registrations ADD COLUMN region TEXT;
  ALTER TABLE registrations ADD COLUMN district TEXT;
  ALTER TABLE accounts ADD COLUMN region TEXT;
  ALTER TABLE accounts ADD COLUMN district TEXT;
  ALTER TABLE key_applications ADD COLUMN account_id INTEGER;
  ALTER TABLE key_applications ADD COLUMN machine TEXT;
  ALTER TABLE key_applications ADD COLUMN region TEXT;
  ALTER TABLE key_applications ADD COLUMN district TEXT;
  CREATE INDEX key_applications_holder ON key_applications(pinfl);
  UPDATE key_applications SET open_subject = 'legal:' || tin || ':' || pinfl WHERE open_subject LIKE 'legal:%';
  `,
];
