// Removable media come from the system (mount table + sysfs), not from folder names: a fake sysfs
// tree in a temporary folder stands in for /sys, with the same links the kernel makes.
import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { parseMountinfo, removableMounts } from '../../src/lib/keys/index.js';
import { tempDir } from '../pki/helpers.js';

/** A disk under sysfs: /sys/devices/<bus path>/block/<disk>/<part>, linked from /sys/class/block. */
function disk(sys: string, busPath: string, name: string, removable: '0' | '1', parts: string[]): void {
  const diskDir = path.join(sys, 'devices', busPath, 'block', name);
  mkdirSync(diskDir, { recursive: true });
  writeFileSync(path.join(diskDir, 'removable'), removable + '\n');
  mkdirSync(path.join(sys, 'block'), { recursive: true });
  mkdirSync(path.join(sys, 'class', 'block'), { recursive: true });
  symlinkSync(path.relative(path.join(sys, 'block'), diskDir), path.join(sys, 'block', name));
  symlinkSync(
    path.relative(path.join(sys, 'class', 'block'), diskDir),
    path.join(sys, 'class', 'block', name),
  );
  for (const p of parts) {
    mkdirSync(path.join(diskDir, p));
    writeFileSync(path.join(diskDir, p, 'partition'), '1\n');
    symlinkSync(
      path.relative(path.join(sys, 'class', 'block'), path.join(diskDir, p)),
      path.join(sys, 'class', 'block', p),
    );
  }
}

const MOUNTINFO = [
  '27 1 8:2 / / rw,relatime shared:1 - ext4 /dev/sda2 rw',
  '40 27 0:50 / /mnt/c rw,noatime shared:20 - 9p drvfs rw,dirsync,aname=drvfs;path=C:\\',
  '41 27 8:3 / /mnt/data rw,relatime shared:21 - ext4 /dev/sda3 rw',
  '42 27 8:17 / /media/ozoda/KINGSTON\\040USB rw,nosuid shared:22 - vfat /dev/sdb1 rw,uid=1000',
  '43 27 8:33 / /run/media/ozoda/PASSPORT rw,nosuid shared:23 - exfat /dev/sdc1 rw',
  '44 27 179:0 / /mnt/sd rw,nosuid shared:24 - vfat /dev/mmcblk0p1 rw',
  '45 27 0:60 / /media/ozoda/share rw shared:25 - cifs //server/share rw',
].join('\n');

describe('removable media from the mount table and sysfs', () => {
  const sys = tempDir('oneid-sys-');
  disk(sys, 'pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0', 'sda', '0', ['sda2', 'sda3']);
  disk(sys, 'pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0', 'sdb', '1', ['sdb1']);
  // A USB hard drive that says "not removable": still a USB volume.
  disk(sys, 'pci0000:00/0000:00:14.0/usb3/3-2/3-2:1.0/host7/target7:0:0/7:0:0:0', 'sdc', '0', ['sdc1']);
  // An SD card reader on the PCI bus that says it is removable.
  disk(sys, 'pci0000:00/0000:00:1c.0/mmc_host/mmc0/mmc0:0001', 'mmcblk0', '1', ['mmcblk0p1']);

  it('parses mount points with escaped spaces', () => {
    const m = parseMountinfo(MOUNTINFO);
    assert.equal(m.length, 7);
    assert.deepEqual(m[3], { mountPoint: '/media/ozoda/KINGSTON USB', fsType: 'vfat', source: '/dev/sdb1' });
  });

  it('takes removable and USB disks, and neither WSL drives, internal disks nor network shares', async () => {
    const found = await removableMounts({ platform: 'linux', mountinfo: MOUNTINFO, sysRoot: sys });
    assert.deepEqual(found, ['/media/ozoda/KINGSTON USB', '/run/media/ozoda/PASSPORT', '/mnt/sd']);
  });
});
