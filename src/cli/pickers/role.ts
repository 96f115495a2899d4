/** The interactive role picker of `login` (a terminal only): the current role is preselected. */
import { roleLabel, sameRole, type Role } from '../../lib/account/index.js';
import { t } from '../../lib/i18n/index.js';
import type { Prompter } from '../context.js';

export async function pickRoleInteractively(
  prompter: Prompter,
  roles: Role[],
  current?: Role,
): Promise<Role> {
  const index = await prompter.select<number>({
    message: t('account.prompt.role'),
    choices: roles.map((r, i) => ({ name: roleLabel(r), value: i })),
    default: current
      ? Math.max(
          0,
          roles.findIndex((r) => sameRole(r, current)),
        )
      : 0,
  });
  return roles[index]!;
}
