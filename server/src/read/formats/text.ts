import { decodeText } from '../decode.js';
import { InputError, type Extracted } from '../input-error.js';

/** `.txt`/`.text`: decoded bytes as they are. */
export function extractPlainText(file: string, buf: Uint8Array): Extracted {
  const { text, warnings } = decodeText(file, buf);
  if (text.trim() === '') throw new InputError(file, 'the file holds only whitespace');
  return { text, warnings };
}
