import type { ColumnType, Generated } from 'kysely'

export interface StoredFilesTable {
  id: Generated<string>
  filename: string
  content_type: string
  size: number
  sha256: string
  content: Uint8Array
  uploaded_by: string | null
  created_at: ColumnType<Date, Date | string | undefined, never>
}

export interface FilesTables {
  stored_files: StoredFilesTable
}
