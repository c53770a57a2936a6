import type { Extracted } from '../input-error.js';
import { extractDocx } from './docx.js';
import { extractHtml } from './html.js';
import { extractPdf } from './pdf.js';
import { extractPlainText } from './text.js';

/** Turns a file's bytes into report text; the file name is only used in messages. Pure: no I/O. */
export type Extractor = (file: string, buf: Uint8Array) => Extracted | Promise<Extracted>;

/** Supported extensions (lower case, with the dot) and how each is read. */
export const EXTRACTORS: Readonly<Record<string, Extractor>> = {
  '.txt': extractPlainText,
  '.text': extractPlainText,
  '.html': extractHtml,
  '.htm': extractHtml,
  '.docx': extractDocx,
  '.pdf': extractPdf,
};
