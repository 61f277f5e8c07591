import yauzl from 'yauzl'
import { invalidField } from '../../http/errors.ts'

/** The largest document.xml read from a .docx; a zip bomb stops here, not in memory. */
export const MAX_DOCX_XML_BYTES = 20 * 1024 * 1024
const MAX_ENTRIES = 5000

function refuse(): never {
  throw invalidField('minutesFile', 'councils.error.badDocx')
}

/** Reads word/document.xml from a .docx, refusing anything that inflates past the limit. */
function readDocumentXml(bytes: Uint8Array, maxBytes: number): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip file'))
      let entries = 0
      let found = false
      zip.on('error', reject)
      zip.on('entry', (entry: yauzl.Entry) => {
        if (++entries > MAX_ENTRIES) {
          zip.close()
          return reject(new Error('too many entries'))
        }
        if (entry.fileName !== 'word/document.xml') return zip.readEntry()
        found = true
        if (entry.uncompressedSize > maxBytes) {
          zip.close()
          return reject(new Error('document too large'))
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('unreadable entry'))
          const chunks: Buffer[] = []
          let size = 0
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length
            // The declared size may lie: count what actually comes out.
            if (size > maxBytes) {
              stream.destroy()
              zip.close()
              reject(new Error('document too large'))
            } else chunks.push(chunk)
          })
          stream.on('error', reject)
          stream.on('end', () => {
            zip.close()
            resolve(Buffer.concat(chunks).toString('utf8'))
          })
        })
      })
      zip.on('end', () => {
        if (!found) reject(new Error('no word/document.xml'))
      })
      zip.readEntry()
    })
  })
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X'
          ? Number.parseInt(name.slice(2), 16)
          : Number(name.slice(1))
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return ENTITIES[name] ?? whole
  })
}

/** The text of a WordprocessingML body: one line per paragraph, tabs and breaks kept. */
export function documentXmlToText(xml: string): string {
  const lines: string[] = []
  let line = ''
  let inText = false
  const pattern = /<(\/?)(w:p|w:t|w:tab|w:br|w:cr)(?=[\s/>])[^>]*?(\/?)>|<[^>]*>|([^<]+)/g
  for (let m = pattern.exec(xml); m; m = pattern.exec(xml)) {
    const [, closing, tag, selfClosing, text] = m
    if (text !== undefined) {
      if (inText) line += decodeXml(text)
    } else if (tag === 'w:t') inText = !closing && !selfClosing
    else if (tag === 'w:tab' && !closing) line += '\t'
    else if ((tag === 'w:br' || tag === 'w:cr') && !closing) line += '\n'
    else if (tag === 'w:p' && (closing || selfClosing)) {
      lines.push(line)
      line = ''
    }
  }
  if (line) lines.push(line)
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** Minutes from an uploaded .docx; garbage, bombs and empty documents are a 400 on the file field. */
export async function docxToText(
  bytes: Uint8Array,
  maxBytes = MAX_DOCX_XML_BYTES,
): Promise<string> {
  let xml: string
  try {
    xml = await readDocumentXml(bytes, maxBytes)
  } catch {
    refuse()
  }
  const text = documentXmlToText(xml)
  if (!text) throw invalidField('minutesFile', 'councils.error.emptyDocx')
  return text
}
