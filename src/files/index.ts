export { detectFileKind, FILE_KINDS, type FileKind } from './file-kinds.ts'
export type { FilesTables } from './files.tables.ts'
export {
  checkFile,
  cleanFilename,
  deleteStoredFile,
  type FilePolicy,
  findFileInfos,
  formatBytes,
  type IncomingFile,
  readStoredFile,
  type StoredFileInfo,
  storeFile,
} from './files.ts'
