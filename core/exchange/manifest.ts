/**
 * The exchange package's manifest.json (docs/design/CITY-EXCHANGE.md "Exchange package and manifest"):
 * which files, of which kind, how many rows, which SHA-256. A file whose checksum or row
 * count disagrees is refused before anything is written: a truncated copy off a USB stick
 * must not half-import.
 */
import { z } from 'zod';
import { sentence, type Sentence } from './issues';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_FORMAT = 'griddesk-exchange';

/** The kinds a package's file may be: the city's, and the party-building registers (issue 14). */
export const PACKAGE_REGISTER_KINDS = [
  'units',
  'members',
  'needs',
  'resources',
  'projects',
  'records',
  'volunteers',
  'activities',
] as const;
export type PackageRegisterKind = (typeof PACKAGE_REGISTER_KINDS)[number];
const EXCHANGE_KINDS = ['cases', 'grids', 'staff', ...PACKAGE_REGISTER_KINDS] as const;

const manifestFile = z.object({
  path: z.string().min(1).max(255),
  kind: z.enum(EXCHANGE_KINDS),
  rows: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-fA-F]{64}$/),
});

const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  created_at: z.string().optional(),
  producer: z.string().optional(),
  files: z.array(manifestFile).min(1).max(100),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = Manifest['files'][number];

type ManifestReading = { ok: true; manifest: Manifest } | { ok: false; problem: Sentence };

export function readManifest(json: unknown): ManifestReading {
  const parsed = manifestSchema.safeParse(json);
  if (parsed.success) {
    for (const file of parsed.data.files) {
      if (!isSafeRelativePath(file.path)) {
        return {
          ok: false,
          problem: sentence(
            `manifest.json 中的路径“${file.path}”指向包外，已拒绝。`,
            `manifest.json names "${file.path}", a path outside the package: refused.`,
          ),
        };
      }
    }
    return { ok: true, manifest: parsed.data };
  }
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return {
    ok: false,
    problem: sentence(
      `manifest.json 格式不对（${where}：${issue?.message ?? ''}），应为 griddesk-exchange 第 1 版。`,
      `manifest.json is not a griddesk-exchange version 1 manifest (${where}: ${issue?.message ?? ''}).`,
    ),
  };
}

/** A path that stays inside the package: relative, no `..`, no drive letters, no NUL. */
export function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.includes('\u0000')) return false;
  if (/^[\\/]/.test(path) || /^[a-zA-Z]:/.test(path)) return false;
  return !path.split(/[\\/]+/).some((part) => part === '..');
}
