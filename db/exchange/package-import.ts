/**
 * Exchange packages (docs/design/CITY-EXCHANGE.md "Exchange package and manifest"): a folder or a .zip
 * with manifest.json. Every file the manifest names is checked first (inside the folder,
 * present, SHA-256 as stated); then all of them are imported in ONE transaction, grids
 * first (cases refer to them), party-building registers (issue 14) by their own imports
 * before the cases, and each file's row count must match the manifest, so a
 * truncated copy off a USB stick is refused before anything is written.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  MANIFEST_FILE,
  readManifest,
  type Manifest,
  type ManifestFile,
} from '../../core/exchange/manifest';
import { sentence } from '../../core/exchange/issues';
import type { Db } from '../open';
import { finishBatch, insertRunningBatch, previousImport } from './batches';
import { loadCaseLookups, type CaseImportLookups } from './case-lookups';
import { ErrorFileWriter, errorFilePathFor } from './error-file';
import { ExchangeRefusal, probeFile, refuse, type ProbedFile } from './file-probe';
import {
  applyOutcome,
  beginImport,
  blankReport,
  rollback,
  type ImportFileOptions,
} from './import-run';
import { importPart, INVALID_ROWS_REFUSAL } from './import-part';
import type { ImportReport, PackagePart } from './import-report';
import { importPackageRegister, isPackageRegister } from './package-registers';
import { fileSha256 } from './row-source';
import { createRunFolder, type RunFolder } from '../temp-folders';
import { extractZip, listZip, openCheckedZip, readEntryText } from './zip-guard';

/** What a package may inflate to: 4 GB, and never more than 50 times its own size. */
const PACKAGE_MAX_TOTAL_BYTES = 4 * 1024 ** 3;
const PACKAGE_MAX_RATIO = 50;

export function packageInflateCap(packageBytes: number): number {
  return Math.min(PACKAGE_MAX_TOTAL_BYTES, PACKAGE_MAX_RATIO * packageBytes);
}

/** Grids and units first (the rest refer to them), then members, the lists, and cases last. */
const KIND_ORDER = {
  grids: 0,
  staff: 1,
  units: 2,
  members: 3,
  needs: 4,
  resources: 5,
  projects: 6,
  records: 7,
  volunteers: 8,
  activities: 9,
  cases: 10,
} as const;

/** The folder holding manifest.json: the package itself, or its one top-level folder. */
function manifestDir(root: string): string {
  if (fs.existsSync(path.join(root, MANIFEST_FILE))) return root;
  const entries = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.') && !e.name.startsWith('__MACOSX'));
  if (
    entries.length === 1 &&
    entries[0]!.isDirectory() &&
    fs.existsSync(path.join(root, entries[0]!.name, MANIFEST_FILE))
  ) {
    return path.join(root, entries[0]!.name);
  }
  return root;
}

function insideFolder(dir: string, relative: string, packageName: string): string {
  const target = path.resolve(dir, relative);
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    refuse(
      'package_file_missing',
      `${packageName} 的 manifest.json 列出了 ${relative}，但包中没有这个文件。`,
      `The manifest of ${packageName} lists ${relative}, which is not in the package.`,
      relative,
    );
  }
  const base = fs.realpathSync(dir);
  if (real !== base && !real.startsWith(base + path.sep)) {
    refuse(
      'zip_path_outside',
      `${packageName} 中的 ${relative} 指向所选文件夹之外，已拒绝，未写入任何内容。`,
      `${relative} in ${packageName} points outside the chosen folder: refused, nothing written.`,
      relative,
    );
  }
  return real;
}

const MAX_MANIFEST_BYTES = 1024 * 1024;

function manifestTooLarge(): never {
  refuse(
    'bad_manifest',
    'manifest.json 过大（超过 1 MB）。',
    'manifest.json is too large (over 1 MB).',
    MANIFEST_FILE,
  );
}

function parseManifest(text: string, packageName: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    refuse(
      'bad_manifest',
      `${packageName} 的 manifest.json 不是有效的 JSON。`,
      `The manifest.json of ${packageName} is not valid JSON.`,
      MANIFEST_FILE,
    );
  }
  const reading = readManifest(json);
  if (!reading.ok) throw new ExchangeRefusal('bad_manifest', reading.problem, MANIFEST_FILE);
  return reading.manifest;
}

/**
 * Unpacks a zipped package into a run folder of the app's own temp folder: manifest.json
 * first (read from the zip, not unpacked), then only the entries it lists, within the
 * inflate cap and the disk's free space. Returns the folder holding manifest.json.
 */
async function unpackListed(
  probed: ProbedFile,
  run: RunFolder,
  signal: AbortSignal | undefined,
): Promise<string> {
  const entries = await listZip(probed.path);
  // manifest.json at the top, or in the one folder the zip holds.
  const manifestEntry =
    entries.find((e) => e.name === MANIFEST_FILE) ??
    entries.find((e) => /^[^/]+\/manifest\.json$/.test(e.name) && !e.isDirectory);
  if (!manifestEntry) {
    refuse(
      'no_manifest',
      `${probed.name} 中没有 manifest.json，不是交换包。`,
      `${probed.name} has no manifest.json: it is not an exchange package.`,
      probed.name,
    );
  }
  if (manifestEntry.size > MAX_MANIFEST_BYTES) manifestTooLarge();
  const zip = await openCheckedZip(probed.path);
  let text: string | null;
  try {
    text = await readEntryText(zip, manifestEntry.name, MAX_MANIFEST_BYTES);
  } finally {
    zip.close();
  }
  const manifest = parseManifest(text ?? '', probed.name);
  const prefix = manifestEntry.name.slice(0, -MANIFEST_FILE.length);
  const wanted = new Set([
    manifestEntry.name,
    ...manifest.files.map((f) => `${prefix}${f.path.replaceAll('\\', '/').replace(/^\.\//, '')}`),
  ]);
  await extractZip(probed.path, run.path, (name) => wanted.has(name), signal, {
    maxTotalBytes: packageInflateCap(probed.size),
  });
  return path.join(run.path, ...prefix.split('/').filter(Boolean));
}

async function checkFiles(
  dir: string,
  packageName: string,
  signal?: AbortSignal,
): Promise<Array<{ entry: ManifestFile; file: string }>> {
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath)) {
    refuse(
      'no_manifest',
      `${packageName} 中没有 manifest.json，不是交换包。`,
      `${packageName} has no manifest.json: it is not an exchange package.`,
      packageName,
    );
  }
  if (fs.statSync(manifestPath).size > MAX_MANIFEST_BYTES) manifestTooLarge();
  const manifest = parseManifest(fs.readFileSync(manifestPath, 'utf8'), packageName);
  const files: Array<{ entry: ManifestFile; file: string }> = [];
  for (const entry of manifest.files) {
    const file = insideFolder(dir, entry.path, packageName);
    const sha256 = await fileSha256(file, signal);
    if (sha256.toLowerCase() !== entry.sha256.toLowerCase()) {
      refuse(
        'checksum_mismatch',
        `${entry.path} 的校验值（SHA-256）与 manifest.json 不符：文件已损坏或不完整（例如从 U 盘复制时被截断），未写入任何内容。`,
        `The SHA-256 of ${entry.path} differs from manifest.json: the copy is damaged or incomplete (truncated off a USB stick?); nothing written.`,
        entry.path,
      );
    }
    files.push({ entry, file });
  }
  return files.sort((a, b) => KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind]);
}

/** A part's counts, problems and remarks into the package's report, named by its path. */
function addPart(
  report: ImportReport,
  entryPath: string,
  part: Pick<PackagePart, 'counts' | 'issues' | 'issueCount' | 'notes'>,
): void {
  for (const key of ['rows', 'new', 'updated', 'unchanged', 'invalid'] as const)
    report.counts[key] += part.counts[key];
  report.errors.push(...part.issues.map((i) => ({ ...i, column: `${entryPath}: ${i.column}` })));
  report.errorCount += part.issueCount;
  report.notes.push(
    ...part.notes.map((n) => ({
      ...n,
      column: `${entryPath}${n.column ? `: ${n.column}` : ''}`,
    })),
  );
}

export async function importPackage(
  db: Db,
  probed: ProbedFile,
  report: ImportReport,
  options: ImportFileOptions,
): Promise<ImportReport> {
  let run: RunFolder | null = null;
  const errorFiles: ErrorFileWriter[] = [];
  try {
    let dir = probed.path;
    if (probed.format !== 'folder') {
      run = createRunFolder(db.name);
      dir = await unpackListed(probed, run, options.signal);
    } else {
      dir = manifestDir(dir);
    }
    options.onProgress?.({
      phase: 'checking',
      rows: 0,
      bytesRead: 0,
      bytesTotal: probed.size,
      rowsPerSecond: 0,
      fileName: probed.name,
    });
    const files = await checkFiles(dir, probed.name, options.signal);
    report.sha256 =
      probed.format === 'folder'
        ? await fileSha256(path.join(dir, MANIFEST_FILE))
        : await fileSha256(probed.path);
    report.format = probed.format === 'folder' ? 'folder' : 'zip';

    beginImport(db, probed.name);
    const batchId = insertRunningBatch(
      db,
      'package',
      probed.name,
      report.format,
      options.actor.name,
      options.now,
    );
    let lookups: CaseImportLookups | null = null;
    for (const { entry, file } of files) {
      if (isPackageRegister(entry.kind)) {
        const part = await importPackageRegister(db, { ...entry, kind: entry.kind }, file, options);
        const partReport = blankReport(file, entry.path, entry.kind, options.now);
        Object.assign(partReport, { counts: part.counts, status: 'done', written: true });
        report.parts.push(partReport);
        addPart(report, entry.path, part);
        continue;
      }
      const kind = entry.kind;
      const partProbe = probeFile(file);
      const errorFile =
        options.skipInvalid && kind !== 'grids'
          ? new ErrorFileWriter(
              errorFilePathFor(
                path.join(
                  path.dirname(probed.path),
                  `${path.basename(probed.path).replace(/\.[^.]+$/, '')}-${partProbe.name}`,
                ),
                options.now,
                db.name,
              ),
            )
          : null;
      if (errorFile) errorFiles.push(errorFile);
      const part = await importPart(db, partProbe, kind, {
        ...options,
        batchId,
        // Grids written earlier in this package are where this package's cases lie.
        lookups: () =>
          kind === 'cases'
            ? loadCaseLookups(db, options.now)
            : (lookups ??= loadCaseLookups(db, options.now)),
        ...(errorFile ? { invalidRows: errorFile } : {}),
      });
      const partReport = blankReport(file, entry.path, kind, options.now);
      applyOutcome(partReport, part);
      partReport.status = 'done';
      partReport.written = true;
      report.parts.push(partReport);
      if (part.counts.rows !== entry.rows) {
        refuse(
          'row_count_mismatch',
          `${entry.path} 有 ${part.counts.rows.toLocaleString()} 行数据，manifest.json 写的是 ${entry.rows.toLocaleString()} 行：文件不完整，未写入任何内容。`,
          `${entry.path} has ${part.counts.rows.toLocaleString()} data rows but manifest.json says ${entry.rows.toLocaleString()}: the file is incomplete; nothing written.`,
          entry.path,
        );
      }
      if (
        part.counts.invalid > 0 &&
        (!options.skipInvalid || kind === 'grids' || part.repeated.size > 0)
      ) {
        throw new ExchangeRefusal('invalid_rows', {
          zh: `${entry.path}：${INVALID_ROWS_REFUSAL(part.counts.invalid, part.issueCount).zh}`,
          en: `${entry.path}: ${INVALID_ROWS_REFUSAL(part.counts.invalid, part.issueCount).en}`,
        });
      }
      report.conflicts.fileWon += part.conflicts.fileWon;
      report.conflicts.deskWon += part.conflicts.deskWon;
      addPart(report, entry.path, part);
      partReport.errorFile = (await errorFile?.close()) ?? null;
    }
    report.alreadyImported = report.sha256 ? previousImport(db, report.sha256, batchId) : null;
    report.status = 'done';
    report.written = true;
    report.batchId = batchId;
    report.errorFile = report.parts.map((p) => p.errorFile).find((f) => f) ?? null;
    report.finishedAt = options.clock?.() ?? options.now;
    if (report.notes.length === 0 && files.length === 0)
      report.notes.push({ message: sentence('交换包中没有文件。', 'The package lists no files.') });
    finishBatch(db, batchId, report);
    db.exec('COMMIT');
    return report;
  } catch (error) {
    rollback(db);
    for (const writer of errorFiles) await writer.discard();
    throw error;
  } finally {
    run?.remove();
  }
}
