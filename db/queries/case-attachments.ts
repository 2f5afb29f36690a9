/**
 * Attachments (附件): photos from the city or added at the desk. Small files live in the
 * database (one file to back up); the city's may sit beside it (stored_path, relative to the
 * database's folder). Every one carries its SHA-256, checked again when it is read.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../open';

export interface AttachmentMeta {
  id: number;
  caseId: number;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  origin: 'city' | 'local';
  addedBy: string;
  addedAt: number;
  inDatabase: boolean;
}

const META = `id, case_id AS caseId, file_name AS fileName, mime_type AS mimeType,
  size_bytes AS sizeBytes, sha256, origin, added_by AS addedBy, added_at AS addedAt,
  content IS NOT NULL AS inDatabase`;

type RawMeta = Omit<AttachmentMeta, 'inDatabase'> & { inDatabase: number };

export function listAttachments(db: Db, caseId: number): AttachmentMeta[] {
  return db
    .prepare<[number], RawMeta>(
      `SELECT ${META} FROM case_attachments WHERE case_id = ? ORDER BY added_at, id`,
    )
    .all(caseId)
    .map((row) => ({ ...row, inDatabase: row.inDatabase === 1 }));
}

export function insertAttachment(
  db: Db,
  attachment: Omit<AttachmentMeta, 'id' | 'inDatabase'> & { content: Buffer },
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO case_attachments (case_id, file_name, mime_type, size_bytes, sha256, content,
           origin, added_by, added_at)
         VALUES (@caseId, @fileName, @mimeType, @sizeBytes, @sha256, @content, @origin, @addedBy, @addedAt)`,
      )
      .run(attachment).lastInsertRowid,
  );
}

type AttachmentContent =
  | { found: true; meta: AttachmentMeta; content: Buffer }
  | { found: false; meta: AttachmentMeta | null; reason: 'no_such_attachment' | 'file_missing' };

export function readAttachmentContent(db: Db, id: number): AttachmentContent {
  const row = db
    .prepare<[number], RawMeta & { content: Buffer | null; storedPath: string | null }>(
      `SELECT ${META}, content, stored_path AS storedPath FROM case_attachments WHERE id = ?`,
    )
    .get(id);
  if (!row) return { found: false, meta: null, reason: 'no_such_attachment' };
  const { content, storedPath, ...raw } = row;
  const meta = { ...raw, inDatabase: raw.inDatabase === 1 };
  if (content) return { found: true, meta, content };
  const file = path.resolve(path.dirname(db.name), storedPath ?? '');
  if (!storedPath || !fs.existsSync(file)) return { found: false, meta, reason: 'file_missing' };
  return { found: true, meta, content: fs.readFileSync(file) };
}
