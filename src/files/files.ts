import { createHash } from 'node:crypto'
import type { Db } from '../db/schema.ts'
import { invalidField } from '../http/errors.ts'
import { detectFileKind, FILE_KINDS, type FileKind } from './file-kinds.ts'

/** What a module accepts in one upload field. */
export interface FilePolicy {
  maxBytes: number
  kinds: readonly FileKind[]
}

export interface IncomingFile {
  filename: string
  bytes: Uint8Array
}

export interface StoredFileInfo {
  id: string
  filename: string
  contentType: string
  size: number
  sha256: string
  createdAt: Date
}

const infoColumns = ['id', 'filename', 'content_type', 'size', 'sha256', 'created_at'] as const

function toInfo(row: {
  id: string
  filename: string
  content_type: string
  size: number
  sha256: string
  created_at: Date
}): StoredFileInfo {
  return {
    id: row.id,
    filename: row.filename,
    contentType: row.content_type,
    size: row.size,
    sha256: row.sha256,
    createdAt: row.created_at,
  }
}

/** The name without any directory a browser or client put in front of it, and no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim()
  return cleaned.slice(-200) || 'file'
}

/** Refuses, with a message for the form field, a file the policy does not allow. */
export function checkFile(field: string, file: IncomingFile, policy: FilePolicy): FileKind {
  if (file.bytes.length === 0) throw invalidField(field, 'files.empty')
  if (file.bytes.length > policy.maxBytes) {
    throw invalidField(field, 'files.tooLarge', { max: formatBytes(policy.maxBytes) })
  }
  const kind = detectFileKind(file.filename, file.bytes)
  if (!kind || !policy.kinds.includes(kind)) {
    throw invalidField(field, 'files.typeNotAllowed', {
      allowed: policy.kinds.flatMap((k) => FILE_KINDS[k].extensions).join(', '),
    })
  }
  return kind
}

/** Checks and stores a file; the caller records which of its own rows the file belongs to. */
export async function storeFile(
  db: Db,
  uploadedBy: string | null,
  field: string,
  file: IncomingFile,
  policy: FilePolicy,
): Promise<StoredFileInfo> {
  const kind = checkFile(field, file, policy)
  const row = await db
    .insertInto('stored_files')
    .values({
      filename: cleanFilename(file.filename),
      content_type: FILE_KINDS[kind].contentType,
      size: file.bytes.length,
      sha256: createHash('sha256').update(file.bytes).digest('hex'),
      content: file.bytes,
      uploaded_by: uploadedBy,
    })
    .returning(infoColumns)
    .executeTakeFirstOrThrow()
  return toInfo(row)
}

export async function findFileInfos(db: Db, ids: readonly string[]): Promise<StoredFileInfo[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('stored_files')
    .select(infoColumns)
    .where('id', 'in', ids)
    .execute()
  return rows.map(toInfo)
}

export async function readStoredFile(
  db: Db,
  id: string,
): Promise<{ info: StoredFileInfo; bytes: Uint8Array } | undefined> {
  const row = await db
    .selectFrom('stored_files')
    .select([...infoColumns, 'content'])
    .where('id', '=', id)
    .executeTakeFirst()
  return row && { info: toInfo(row), bytes: row.content }
}

export async function deleteStoredFile(db: Db, id: string): Promise<void> {
  await db.deleteFrom('stored_files').where('id', '=', id).execute()
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} B`
}
