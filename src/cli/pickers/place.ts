/** The region and district picker of the wizards ("viloyat va tuman", the portal's list). */
import type { Place } from '../../lib/account/index.js';
import type { RegionEntry } from '../../lib/portal/index.js';
import { t } from '../../lib/i18n/index.js';
import type { Prompter } from '../context.js';

export async function pickPlaceInteractively(prompter: Prompter, regions: RegionEntry[]): Promise<Place> {
  const region = await prompter.select<RegionEntry>({
    message: t('account.prompt.region'),
    choices: regions.map((r) => ({ name: r.name, value: r })),
  });
  const district = await prompter.select({
    message: t('account.prompt.district'),
    choices: region.districts.map((d) => ({ name: d.name, value: d })),
  });
  return { region: { code: region.code, name: region.name }, district };
}
