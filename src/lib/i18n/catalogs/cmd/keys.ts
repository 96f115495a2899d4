import type { Catalog } from '../../types.js';

// Help texts of the key commands (see src/cli/help.ts for the keys): cmd.<id>.description,
// cmd.<id>.flag.<name>, cmd.<id>.arg.<name>, in en, ru and uz. Part of the `cmd` area.
export default {
  en: {},
  ru: {},
  uz: {},
} satisfies Catalog;
