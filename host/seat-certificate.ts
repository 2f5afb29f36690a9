/**
 * The host's TLS certificate in seat mode (issue 13): the centre's own (--cert/--key), or a
 * self-signed one made on first use and kept beside the database, so its fingerprint stays
 * the same from start to start and seats that checked it once can keep trusting it. Seats
 * check the SHA-256 fingerprint (shown in settings and printed at start), not a CA: a
 * closed LAN has none.
 */
import { X509Certificate } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface SeatCertificate {
  cert: string;
  key: string;
  /** SHA-256 of the certificate, "AB:CD:…" as browsers show it. */
  fingerprint: string;
  /** Where it came from: made now, kept from an earlier start, or the centre's own files. */
  origin: 'made' | 'kept' | 'given';
  certFile: string;
}

/** Where the self-signed pair of a database lives: beside it, named after it. */
export function seatCertificateFiles(dbFile: string): { certFile: string; keyFile: string } {
  const base = path.join(path.dirname(dbFile), `${path.basename(dbFile)}.seat`);
  return { certFile: `${base}-cert.pem`, keyFile: `${base}-key.pem` };
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

class CertificateError extends Error {}

function readPair(certFile: string, keyFile: string): { cert: string; key: string } {
  let cert: string;
  let key: string;
  try {
    cert = fs.readFileSync(certFile, 'utf8');
  } catch {
    throw new CertificateError(`The certificate ${certFile} cannot be read.`);
  }
  try {
    key = fs.readFileSync(keyFile, 'utf8');
  } catch {
    throw new CertificateError(`The private key ${keyFile} cannot be read.`);
  }
  try {
    new X509Certificate(cert);
  } catch {
    throw new CertificateError(`${certFile} is not a PEM certificate.`);
  }
  return { cert, key };
}

export { CertificateError };

export async function seatCertificate(options: {
  dbFile: string;
  address: string;
  certFile?: string;
  keyFile?: string;
  now?: Date;
}): Promise<SeatCertificate> {
  if (options.certFile || options.keyFile) {
    if (!options.certFile || !options.keyFile)
      throw new CertificateError('Give both --cert and --key, or neither.');
    const pair = readPair(options.certFile, options.keyFile);
    return {
      ...pair,
      fingerprint: fingerprintOf(pair.cert),
      origin: 'given',
      certFile: options.certFile,
    };
  }
  const { certFile, keyFile } = seatCertificateFiles(options.dbFile);
  if (fs.existsSync(certFile) && fs.existsSync(keyFile)) {
    const pair = readPair(certFile, keyFile);
    return { ...pair, fingerprint: fingerprintOf(pair.cert), origin: 'kept', certFile };
  }
  const notBefore = options.now ?? new Date();
  const notAfter = new Date(notBefore);
  notAfter.setFullYear(notAfter.getFullYear() + 10);
  const altNames: ({ type: 2; value: string } | { type: 7; ip: string })[] = [
    { type: 2, value: 'localhost' },
    { type: 2, value: os.hostname() },
  ];
  if (/^[\d.]+$/.test(options.address) || options.address.includes(':'))
    altNames.push({ type: 7, ip: options.address });
  else if (options.address) altNames.push({ type: 2, value: options.address });
  const pems = await generate([{ name: 'commonName', value: `GridDesk ${os.hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: notBefore,
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames },
    ],
  });
  // The key first and private to this account: a crash between the two leaves no cert without key.
  fs.writeFileSync(keyFile, pems.private, { mode: 0o600 });
  fs.writeFileSync(certFile, pems.cert, { mode: 0o644 });
  return {
    cert: pems.cert,
    key: pems.private,
    fingerprint: fingerprintOf(pems.cert),
    origin: 'made',
    certFile,
  };
}
