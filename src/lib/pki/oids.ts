/**
 * Short names of DN attributes (E-IMZO alias spelling) and their synonyms. The OIDs themselves are
 * in the one table, `OID` of the crypto area.
 */
import { OID } from '../crypto/index.js';

/** Short names for DN attributes, in the spelling E-IMZO aliases use (lower-cased there). */
export const NAME_ATTRIBUTE_SHORT: Record<string, string> = {
  [OID.CN]: 'CN',
  [OID.SURNAME]: 'SURNAME',
  [OID.SERIALNUMBER]: 'SERIALNUMBER',
  [OID.C]: 'C',
  [OID.L]: 'L',
  [OID.ST]: 'ST',
  [OID.STREET]: 'STREET',
  [OID.O]: 'O',
  [OID.OU]: 'OU',
  [OID.T]: 'T',
  [OID.NAME]: 'NAME',
  [OID.GIVENNAME]: 'GIVENNAME',
  [OID.UID]: 'UID',
  [OID.DC]: 'DC',
  [OID.EMAIL]: 'E',
};

/** Reverse of NAME_ATTRIBUTE_SHORT, plus common synonyms, upper-case keys. */
export const NAME_ATTRIBUTE_OID: Record<string, string> = {
  ...Object.fromEntries(Object.entries(NAME_ATTRIBUTE_SHORT).map(([oid, s]) => [s, oid])),
  TITLE: OID.T,
  SN: OID.SURNAME,
  G: OID.GIVENNAME,
  EMAILADDRESS: OID.EMAIL,
  PINFL: OID.PINFL,
  TIN: OID.TIN,
};
