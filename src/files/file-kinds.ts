/** The kinds of file the app accepts, each known by its extension and checked by its first bytes. */
export const FILE_KINDS = {
  pdf: { extensions: ['pdf'], contentType: 'application/pdf' },
  xlsx: {
    extensions: ['xlsx'],
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
  docx: {
    extensions: ['docx'],
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  },
  pptx: {
    extensions: ['pptx'],
    contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  },
  csv: { extensions: ['csv'], contentType: 'text/csv' },
  txt: { extensions: ['txt'], contentType: 'text/plain' },
  json: { extensions: ['json'], contentType: 'application/json' },
  png: { extensions: ['png'], contentType: 'image/png' },
  jpeg: { extensions: ['jpg', 'jpeg'], contentType: 'image/jpeg' },
} as const

export type FileKind = keyof typeof FILE_KINDS

const startsWith = (bytes: Uint8Array, signature: number[]) =>
  bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b)

const ZIP = [0x50, 0x4b, 0x03, 0x04]

/** Text files must not contain NUL bytes (a binary renamed to .csv is refused). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 8192)
  // UTF-16 text has NULs; it is still text if it starts with a byte-order mark.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return true
  return !head.includes(0)
}

const contentMatches: Record<FileKind, (bytes: Uint8Array) => boolean> = {
  pdf: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]),
  xlsx: (b) => startsWith(b, ZIP),
  docx: (b) => startsWith(b, ZIP),
  pptx: (b) => startsWith(b, ZIP),
  csv: looksLikeText,
  txt: looksLikeText,
  json: looksLikeText,
  png: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  jpeg: (b) => startsWith(b, [0xff, 0xd8, 0xff]),
}

/** The kind a file claims by its name, if its content agrees; otherwise undefined. */
export function detectFileKind(filename: string, bytes: Uint8Array): FileKind | undefined {
  const extension = filename.toLowerCase().split('.').pop() ?? ''
  const kind = (Object.keys(FILE_KINDS) as FileKind[]).find((k) =>
    (FILE_KINDS[k].extensions as readonly string[]).includes(extension),
  )
  return kind && contentMatches[kind](bytes) ? kind : undefined
}
