import { forbidden } from '../../http/errors.ts'

/**
 * Removes what could name the author from a file served to a blind viewer, or refuses it.
 *
 * - PDF: the values of /Author in the document information dictionary and of dc:creator /
 *   pdf:Author in XMP are overwritten with spaces of the same length, so the cross-reference
 *   offsets stay valid. Metadata inside compressed object streams is not reached (documented
 *   in docs/proposals.md).
 * - PNG: text and EXIF chunks (tEXt, zTXt, iTXt, eXIf) are dropped.
 * - JPEG: APP1–APP15 segments (EXIF, XMP, …) and comments are dropped.
 * - docx/xlsx/pptx: refused (403); docProps/core.xml names the creator and last editor, and
 *   rewriting a zip here is not worth its risk. The secretariat can supply a PDF.
 */
export function scrubForBlindViewer(contentType: string, bytes: Uint8Array): Uint8Array {
  if (contentType === 'application/pdf') return scrubPdf(bytes)
  if (contentType === 'image/png') return scrubPng(bytes)
  if (contentType === 'image/jpeg') return scrubJpeg(bytes)
  if (contentType.startsWith('application/vnd.openxmlformats-officedocument')) throw forbidden()
  return bytes
}

function blank(text: string, pattern: RegExp): string {
  return text.replace(pattern, (whole, open: string, value: string, close: string) =>
    value === undefined ? whole : open + ' '.repeat(value.length) + close,
  )
}

export function scrubPdf(bytes: Uint8Array): Uint8Array {
  // latin1 maps each byte to one char, so lengths and offsets are preserved.
  let text = Buffer.from(bytes).toString('latin1')
  text = blank(text, /(\/Author\s*\()((?:\\.|[^\\)])*)(\))/g)
  text = blank(text, /(\/Author\s*<)([0-9a-fA-F\s]*)(>)/g)
  text = blank(text, /(<dc:creator>)([\s\S]*?)(<\/dc:creator>)/g)
  text = blank(text, /(<pdf:Author>)([\s\S]*?)(<\/pdf:Author>)/g)
  text = blank(text, /(pdf:Author=")([^"]*)(")/g)
  return new Uint8Array(Buffer.from(text, 'latin1'))
}

export function scrubPng(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 8)]
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let offset = 8
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset)
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8))
    const end = offset + 12 + length
    if (end > bytes.length) break
    if (!['tEXt', 'zTXt', 'iTXt', 'eXIf'].includes(type)) out.push(bytes.subarray(offset, end))
    offset = end
  }
  return new Uint8Array(Buffer.concat(out))
}

export function scrubJpeg(bytes: Uint8Array): Uint8Array {
  const out: Uint8Array[] = [bytes.subarray(0, 2)]
  let offset = 2
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1]!
    // Start of scan: the image data follows to the end; keep the rest as it is.
    if (marker === 0xda) break
    const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!
    const end = offset + 2 + length
    const metadata = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe
    if (!metadata) out.push(bytes.subarray(offset, end))
    offset = end
  }
  out.push(bytes.subarray(offset))
  return new Uint8Array(Buffer.concat(out))
}
