/** The interactive role picker of `login` (a terminal only): the current role is preselected. */
import type * as InquirerPrompts from '@inquirer/prompts';

import { roleLabel, type Role } from '../../lib/account/index.js';
import { t } from '../../lib/i18n/index.js';

export async function pickRoleInteractively(
  prompts: typeof InquirerPrompts,
  roles: Role[],
  output: NodeJS.WritableStream,
  current?: Role,
): Promise<Role> {
  const index = await prompts.select<number>(
    {
      message: t('account.prompt.role'),
      choices: roles.map((r, i) => ({ name: roleLabel(r), value: i })),
      default: current
        ? Math.max(
            0,
            roles.findIndex((r) => r.type === current.type && r.tin === current.tin),
          )
        : 0,
    },
    { output },
  );
  return roles[index]!;
}
