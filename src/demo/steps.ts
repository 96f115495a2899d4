/**
 * The demo's story, step by step. Each step is one or more real `oneid` commands; the lines that
 * start with "✔" are milestones, checked here on the command's JSON result or on the files it
 * wrote (the demo test looks for them).
 */
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { heading, say, StepFailed, type Cli, type RunResult } from './runner.js';
import type { Workspace } from './workspace.js';

export interface DemoState {
  /** The detached sandbox portal, stopped by the cleanup if a step fails before `sandbox stop`. */
  sandboxPid?: number;
}

interface Person {
  pinfl: string;
  passport: string;
  phone: string;
  kind: string;
  passport_expiry_date: string;
  surname: string;
  first_name: string;
}

interface Company {
  tin: string;
  name: string;
  director_pinfl: string;
  roles: Array<{ pinfl: string }>;
}

/** A citizen with a valid passport who is nobody's director or staff: the company's new accountant. */
function pickAccountant(persons: Person[], companies: Company[]): Person {
  const today = new Date().toISOString().slice(0, 10);
  const staff = new Set(companies.flatMap((c) => [c.director_pinfl, ...c.roles.map((x) => x.pinfl)]));
  const p = persons.find(
    (x) => x.kind === 'citizen' && x.passport_expiry_date > today && !staff.has(x.pinfl),
  );
  if (!p) throw new Error('the sandbox registry has no free citizen for the accountant');
  return p;
}

const fmt = (n: number) => n.toLocaleString('en-US');
const check = (ok: boolean, line: string, r: RunResult) => {
  if (!ok) throw new StepFailed(`${line} (unexpected result)`, r);
};

/** A company whose director is a citizen with a valid passport: the demo's hero and their company. */
function pickDirector(persons: Person[], companies: Company[]): { person: Person; company: Company } {
  const today = new Date().toISOString().slice(0, 10);
  for (const company of companies) {
    const person = persons.find((p) => p.pinfl === company.director_pinfl);
    if (person && person.kind === 'citizen' && person.passport_expiry_date > today)
      return { person, company };
  }
  throw new Error('the sandbox registry has no company with a citizen director');
}

/** `oneid register` from flags: the registry's data, the person's own phone, the SMS code on stdin. */
function registerArgs(p: Person, login: string, passwordFile: string, extra: string[] = []): string[] {
  return [
    'register',
    '--accept-offer',
    '--pinfl',
    p.pinfl,
    '--passport',
    p.passport,
    '--yes',
    '--login',
    login,
    '--email',
    `${login}@example.uz`,
    '--phone',
    p.phone,
    ...extra,
    '--password-file',
    passwordFile,
    '--sms-code-stdin',
  ];
}

/** A login from the first name (latin letters only), at least 5 characters. */
function loginFor(p: Person): string {
  const stem = p.first_name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return `${stem || 'demo'}${'0'.repeat(Math.max(0, 3 - stem.length))}01`;
}

export async function runDemo(cli: Cli, ws: Workspace, state: DemoState, count: number): Promise<void> {
  const r = ws.rel;
  const keyPass = ['--key-password-file', r.keyPasswordFile];

  say(
    'oneid demo: a citizen gets a signature key, binds their company and signs a batch of documents;\n' +
      'then authorizes an accountant, who gets a company key of their own, signs, and loses the role when revoked.',
  );
  say(`Everything happens in ${ws.root} (removed at the end), with:`);
  for (const k of [
    'ONEID_CONFIG_DIR',
    'HOME',
    'ONEID_KEYS_PATH',
    'ONEID_KEYS_SYSTEM_ROOTS',
    'ONEID_SANDBOX_DATA',
  ])
    say(`  ${k}=${ws.relative(cli.env[k]!)}`);
  say('Secrets come from files (secrets/password, secrets/key-password), never from the command line.');

  heading('1. Start the sandbox portal on a free port');
  const start = await cli.run(['sandbox', 'start', '--port', '0', '--detach', '--json'], {
    summary: (x) => `portal ${x.json?.result?.url} (pid ${x.json?.result?.pid})`,
  });
  state.sandboxPid = start.json.result.pid;
  cli.env.ONEID_PORTAL = start.json.result.url as string;
  say(`  export ONEID_PORTAL=${cli.env.ONEID_PORTAL}`);
  await cli.run(['config', 'set', 'storage', 'file'], {
    summary: () => 'sessions go to a 0600 file in the config dir (no OS keychain needed)',
  });

  heading('2. Pick a citizen from the population registry');
  const reg = await cli.run(['sandbox', 'registry', '--json'], {
    summary: (x) =>
      `${x.json?.result?.persons?.length} people, ${x.json?.result?.companies?.length} companies`,
  });
  const { person, company } = pickDirector(reg.json.result.persons, reg.json.result.companies);
  say(
    `  → ${person.first_name} ${person.surname}, PINFL ${person.pinfl}, passport ${person.passport}, phone ${person.phone}`,
  );
  say(`  → director of ${company.name}, TIN ${company.tin}`);

  heading('3. Register a OneID account (the SMS code is read from the sandbox outbox)');
  const login = loginFor(person);
  await cli.run(registerArgs(person, login, r.passwordFile), { feed: await smsFeed(cli, person.phone) });

  /** key apply → pay → approve → key status (installs the key); returns the key file, relative. */
  const applyFor = async (
    who: string[],
    what: string,
    phone = person.phone,
    as: string[] = [],
  ): Promise<string> => {
    const apply = await cli.run(
      [
        'key',
        'apply',
        ...who,
        '--phone',
        phone,
        '--photo',
        r.photo,
        '--selfie',
        r.selfie,
        '--dir',
        r.keys,
        ...keyPass,
        '--sms-code-stdin',
        '--yes',
        ...as,
        '--json',
      ],
      {
        feed: await smsFeed(cli, phone),
        summary: (x) => {
          const a = x.json?.result;
          return `application ${a?.id} (${a?.algorithm}): ${a?.status}; invoice ${a?.invoice?.id}: ${fmt(a?.invoice?.amount ?? 0)} ${a?.invoice?.currency ?? ''}`;
        },
      },
    );
    const app = apply.json.result;
    const pay = await cli.run(['sandbox', 'pay', String(app.invoice.id), '--json'], {
      summary: (x) => `paid; application ${x.json?.result?.status}`,
    });
    if (pay.json.result.status !== 'issued') {
      await cli.run(['sandbox', 'approve', app.id, '--json'], {
        summary: (x) => `approved; application ${x.json?.result?.status}`,
      });
    }
    const status = await cli.run(['key', 'status', app.id, ...keyPass, ...as, '--json'], {
      summary: (x) => {
        const a = x.json?.result?.applications?.[0];
        return `${a?.status}; certificate ${a?.certificateSerial ?? ''} installed as ${a?.installed ? ws.relative(a.installed) : '?'}`;
      },
    });
    const installed = status.json.result.applications[0]?.installed as string | undefined;
    check(!!installed, `key status ${app.id}`, status);
    say(`✔ ${what} key installed: ${ws.relative(installed!)}`);
    return ws.relative(installed!);
  };

  heading("4. Apply for a personal key (O'z DSt 1092), pay, approve, install");
  const personalKey = await applyFor(['--pinfl', person.pinfl], 'personal');
  await cli.run(['key', 'list']);

  heading('5. Log in and verify the account with the personal key');
  await cli.run(['login', login, '--password-file', r.passwordFile]);
  const verified = await cli.run(['verify-account', '--key', personalKey, ...keyPass]);
  say(`✔ account verified: ${login}`);
  void verified;

  heading('6. Apply for the company key and bind the company');
  const companyKey = await applyFor(['--legal', '--tin', company.tin, '--pinfl', person.pinfl], 'company');
  const bind = await cli.run(['le', 'bind', '--key', companyKey, ...keyPass, '--json'], {
    summary: (x) => {
      const b = x.json?.result;
      return `bound ${b?.name} (TIN ${b?.tin}) as ${b?.role}`;
    },
  });
  check(bind.json.result.tin === company.tin, 'le bind', bind);
  say(`✔ company bound: ${company.name} (TIN ${company.tin}) as ${bind.json.result.role}`);

  heading('7. Log in again as the head of the company');
  await cli.run(['logout']);
  await cli.run([
    'login',
    login,
    '--password-file',
    r.passwordFile,
    '--role',
    `${company.tin}:Common For Head`,
  ]);
  await cli.run(['whoami']);
  const who = await cli.run(['whoami', '--json'], { quiet: true });
  check(who.json?.result?.role?.role === 'Common For Head', 'whoami', who);
  say(`✔ logged in as "Common For Head" of TIN ${company.tin}`);

  heading(`8. Sign ${fmt(count)} documents in one batch with the company key`);
  ws.generateDocuments(count);
  say(`  (generated ${r.documents}/doc-0001.txt … ${fmt(count)} small invoices)`);
  const sign = await cli.run(['key', 'sign', r.documents, '--key', companyKey, ...keyPass, '--detached'], {
    maxLines: 8,
    timeoutMs: 600_000,
  });
  void sign;
  const signatures = readdirSync(ws.at(r.documents)).filter((f) => f.endsWith('.p7s'));
  if (signatures.length !== count) {
    throw new StepFailed(`key sign: ${signatures.length} signatures written for ${count} documents`, sign);
  }
  say(`✔ ${fmt(count)} documents signed (${fmt(signatures.length)} detached .p7s files)`);

  heading('9. Verify every signature against the sandbox CA');
  const ca = (await (await fetch(`${cli.env.ONEID_PORTAL}/api/v1/ca/certificates`)).json()) as {
    pem: string;
  };
  writeFileSync(ws.at(r.ca), ca.pem);
  say(`  (the CA certificate from ${cli.env.ONEID_PORTAL}/api/v1/ca/certificates saved as ${r.ca})`);
  const verify = await cli.run(['key', 'verify', r.documents, '--ca', r.ca], {
    maxLines: 8,
    timeoutMs: 600_000,
  });
  void verify;
  const verifyJson = await cli.run(['key', 'verify', r.documents, '--ca', r.ca, '--json'], {
    quiet: true,
    timeoutMs: 600_000,
  });
  check(
    verifyJson.json?.result?.valid === true && verifyJson.json.result.total === count,
    'key verify --json',
    verifyJson,
  );
  say(`✔ ${fmt(count)} signatures verified`);

  heading('10. Change one document and verify again');
  const victim = path.join(
    r.documents,
    `doc-${String(Math.ceil(count / 2)).padStart(Math.max(4, String(count).length), '0')}.txt`,
  );
  appendFileSync(ws.at(victim), 'Amount: 1 000 000 000 UZS\n');
  say(`  (appended a line to ${victim})`);
  const tampered = await cli.run(['key', 'verify', r.documents, '--ca', r.ca], {
    expect: [6],
    timeoutMs: 600_000,
    summary: (x) => {
      const lines = `${x.stdout}${x.stderr}`.split('\n').filter((l) => l.trim());
      const base = path.basename(victim);
      const about = lines.filter((l) => l.includes(base));
      return [...about, ...lines.slice(-1).filter((l) => !about.includes(l))];
    },
  });
  check(`${tampered.stdout}${tampered.stderr}`.includes(path.basename(victim)), 'tampered verify', tampered);
  say(`✔ tamper detected: ${victim}.p7s does not verify (exit ${tampered.code})`);

  await employeeChapter(cli, ws, { reg: reg.json.result, company, applyFor, keyPass });

  heading('16. Stop the sandbox');
  await cli.run(['sandbox', 'stop']);
}

/**
 * Issue 17: the director authorizes an accountant; the accountant (their own profile: their own
 * session on this computer) registers, applies for a company key in their own name, binds it, logs
 * in as "Common For Accountant" and signs; the director revokes, and the role is refused.
 */
async function employeeChapter(
  cli: Cli,
  ws: Workspace,
  o: {
    reg: { persons: Person[]; companies: Company[] };
    company: Company;
    applyFor: (who: string[], what: string, phone?: string, as?: string[]) => Promise<string>;
    keyPass: string[];
  },
): Promise<void> {
  const r = ws.rel;
  const { company, keyPass } = o;
  const accountant = pickAccountant(o.reg.persons, o.reg.companies);
  const role = 'Common For Accountant';

  heading('11. The director authorizes an accountant');
  say(
    `  → ${accountant.first_name} ${accountant.surname}, PINFL ${accountant.pinfl}, phone ${accountant.phone}`,
  );
  await cli.run(['le', 'employees', 'add', accountant.pinfl, '--role', role]);
  await cli.run(['le', 'show']);
  say(`✔ ${accountant.first_name} ${accountant.surname} authorized as "${role}" of TIN ${company.tin}`);

  heading('12. The accountant registers (own profile: own session) and gets a personal key');
  const as = ['--profile', 'accountant'];
  await cli.run(['config', 'set', 'storage', 'file', ...as], { quiet: true });
  const login = loginFor(accountant).replace(/01$/, '02');
  await cli.run(
    registerArgs(accountant, login, r.passwordFile, [
      '--region',
      '1726',
      '--district',
      'Chilonzor tumani',
      ...as,
    ]),
    { feed: await smsFeed(cli, accountant.phone) },
  );
  const personalKey = await o.applyFor(
    ['--pinfl', accountant.pinfl],
    "the accountant's personal",
    accountant.phone,
    as,
  );
  await cli.run(['login', login, '--password-file', r.passwordFile, ...as]);
  await cli.run(['verify-account', '--key', personalKey, ...keyPass, ...as]);

  heading('13. The accountant applies for a company key in their own name, binds it, logs in with the role');
  const companyKey = await o.applyFor(
    ['--legal', '--tin', company.tin],
    "the accountant's company",
    accountant.phone,
    as,
  );
  await cli.run(['le', 'bind', '--key', companyKey, ...keyPass, ...as]);
  const signedIn = await cli.run(
    ['login', login, '--password-file', r.passwordFile, '--role', `${company.tin}:${role}`, ...as, '--json'],
    { summary: (x) => `logged in as ${x.json?.result?.role?.role} of ${x.json?.result?.role?.name}` },
  );
  check(signedIn.json?.result?.role?.role === role, 'login --role', signedIn);
  say(`✔ logged in as "${role}" of TIN ${company.tin}`);
  const folder = 'documents-accountant';
  mkdirSync(ws.at(folder), { recursive: true });
  for (let i = 1; i <= 3; i++)
    writeFileSync(
      ws.at(path.join(folder, `hisob-faktura-${i}.xml`)),
      `<faktura n="${i}" tin="${company.tin}"/>\n`,
    );
  const sign = await cli.run(['key', 'sign', folder, '--key', companyKey, ...keyPass, '--json'], {
    summary: (x) =>
      `${x.json?.result?.signed} signed by ${x.json?.result?.signer?.cn ?? '?'} (TIN ${x.json?.result?.signer?.tin})`,
  });
  check(sign.json?.result?.signed === 3 && sign.json.result.signer?.tin === company.tin, 'key sign', sign);
  say(`✔ the accountant signed 3 documents with the company key`);

  heading('14. The director revokes the authorization');
  await cli.run(['le', 'employees', 'remove', accountant.pinfl]);

  heading("15. The accountant's role is refused");
  const refused = await cli.run(
    ['login', login, '--password-file', r.passwordFile, '--role', `${company.tin}:${role}`, ...as],
    { expect: [3] },
  );
  check(refused.code === 3, 'login after revocation', refused);
  say(`✔ role refused after revocation (exit ${refused.code})`);
}

/**
 * The `feed` of a command reading the SMS code on stdin: polls `oneid sandbox outbox` until an SMS
 * newer than the current one reaches `phone`, shows that command once, and returns the code.
 */
async function smsFeed(cli: Cli, phone: string): Promise<() => Promise<string>> {
  const args = ['sandbox', 'outbox', '--phone', phone, '--last', '1', '--json'];
  const newest = async () => (await cli.run(args, { quiet: true })).json?.result?.messages?.[0] ?? undefined;
  const before = (await newest())?.id as string | undefined;
  return async () => {
    for (let i = 0; i < 120; i++) {
      const m = await newest();
      const code = m && m.id !== before ? /\b(\d{6})\b/.exec(String(m.body))?.[1] : undefined;
      if (code) {
        cli.announce(args);
        say(`  SMS to ${m.recipient}: "${m.body}" → code piped to the command above`);
        return `${code}\n`;
      }
      await new Promise((res) => setTimeout(res, 250));
    }
    throw new Error(`no SMS reached ${phone}`);
  };
}
