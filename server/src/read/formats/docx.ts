import mammoth from 'mammoth';
import { InputError, type Extracted } from '../input-error.js';
import { isOle, isZip } from '../magic.js';

const firstLine = (e: unknown) =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0]?.trim() || 'unknown error';

/** `.docx`: the raw text of the main document, one line per paragraph. */
export async function extractDocx(file: string, buf: Uint8Array): Promise<Extracted> {
  // Government sites often serve old binary .doc files (or encrypted .docx, also OLE) under a .docx name.
  if (isOle(buf)) {
    throw new InputError(file, 'not a valid .docx (an old Word .doc or an encrypted document; save it as .docx)');
  }
  if (!isZip(buf)) throw new InputError(file, 'not a valid .docx (not a ZIP package)');
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength) })).value;
  } catch (e) {
    throw new InputError(file, `not a valid .docx (${firstLine(e)})`);
  }
  // mammoth ends every paragraph with a blank line; one newline is the paragraph boundary here.
  const text = raw
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{2,}/g, '\n')
    .trim();
  if (!text) throw new InputError(file, 'the document holds no text');
  return { text, warnings: [] };
}
