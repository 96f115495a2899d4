/**
 * Which mounted volumes are removable (USB sticks, card readers), asked of the system rather than
 * guessed from folder names: every folder under `/mnt` is not a USB stick (`/mnt/c` on WSL is the
 * Windows C: drive, `/mnt/data` is often a second internal disk), and `key apply` must not create
 * a `DSKEYS` folder there.
 *
 * - Linux: the mount table (`/proc/self/mountinfo`) gives each mount's block device; sysfs says
 *   whether its disk is removable (`/sys/block/<disk>/removable`) or hangs off a USB bus (USB
 *   hard drives and some sticks report removable 0).
 * - macOS: every volume under `/Volumes` except the one that is the system disk itself.
 * - Windows: every drive letter except the system drive (E-IMZO itself looks at all of them).
 */
import { readFile, readdir, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { pathExists } from '../files/index.js';

export interface RemovableProbe {
  platform?: NodeJS.Platform;
  /** Linux: text of the mount table (default: read `/proc/self/mountinfo`). */
  mountinfo?: string;
  /** Linux: where sysfs is (default `/sys`); tests point it at a fake tree. */
  sysRoot?: string;
  env?: NodeJS.ProcessEnv;
}

/** `\040` and friends: how the mount table escapes spaces, tabs, newlines and backslashes. */
const unescapeMount = (s: string): string =>
  s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));

/** Mount point and source device of each line of `/proc/self/mountinfo`. */
export function parseMountinfo(text: string): Array<{ mountPoint: string; source: string; fsType: string }> {
  const out: Array<{ mountPoint: string; source: string; fsType: string }> = [];
  for (const line of text.split('\n')) {
    const sep = line.indexOf(' - ');
    if (sep < 0) continue;
    const before = line.slice(0, sep).split(' ');
    const after = line.slice(sep + 3).split(' ');
    if (before.length < 5 || after.length < 2) continue;
    out.push({ mountPoint: unescapeMount(before[4]!), fsType: after[0]!, source: unescapeMount(after[1]!) });
  }
  return out;
}

async function readText(p: string): Promise<string | undefined> {
  try {
    return (await readFile(p, 'utf8')).trim();
  } catch {
    return undefined;
  }
}

/** True when the block device `/dev/<name>` is (a partition of) a removable or USB disk. */
async function isRemovableDevice(sysRoot: string, name: string): Promise<boolean> {
  const classDir = path.join(sysRoot, 'class', 'block', name);
  let target: string;
  try {
    // /sys/class/block/sdb1 -> ../../devices/…/usb1/…/block/sdb/sdb1
    target = path.resolve(path.dirname(classDir), await readlink(classDir));
  } catch {
    return false;
  }
  const disk = (await pathExists(path.join(classDir, 'partition')))
    ? path.basename(path.dirname(target))
    : name;
  if ((await readText(path.join(sysRoot, 'block', disk, 'removable'))) === '1') return true;
  return target.split('/').some((part) => /^usb\d*$/.test(part));
}

async function linuxRemovable(probe: RemovableProbe): Promise<string[]> {
  const sysRoot = probe.sysRoot ?? '/sys';
  const table = probe.mountinfo ?? (await readText('/proc/self/mountinfo')) ?? '';
  const out: string[] = [];
  for (const m of parseMountinfo(table)) {
    if (!m.source.startsWith('/dev/')) continue;
    let device = m.source;
    try {
      if (probe.sysRoot === undefined) device = await realpath(device); // /dev/disk/by-uuid/… links
    } catch {
      // a device node that is gone: judged by its name
    }
    if (await isRemovableDevice(sysRoot, path.basename(device))) out.push(m.mountPoint);
  }
  return [...new Set(out)];
}

async function macVolumes(): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir('/Volumes');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const n of names) {
    const p = path.join('/Volumes', n);
    try {
      if ((await realpath(p)) !== '/') out.push(p); // "Macintosh HD" is a link to the system disk
    } catch {
      // an unmounted leftover
    }
  }
  return out;
}

async function windowsDrives(env: NodeJS.ProcessEnv): Promise<string[]> {
  const system = (env.SystemDrive ?? 'C:').toUpperCase();
  const out: string[] = [];
  for (let c = 65; c <= 90; c++) {
    const d = `${String.fromCharCode(c)}:`;
    if (d === system) continue;
    if (await pathExists(`${d}\\`)) out.push(`${d}\\`);
  }
  return out;
}

/** Mount points of the removable volumes attached now. */
export async function removableMounts(probe: RemovableProbe = {}): Promise<string[]> {
  const platform = probe.platform ?? process.platform;
  if (platform === 'win32') return windowsDrives(probe.env ?? process.env);
  if (platform === 'darwin') return macVolumes();
  return linuxRemovable(probe);
}
