/**
 * The regions and districts the portal offers for an address ("viloyat va tuman"), with their
 * SOATO codes (registry/regions.ts), and the check every form that takes them makes.
 */
import { badRequest } from '../http/errors.js';
import { placeOf, REGION_LIST, type District, type Region } from '../registry/regions.js';

export const regionList = (): { regions: readonly Region[] } => ({ regions: REGION_LIST });

/** A region code and (optionally) a district code of that region, or 400. */
export function checkPlace(
  region: string | undefined,
  district: string | undefined,
): { region: Region; district?: District } {
  if (region === undefined) throw badRequest('REGION_REQUIRED', 'A district is given without its region.');
  const found = placeOf(region, district);
  if (found === 'REGION_UNKNOWN')
    throw badRequest('REGION_UNKNOWN', 'No such region code (GET /api/v1/regions lists them).');
  if (found === 'DISTRICT_UNKNOWN')
    throw badRequest(
      'DISTRICT_UNKNOWN',
      'No such district code in this region (GET /api/v1/regions lists them).',
    );
  return found;
}
