/**
 * Why a host could not start, as a sentence in both languages: the port taken, an address
 * that is not this machine's, a port that needs privileges, a certificate that cannot be
 * read. `griddesk serve` prints it; the desktop app's seat switch shows it in settings.
 */
import { CertificateError } from './seat-certificate';

export interface HostStartProblem {
  zh: string;
  en: string;
}

/** null: not a failure a person can fix by choosing differently (a bug: log it). */
export function hostStartProblem(
  error: unknown,
  bind: string,
  port: number,
): HostStartProblem | null {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE')
    return {
      zh: `${bind} 的端口 ${port} 已被占用，请换一个端口。`,
      en: `Port ${port} on ${bind} is already in use; choose another.`,
    };
  if (code === 'EADDRNOTAVAIL')
    return {
      zh: `${bind} 不是本机的地址，请填写本机在局域网中的 IP 地址。`,
      en: `${bind} is not an address of this machine; give one of its own.`,
    };
  if (code === 'EACCES')
    return {
      zh: `${bind} 的端口 ${port} 需要本账号没有的权限，请使用 1024 以上的端口。`,
      en: `Port ${port} on ${bind} needs privileges this account lacks; choose a port above 1024.`,
    };
  if (error instanceof CertificateError) return { zh: error.message, en: error.message };
  return null;
}
