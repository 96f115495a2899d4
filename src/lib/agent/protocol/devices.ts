/** ID cards and USB tokens: oneid reads key files only, so their lists are empty. */
import type { Plugin } from './types.js';

export const idcard: Plugin = {
  list_readers: { args: [], fn: () => ({ readers: [] }) },
};

export const ftjc: Plugin = {
  list_all_keys: { args: ['filter'], fn: () => ({ tokens: [] }) },
};
