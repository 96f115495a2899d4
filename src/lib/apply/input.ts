/**
 * The key-application input rules, shared by `key apply` (new and `--resume`): every answer is
 * checked here before anything is created on disk or sent to the portal — who applies (an
 * individual, or a legal entity by its TIN), PINFL, phone, algorithm, key folder (usable, but
 * not created yet), photo and selfie (readable JPEG or PNG within 5 MB), and on resume that the
 * key password will be there when the last step needs it. A missing answer is asked through
 * `ApplyAsk` (the command's prompts) or reported as a usage error naming its flag.
 */
import { access, constants, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';

import type { Settings } from '../config/index.js';
import type { Place } from '../account/index.js';
import { resolvePlace } from '../account/places.js';
import { UsageError } from '../errors/index.js';
import type { RegionEntry } from '../portal/index.js';
import { parsePhone, parsePinfl, parseTin } from '../ids/index.js';
import { parseKeyAlgorithm } from './algorithm.js';
import { keyFolderCandidates } from './destination.js';
import type { NewApplication } from './flow.js';
import { checkImage } from './images.js';
import { sourceText, typeText } from './render.js';
import { stepDone, type ApplicationState } from './state.js';

/** The answers as the flags gave them (all optional: missing ones are asked or refused). */
export interface ApplyAnswers {
  legal?: boolean;
  pinfl?: string;
  tin?: string;
  phone?: string;
  alg?: string;
  dir?: string;
  photo?: string;
  selfie?: string;
  /** "viloyat va tuman": SOATO code or name, checked against the portal's list. */
  region?: string;
  district?: string;
}

/** What the applicant's session and the portal add to the answers (issue 17). */
export interface ApplyContext {
  /**
   * The current session, asked only for a company application: its company (when it acts for
   * one) is the default TIN, and its token goes with the start (an authorized employee applies
   * signed in).
   */
  session?: () => Promise<{ token: string; companyTin?: string } | undefined>;
  /** The portal's region list (fetched only when a region is given or picked). */
  regions?: () => Promise<RegionEntry[]>;
}

/** How the caller asks for what the flags did not give (prompts on a terminal, else refusals). */
export interface ApplyAsk {
  /** Questions can be asked (a terminal, prompts allowed). */
  interactive: boolean;
  /** `given`, else the answer to the prompt `promptKey`, else a usage error naming `--flag`. */
  text(flag: string, given: string | undefined, promptKey: string): Promise<string>;
  /** One of `choices` (only asked when `interactive`). */
  choose<V>(flag: string, promptKey: string, choices: Array<{ name: string; value: V }>): Promise<V>;
  /** The region and district picker over the portal's list (only asked when `interactive`). */
  pickPlace?(regions: RegionEntry[]): Promise<Place>;
}

/**
 * The folder the key file will go to, checked without creating anything: the folder itself, or
 * (when it does not exist yet) its nearest existing parent, must be a folder this user may write.
 */
export async function checkKeyFolder(dir: string): Promise<string> {
  const abs = path.resolve(dir);
  for (let p = abs; ; p = path.dirname(p)) {
    try {
      if (!(await stat(p)).isDirectory())
        throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
      await access(p, constants.W_OK | constants.X_OK);
      return abs;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' && path.dirname(p) !== p) continue;
      throw new UsageError('KEY_FOLDER_UNUSABLE', 'apply.error.folder', {
        params: { path: abs, reason: code ?? String(e) },
      });
    }
  }
}

/** Every answer of a new application, checked here; nothing is created or sent yet. */
export async function newApplicationInput(
  f: ApplyAnswers,
  ask: ApplyAsk,
  settings: Settings,
  c: ApplyContext = {},
): Promise<NewApplication> {
  // "STIR yoki PINFL": a personal TIN (4-7…) alone is an individual's application.
  const personalTin = f.tin !== undefined && !f.legal && parseTin(f.tin).kind === 'individual';
  const legal =
    f.legal ||
    (f.tin !== undefined && f.pinfl === undefined && !personalTin) ||
    (f.tin === undefined && f.pinfl === undefined && ask.interactive
      ? await ask.choose('legal', 'apply.prompt.type', [
          { name: typeText('individual'), value: false },
          { name: typeText('legal'), value: true },
        ])
      : false);
  let tin: string | undefined;
  const session = legal ? await c.session?.() : undefined;
  if (legal) {
    const parsed = parseTin(await ask.text('tin', f.tin ?? session?.companyTin, 'apply.prompt.tin'));
    if (parsed.kind !== 'legal')
      throw new UsageError('TIN_NOT_LEGAL', 'apply.error.tinNotLegal', { params: { tin: parsed.value } });
    tin = parsed.value;
  } else if (personalTin && f.pinfl === undefined) {
    tin = parseTin(f.tin).value;
  } else if (f.tin !== undefined) {
    throw new UsageError('TIN_WITHOUT_LEGAL', 'apply.error.tinWithoutLegal');
  }
  const pinflRaw = legal || tin ? f.pinfl : await ask.text('pinfl', f.pinfl, 'apply.prompt.pinfl');
  const pinfl = pinflRaw === undefined ? undefined : parsePinfl(pinflRaw).value;
  const phone = parsePhone(await ask.text('phone', f.phone, 'apply.prompt.phone'), { mobile: true }).value;
  const place = await placeOf(f, ask, c);
  const algorithm = parseKeyAlgorithm(f.alg);
  const dir = await checkKeyFolder(f.dir ?? (await chooseKeyFolder(ask, settings)));
  const photo = path.resolve(await ask.text('photo', f.photo, 'apply.prompt.photo'));
  await checkImage('photo', photo);
  const selfie = path.resolve(await ask.text('selfie', f.selfie, 'apply.prompt.selfie'));
  await checkImage('selfie', selfie);
  return {
    portal: settings.get('portal'),
    type: legal ? 'legal' : 'individual',
    pinfl,
    tin,
    phone,
    machine: hostname(),
    ...(session ? { token: session.token } : {}),
    ...(place ? { region: place.region.code, district: place.district?.code } : {}),
    algorithm,
    dir,
    photo,
    selfie,
  };
}

/** `--region` / `--district` checked against the portal's list, or picked on a terminal, or none. */
async function placeOf(f: ApplyAnswers, ask: ApplyAsk, c: ApplyContext): Promise<Place | undefined> {
  if (!c.regions) return undefined;
  if (f.region !== undefined || f.district !== undefined)
    return resolvePlace(await c.regions(), f.region, f.district);
  if (ask.interactive && ask.pickPlace) return ask.pickPlace(await c.regions());
  return undefined;
}

/** The default key folder (first USB stick's DSKEYS, else ~/DSKEYS); asked when there are several. */
async function chooseKeyFolder(ask: ApplyAsk, settings: Settings): Promise<string> {
  const roots = settings.resolve('key-roots');
  // ONEID_KEYS_PATH is read by discovery itself (labelled as such); pass only profile/flag roots.
  const candidates = await keyFolderCandidates(roots.source === 'env' ? [] : roots.value);
  if (!ask.interactive || candidates.length < 2) return candidates[0]!.path;
  return ask.choose(
    'dir',
    'apply.prompt.dir',
    candidates.map((c) => ({ name: `${c.path} (${sourceText(c.source)})`, value: c.path })),
  );
}

/** What `--resume` may change: pictures not yet uploaded, and the key folder. */
export interface ResumeAnswers {
  photo?: string;
  selfie?: string;
  dir?: string;
  /** `--wait`: the run may install the key. */
  wait?: boolean;
}

/**
 * Check a resumed application's inputs (the pictures still to upload, a new key folder) and
 * apply them to the state; returns the folder to create, if any. Nothing is written yet.
 */
export async function resumeInput(state: ApplicationState, f: ResumeAnswers): Promise<string | undefined> {
  if (f.photo) state.photo = path.resolve(f.photo);
  if (f.selfie) state.selfie = path.resolve(f.selfie);
  if (!stepDone(state, 'documents')) {
    await checkImage('photo', state.photo);
    await checkImage('selfie', state.selfie);
  }
  return f.dir ? checkKeyFolder(f.dir) : undefined;
}

/**
 * Whether this resume may need the key password: sending it (the pending key is opened first),
 * or installing an issued key. Asked for at the start, never after the SMS code and uploads.
 */
export function resumeNeedsPassword(state: ApplicationState, wait = false): boolean {
  if (state.installed || state.status === 'rejected') return false;
  return !stepDone(state, 'submitted') || wait || state.status === 'issued';
}
