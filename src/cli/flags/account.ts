/** Flags the account commands share (declared once so help reads the same everywhere). */
import { Flags } from '@oclif/core';

export const insecureStorageFlag = Flags.boolean({
  summary: 'Keep the session in a file only you can read (mode 0600) instead of the OS keychain.',
  description: 'Also set by the profile setting `storage: file` (`oneid config set storage file`).',
  helpGroup: 'SESSION',
});

export const keyFlag = (summary: string) =>
  Flags.string({ char: 'k', summary: `${summary} A .pfx file, an alias, a serial number or a PINFL/TIN.` });

export const roleFlag = Flags.string({
  summary:
    'Role to act in: "individual", a legal entity TIN, or TIN:role (e.g. "281058213:Common For Head").',
});
