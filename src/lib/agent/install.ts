/**
 * `oneid agent install [--uninstall]`: start the agent at login — a systemd user unit on Linux, a
 * launchd agent on macOS; on Windows the equivalent Task Scheduler command is printed, not run.
 * The service runs `oneid agent start` in the foreground (the service manager keeps it). What was
 * written and run is reported, with how to undo it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../files/index.js';

export interface InstallResult {
  platform: 'systemd' | 'launchd' | 'windows';
  installed: boolean;
  /** The unit / plist written or removed. */
  file?: string;
  /** Commands run (or, when `ran` is false, for the user to run). */
  commands: string[];
  ran: boolean;
  /** The command that undoes it. */
  undo: string;
}

export interface InstallOptions {
  uninstall: boolean;
  /** The CLI's own entry (bin/run.js) and node. */
  cli: { node: string; script: string };
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

const UNIT = 'oneid-agent.service';
const LABEL = 'uz.oneid.agent';

/** One argument for a systemd ExecStart= line (quoted when needed). */
const sd = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `"${a.replace(/(["\\])/g, '\\$1')}"`);
const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): boolean {
  const r = spawnSync(cmd, args, { stdio: 'ignore', env, timeout: 15_000 });
  return r.status === 0;
}

export async function installAgent(o: InstallOptions): Promise<InstallResult> {
  const env = o.env ?? process.env;
  const platform = o.platform ?? process.platform;
  const home = env.HOME || homedir();
  const argv = [o.cli.node, o.cli.script, 'agent', 'start'];
  // The agent finds the same config (sites, TLS files, log) as the command that installed it.
  const keep = ['ONEID_CONFIG_DIR', 'ONEID_KEYS_PATH', 'ONEID_LANG'].filter((k) => env[k]);

  if (platform === 'win32') {
    const tr = argv.map((a) => `\\"${a}\\"`).join(' ');
    return o.uninstall
      ? {
          platform: 'windows',
          installed: false,
          commands: ['schtasks /Delete /TN oneid-agent /F'],
          ran: false,
          undo: '',
        }
      : {
          platform: 'windows',
          installed: false,
          commands: [`schtasks /Create /SC ONLOGON /TN oneid-agent /TR "${tr} --detach"`],
          ran: false,
          undo: 'schtasks /Delete /TN oneid-agent /F',
        };
  }

  if (platform === 'darwin') {
    const file = path.join(home, 'Library', 'LaunchAgents', `${LABEL}.plist`);
    const load = ['launchctl', 'load', '-w', file];
    const unload = ['launchctl', 'unload', '-w', file];
    if (o.uninstall) {
      const ran = existsSync(file) ? run(unload[0]!, unload.slice(1), env) : true;
      rmSync(file, { force: true });
      return { platform: 'launchd', installed: false, file, commands: [unload.join(' ')], ran, undo: '' };
    }
    const vars = keep.map((k) => `<key>${k}</key><string>${xml(env[k]!)}</string>`).join('');
    const plist = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0">
<dict>
  <key>Label</key><string>${LABEL}</string>
  <key>ProgramArguments</key>
  <array>${argv.map((a) => `<string>${xml(a)}</string>`).join('')}</array>
  <key>EnvironmentVariables</key><dict>${vars}</dict>
  <key>RunAtLoad</key><true/>
  <key>KeepAlive</key><true/>
</dict>
</plist>
`;
    mkdirSync(path.dirname(file), { recursive: true });
    await writeFileAtomic(file, Buffer.from(plist), { mode: 0o644 });
    const ran = run(load[0]!, load.slice(1), env);
    return {
      platform: 'launchd',
      installed: true,
      file,
      commands: [load.join(' ')],
      ran,
      undo: 'oneid agent install --uninstall',
    };
  }

  const dir = path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), 'systemd', 'user');
  const file = path.join(dir, UNIT);
  const systemctl = (args: string[]) => ({
    text: `systemctl --user ${args.join(' ')}`,
    ok: () => run('systemctl', ['--user', ...args], env),
  });
  if (o.uninstall) {
    const disable = systemctl(['disable', '--now', UNIT]);
    const ran = existsSync(file) ? disable.ok() : true;
    rmSync(file, { force: true });
    const reload = systemctl(['daemon-reload']);
    reload.ok();
    return {
      platform: 'systemd',
      installed: false,
      file,
      commands: [disable.text, reload.text],
      ran,
      undo: '',
    };
  }
  const unit = `[Unit]
Description=oneid agent: the E-IMZO WebSocket API for signing websites
After=graphical-session.target

[Service]
ExecStart=${argv.map(sd).join(' ')}
${keep.map((k) => `Environment=${sd(`${k}=${env[k]}`)}`).join('\n')}
Restart=on-failure

[Install]
WantedBy=default.target
`;
  mkdirSync(dir, { recursive: true });
  await writeFileAtomic(file, Buffer.from(unit.replace(/\n\n+Restart/, '\nRestart')), { mode: 0o644 });
  const reload = systemctl(['daemon-reload']);
  const enable = systemctl(['enable', '--now', UNIT]);
  const ran = reload.ok() && enable.ok();
  return {
    platform: 'systemd',
    installed: true,
    file,
    commands: [reload.text, enable.text],
    ran,
    undo: 'oneid agent install --uninstall',
  };
}
