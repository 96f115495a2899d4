/**
 * Choosing a key when `--key` is not given (interactive only): the keys found on the key disks
 * (no password needed), personal or company keys first as the task wants, expired ones marked.
 */
import { UsageError } from '../../lib/errors/index.js';
import { t } from '../../lib/i18n/index.js';
import { listKeys, type KeySummary } from '../../lib/keys/index.js';
import type { Prompter } from '../context.js';

const isCompany = (k: KeySummary) => !!k.tin && /^2\d{8}$/.test(k.tin);

export function keyChoiceLabel(k: KeySummary): string {
  const who = k.owner ?? k.alias ?? k.path;
  const org = isCompany(k) ? ` — ${k.organization ?? k.tin}` : '';
  const until = k.validTo ? ` (${t('account.key.until', { date: k.validTo.slice(0, 10) })})` : '';
  const expired = k.state === 'expired' ? ` [${t('account.key.expired')}]` : '';
  return `${who}${org}${until}${expired}  ${k.path}`;
}

export async function pickKeyInteractively(
  prompter: Prompter,
  o: { roots?: string[]; prefer: 'personal' | 'company' },
): Promise<string> {
  const { keys } = await listKeys({ roots: o.roots });
  if (keys.length === 0)
    throw new UsageError('NO_KEYS_FOUND', 'account.error.noKeys', { hintKey: 'account.hint.keyFlag' });
  const rank = (k: KeySummary) =>
    (k.state === 'expired' ? 2 : 0) + ((o.prefer === 'company') === isCompany(k) ? 0 : 1);
  const sorted = [...keys].sort((a, b) => rank(a) - rank(b));
  return prompter.select<string>({
    message: t('account.prompt.key'),
    choices: sorted.map((k) => ({ name: keyChoiceLabel(k), value: k.path })),
  });
}
