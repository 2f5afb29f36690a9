/**
 * The Host header a request must carry (checked before anything else, so a web page that
 * rebinds a DNS name to this machine still cannot reach the API): the loopback names in
 * browser mode; in seat mode the served address, or, served on every interface (0.0.0.0,
 * ::), any address of this machine and its host name.
 */
import os from 'node:os';

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

function withPort(address: string, port: number): string {
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

export function allowedHosts(address: string, port: number, loopbackOnly: boolean): Set<string> {
  if (loopbackOnly) return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const names = new Set<string>([withPort(address, port)]);
  if (ANY_ADDRESS.has(address)) {
    for (const list of Object.values(os.networkInterfaces()))
      for (const entry of list ?? []) names.add(withPort(entry.address, port));
    names.add(`${os.hostname()}:${port}`.toLowerCase());
    names.add(`localhost:${port}`);
  }
  // The default HTTPS port may be left out of the header.
  if (port === 443) for (const name of [...names]) names.add(name.replace(/:443$/, ''));
  return names;
}

/** The address as a URL's host part. */
export function urlHost(address: string): string {
  return address.includes(':') ? `[${address}]` : address;
}
