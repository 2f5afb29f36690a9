/**
 * A party-building register's file inside an exchange package (issue 14): read by the
 * register's own import (all rows checked first) inside the package's one transaction, its
 * row count held to the manifest's, and refused with the whole package when a row is wrong
 * (unless the valid rows were asked for), exactly as for the city's files.
 */
import type { ManifestFile, PackageRegisterKind } from '../../core/exchange/manifest';
import { PACKAGE_REGISTER_KINDS } from '../../core/exchange/manifest';
import type { Db } from '../open';
import { ExchangeRefusal, refuse } from './file-probe';
import { INVALID_ROWS_REFUSAL } from './import-part';
import type { PackagePart } from './import-report';
import type { ImportFileOptions } from './import-run';
import { importMembersFile } from './member-import';
import { importRegisterFile } from './register-import';

export function isPackageRegister(kind: string): kind is PackageRegisterKind {
  return (PACKAGE_REGISTER_KINDS as readonly string[]).includes(kind);
}

export async function importPackageRegister(
  db: Db,
  entry: ManifestFile & { kind: PackageRegisterKind },
  file: string,
  options: ImportFileOptions,
): Promise<PackagePart> {
  const how = {
    skipInvalid: options.skipInvalid,
    now: options.now,
    actor: options.actor.name,
  };
  const read =
    entry.kind === 'members'
      ? await importMembersFile(db, file, how)
      : await importRegisterFile(db, entry.kind, file, how);
  if (read.counts.rows !== entry.rows)
    refuse(
      'row_count_mismatch',
      `${entry.path} 有 ${read.counts.rows.toLocaleString()} 行数据，manifest.json 写的是 ${entry.rows.toLocaleString()} 行：文件不完整，未写入任何内容。`,
      `${entry.path} has ${read.counts.rows.toLocaleString()} data rows but manifest.json says ${entry.rows.toLocaleString()}: the file is incomplete; nothing written.`,
      entry.path,
    );
  if (!read.written)
    throw new ExchangeRefusal('invalid_rows', {
      zh: `${entry.path}：${INVALID_ROWS_REFUSAL(read.counts.invalid, read.issueCount).zh}`,
      en: `${entry.path}: ${INVALID_ROWS_REFUSAL(read.counts.invalid, read.issueCount).en}`,
    });
  return {
    kind: entry.kind,
    fileName: entry.path,
    counts: read.counts,
    issues: read.issues,
    issueCount: read.issueCount,
    notes: read.notes,
  };
}
