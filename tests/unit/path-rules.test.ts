/** core/exchange/path-rules: which real paths are system folders (Unix and Windows). */
import { describe, expect, it } from 'vitest';
import { systemLocationOf, systemLocationSentence } from '../../core/exchange/path-rules';

describe('systemLocationOf', () => {
  it.each([
    ['/etc/shadow', '/etc'],
    ['/etc', '/etc'],
    ['/proc/1/environ', '/proc'],
    ['/sys/kernel', '/sys'],
    ['/dev/sda', '/dev'],
    ['/boot/grub', '/boot'],
    ['/usr/bin/node', '/usr'],
    ['/bin/sh', '/bin'],
    ['/sbin/init', '/sbin'],
    ['/lib/x86_64-linux-gnu', '/lib'],
    ['/lib64/ld.so', '/lib64'],
    ['/var/log/syslog', '/var'],
    ['/var/lib/griddesk', '/var'],
    ['//etc/./passwd', '/etc'],
    ['C:\\Windows\\System32\\config\\SAM', 'C:\\Windows'],
    ['c:/windows/win.ini', 'C:\\Windows'],
    ['D:\\Program Files\\GridDesk', 'D:\\Program Files'],
    ['C:\\PROGRAM FILES (X86)\\x', 'C:\\Program Files (x86)'],
    ['C:\\Windows.\\x', 'C:\\Windows'],
    ['\\\\.\\PhysicalDrive0', '\\\\.\\'],
    ['/', '/'],
  ])('%s is in %s', (p, root) => expect(systemLocationOf(p)).toBe(root));

  it.each([
    '/var/tmp/griddesk/out.xlsx',
    '/var/tmp',
    '/variable/x',
    '/etcetera/x',
    '/home/zhang/回传/',
    '/media/usb/回传',
    '/tmp/x.csv',
    'C:\\Users\\zhang\\Desktop\\cases.xlsx',
    'E:\\回传\\',
    'C:\\WindowsApps-backup\\x',
  ])('%s is not a system folder', (p) => expect(systemLocationOf(p)).toBeNull());

  it('says where, what and why in one sentence per language', () => {
    const s = systemLocationSentence('/tmp/l', '/etc', 'read', '/etc/shadow');
    expect(s.zh).toBe(
      '不能读取 /tmp/l（实际指向 /etc/shadow）：/etc 是系统文件夹，数据交换只读取您自己的文件。',
    );
    expect(s.en).toContain('it leads to /etc/shadow');
  });
});
