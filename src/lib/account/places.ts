/**
 * Region and district ("viloyat va tuman") as the portal lists them (`GET /api/v1/regions`, SOATO
 * codes): the list is the portal's data, fetched when needed, never compiled in. A value is a
 * SOATO code or a name (any case, any apostrophe, with or without "viloyati" / "tumani" / "shahri").
 */
import { UsageError } from '../errors/index.js';
import { listRegions, type PlaceEntry, type PortalHttp, type RegionEntry } from '../portal/index.js';
import { explained } from './refusals.js';

export interface Place {
  region: PlaceEntry;
  district?: PlaceEntry;
}

const norm = (s: string): string =>
  s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[‘’'`ʻʼ]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
const SUFFIX = / (viloyati|tumani|shahri|respublikasi)$/;

function find<T extends PlaceEntry>(entries: readonly T[], text: string): T | undefined {
  const v = norm(text);
  return (
    entries.find((e) => e.code === text.trim()) ??
    entries.find((e) => norm(e.name) === v) ??
    entries.find((e) => norm(e.name).replace(SUFFIX, '') === v.replace(SUFFIX, ''))
  );
}

/** The portal's list (one request). */
export async function regionsOf(http: PortalHttp): Promise<RegionEntry[]> {
  return (await explained(listRegions(http))).regions;
}

/** Check `--region` / `--district` against the list; unknown values are usage errors (exit 2). */
export function resolvePlace(
  regions: readonly RegionEntry[],
  region?: string,
  district?: string,
): Place | undefined {
  if (region === undefined) {
    if (district !== undefined)
      throw new UsageError('REGION_REQUIRED', 'account.error.districtWithoutRegion');
    return undefined;
  }
  const r = find(regions, region);
  if (!r)
    throw new UsageError('REGION_UNKNOWN', 'account.error.regionUnknown', {
      params: { value: region, choices: regions.map((x) => `${x.code} ${x.name}`).join('; ') },
    });
  const out: Place = { region: { code: r.code, name: r.name } };
  if (district === undefined) return out;
  const d = find(r.districts, district);
  if (!d)
    throw new UsageError('DISTRICT_UNKNOWN', 'account.error.districtUnknown', {
      params: {
        value: district,
        region: r.name,
        choices: r.districts.map((x) => `${x.code} ${x.name}`).join('; '),
      },
    });
  return { ...out, district: { code: d.code, name: d.name } };
}
