/**
 * Which places on this machine the API may read from or write to (issue 10): never the
 * system's own folders. Pure: the caller resolves symlinks (realpath) first and hands in the
 * real path, so a link into /etc is judged as /etc. The command line, run by the user on
 * their own machine, does not use these rules; the app's API (IPC and HTTP) does.
 */
import { sentence, type Sentence } from './issues';

/** Unix folders that hold the system, devices and kernel views; /var/tmp is the one exception. */
const UNIX_SYSTEM_ROOTS = [
  '/etc',
  '/proc',
  '/sys',
  '/dev',
  '/boot',
  '/usr',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32',
  '/var',
] as const;
const UNIX_EXCEPTIONS = ['/var/tmp'] as const;
/** Windows folders (on any drive), compared without regard to case. */
const WINDOWS_SYSTEM_ROOTS = ['Windows', 'Program Files', 'Program Files (x86)'] as const;

type PathUse = 'read' | 'write';

function isWindowsPath(p: string): boolean {
  return /^[a-zA-Z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

function under(p: string, root: string): boolean {
  return p === root || p.startsWith(`${root}/`);
}

/** The system folder `realPath` lies in (e.g. "/etc", "C:\\Windows"), or null when it is not one. */
export function systemLocationOf(realPath: string): string | null {
  if (isWindowsPath(realPath)) {
    // \\.\ and \\?\ reach devices and raw volumes.
    if (/^[\\/]{2}[.?][\\/]/.test(realPath)) return realPath.slice(0, 4);
    const m = /^([a-zA-Z]):[\\/]+([^\\/]*)/.exec(realPath);
    if (!m) return null;
    const top = m[2]!.replace(/[. ]+$/, '').toLowerCase();
    const hit = WINDOWS_SYSTEM_ROOTS.find((r) => r.toLowerCase() === top);
    return hit ? `${m[1]!.toUpperCase()}:\\${hit}` : null;
  }
  const p = `/${realPath
    .split('/')
    .filter((part) => part !== '' && part !== '.')
    .join('/')}`;
  if (p === '/') return '/';
  if (UNIX_EXCEPTIONS.some((root) => under(p, root))) return null;
  return UNIX_SYSTEM_ROOTS.find((root) => under(p, root)) ?? null;
}

/** The one sentence for a refused place, naming the path, the system folder and the field. */
export function systemLocationSentence(
  shown: string,
  system: string,
  use: PathUse,
  realPath?: string,
): Sentence {
  const via = realPath && realPath !== shown ? `（实际指向 ${realPath}）` : '';
  const viaEn = realPath && realPath !== shown ? ` (it leads to ${realPath})` : '';
  return use === 'read'
    ? sentence(
        `不能读取 ${shown}${via}：${system} 是系统文件夹，数据交换只读取您自己的文件。`,
        `Cannot read ${shown}${viaEn}: ${system} is a system folder; the exchange reads only your own files.`,
      )
    : sentence(
        `不能写入 ${shown}${via}：${system} 是系统文件夹，请选择您自己的文件夹（例如桌面、文档或 U 盘）。`,
        `Cannot write to ${shown}${viaEn}: ${system} is a system folder; choose a folder of your own (the desktop, documents, a USB stick).`,
      );
}
