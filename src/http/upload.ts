import type { Context } from 'hono'
import type { IncomingFile, StoredFileInfo } from '../files/index.ts'
import type { AppEnv } from './context.ts'

/** A form's text fields and its files; an empty file input (no file chosen) counts as absent. */
export async function formWithFiles(
  c: Context<AppEnv>,
): Promise<{ fields: Record<string, string>; files: Record<string, IncomingFile[]> }> {
  const body = await c.req.parseBody({ all: true })
  const fields: Record<string, string> = {}
  const files: Record<string, IncomingFile[]> = {}
  for (const [key, raw] of Object.entries(body)) {
    for (const value of Array.isArray(raw) ? raw : [raw]) {
      if (typeof value === 'string') {
        if (key !== '_csrf' && !(key in fields)) fields[key] = value
      } else if (value.name !== '' || value.size > 0) {
        const bytes = new Uint8Array(await value.arrayBuffer())
        files[key] = [...(files[key] ?? []), { filename: value.name, bytes }]
      }
    }
  }
  return { fields, files }
}

/** Sends a stored file as a download, with its name intact in any script (RFC 6266/5987). */
export function fileDownload(
  c: Context<AppEnv>,
  info: Pick<StoredFileInfo, 'filename' | 'contentType' | 'size'>,
  bytes: Uint8Array,
): Response {
  const ascii = info.filename.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': info.contentType,
    'Content-Length': String(info.size),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(info.filename)}`,
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
  })
}
