import { Flags } from '@oclif/core';

import { BaseCommand } from '../../index.js';
import { t } from '../../../lib/i18n/index.js';
import { listKeys, type KeyRoot, type KeySummary } from '../../../lib/keys/index.js';

/** `--json` result of `oneid key list`. */
export interface KeyListResult {
  /** Every key found (details from the certificate, or from the alias when it is encrypted). */
  keys: KeySummary[];
  /** Files that could not be read or parsed (only with --all). */
  problems?: Array<{ path: string; code: string; message: string }>;
  /** The folders that were searched. */
  roots: KeyRoot[];
}

export default class KeyList extends BaseCommand<typeof KeyList> {
  static override summary = t('cmd.key.list.summary');
  static override description = t('cmd.key.list.description');
  static override examples = [
    '<%= config.bin %> key list',
    '<%= config.bin %> key list --all --json',
    'ONEID_KEYS_PATH=/path/to/DSKEYS <%= config.bin %> key list',
  ];
  static override flags = {
    all: Flags.boolean({ summary: t('cmd.key.list.flag.all') }),
  };

  async run(): Promise<KeyListResult> {
    const listing = await listKeys({ roots: this.settings.get('key-roots') });
    const problems = listing.problems.map((p) => ({
      path: p.path,
      code: p.code,
      message: t(p.key, p.params),
    }));
    this.render(listing.keys, listing.roots);
    if (this.flags.all)
      for (const p of problems) this.out(t('keys.list.problem', { path: p.path, reason: p.message }));
    else if (problems.length) this.hint('keys.list.hintAll', { count: problems.length });
    const result: KeyListResult = { keys: listing.keys, roots: listing.roots };
    if (this.flags.all) result.problems = problems;
    return result;
  }

  private render(keys: KeySummary[], roots: KeyRoot[]): void {
    const existing = roots.filter((r) => r.exists);
    if (keys.length === 0) {
      if (existing.length === 0) this.note(t('keys.list.noRoots'));
      else this.note(t('keys.list.none', { roots: existing.map((r) => r.path).join(', ') }));
      return;
    }
    const day = (iso?: string) => (iso ? iso.slice(0, 10) : '-');
    // Cells are plain text (widths are computed on them); the status column is coloured after padding.
    const stateText = (k: KeySummary) =>
      k.state === 'expired'
        ? t('keys.list.state.expired')
        : k.state === 'not-yet-valid'
          ? t('keys.list.state.notYet')
          : k.state === 'valid'
            ? t('keys.list.state.valid')
            : '-';
    const colour = (k: KeySummary, cell: string) =>
      k.state === 'expired'
        ? this.style.red(cell)
        : k.state === 'not-yet-valid'
          ? this.style.yellow(cell)
          : cell;
    const rows = keys.map((k) => [
      (k.owner ?? k.alias ?? '-') + (k.unreadable.length ? ' *' : ''),
      // The UID of a personal key is often the PINFL again: show each identifier once.
      [...new Set([k.pinfl, k.tin ?? k.uid].filter(Boolean))].join(' / ') || '-',
      k.organization ?? '-',
      [k.algorithm, k.curve ?? (k.bits ? String(k.bits) : undefined)].filter(Boolean).join(' ') || '-',
      day(k.validFrom),
      day(k.validTo),
      k.daysLeft === undefined ? '-' : String(k.daysLeft),
      stateText(k),
      k.path,
    ]);
    const header = [
      'keys.list.col.owner',
      'keys.list.col.id',
      'keys.list.col.org',
      'keys.list.col.alg',
      'keys.list.col.from',
      'keys.list.col.to',
      'keys.list.col.days',
      'keys.list.col.state',
      'keys.list.col.file',
    ].map((k) => t(k));
    const STATE = 7;
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[], k?: KeySummary) =>
      cells
        .map((c, i) => {
          const padded = i === cells.length - 1 ? c : c.padEnd(widths[i]!);
          return k && i === STATE ? colour(k, padded) : padded;
        })
        .join('  ');
    this.out(this.style.bold(line(header)));
    rows.forEach((r, i) => this.out(line(r, keys[i])));
    if (keys.some((k) => k.unreadable.length)) this.note(this.style.dim(t('keys.list.aliasOnly')));
  }
}
