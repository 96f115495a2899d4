/**
 * oclif help in the user's language. Every help text lives in the `cmd` catalog, keyed by the
 * command id (key:sign becomes cmd.key.sign):
 *   cmd.<id>.summary, cmd.<id>.description, cmd.<id>.flag.<name>, cmd.<id>.arg.<name>,
 * with shared flags under `cmd.flag.<name>` and topics under `cmd.topic.<name>`. A command's
 * static texts are the English entries (`t(key)` at load time); this class looks the same keys up
 * again in the language of the run. Examples are command lines and stay as written.
 */
import { Help, type Command, type Interfaces } from '@oclif/core';

import { readConfigFile } from '../lib/config/index.js';
import { hasKey, resolveLanguage, setLanguage, t } from '../lib/i18n/index.js';

function langFromArgv(argv: string[]): string | undefined {
  const i = argv.indexOf('--lang');
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith('--lang='))?.slice(7);
}

function profileLang(): string | undefined {
  try {
    const profile = process.env.ONEID_PROFILE || 'default';
    return readConfigFile().profiles?.[profile]?.lang;
  } catch {
    return undefined;
  }
}

const translated = (key: string): string | undefined => (hasKey(key) ? t(key) : undefined);

/**
 * Descriptions are written in the source wrapped at ~100 columns; oclif wraps again to the
 * terminal, which leaves ragged half-lines. Join the lines of each paragraph (a blank line ends
 * one) unless a line starts a list item or is indented, so oclif's own wrapping is the only one.
 */
export function reflow(text: string | undefined): string | undefined {
  if (!text) return text;
  return text
    .split(/\n\s*\n/)
    .map((para) =>
      para
        .split('\n')
        .reduce(
          (out, line, i) =>
            i > 0 && !/^(\s|[-*•]\s|\||\d+[.)]\s)/.test(line)
              ? `${out} ${line}`
              : i > 0
                ? `${out}\n${line}`
                : line,
          '',
        ),
    )
    .join('\n\n');
}

/** The catalog prefix of a command's help texts (key:sign becomes cmd.key.sign). */
export const helpKey = (id: string): string => `cmd.${id.replace(/:/g, '.')}`;

function localizeCommand(c: Command.Loadable): Command.Loadable {
  const k = helpKey(c.id);
  const flags: Record<string, Command.Flag.Any> = {};
  for (const [name, f] of Object.entries(c.flags ?? {})) {
    // oclif defines --json itself (with an English description that would repeat the summary),
    // so its summary is translated here rather than at the flag.
    if (name === 'json') {
      flags[name] = { ...f, summary: translated('cmd.flag.json') ?? f.summary, description: undefined };
      continue;
    }
    const s = translated(`${k}.flag.${name}`) ?? translated(`cmd.flag.${name}`);
    const d = translated(`${k}.flag.${name}.description`) ?? translated(`cmd.flag.${name}.description`);
    flags[name] = { ...f, ...(s ? { summary: s } : {}), ...(d ? { description: d } : {}) };
  }
  const args: Record<string, Command.Arg.Any> = {};
  for (const [name, a] of Object.entries(c.args ?? {}))
    args[name] = { ...a, description: translated(`${k}.arg.${name}`) ?? a.description };
  return {
    ...c,
    summary: translated(`${k}.summary`) ?? c.summary,
    description: reflow(translated(`${k}.description`) ?? c.description),
    flags,
    args,
  } as Command.Loadable;
}

function localizeTopic(topic: Interfaces.Topic): Interfaces.Topic {
  const d = translated(`cmd.topic.${topic.name.replace(/:/g, '.')}`);
  return d ? { ...topic, description: d } : topic;
}

export default class OneIdHelp extends Help {
  override async showHelp(argv: string[]): Promise<void> {
    setLanguage(resolveLanguage([langFromArgv(argv), process.env.ONEID_LANG, profileLang()]));
    return super.showHelp(argv);
  }

  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    return super.showCommandHelp(localizeCommand(command));
  }

  protected override formatCommands(commands: Command.Loadable[]): string {
    return super.formatCommands(commands.map(localizeCommand));
  }

  protected override formatTopics(topics: Interfaces.Topic[]): string {
    return super.formatTopics(topics.map(localizeTopic));
  }

  protected override formatTopic(topic: Interfaces.Topic): string {
    return super.formatTopic(localizeTopic(topic));
  }
}
