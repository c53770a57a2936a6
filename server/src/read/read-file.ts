import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { EXTRACTORS } from './formats/index.js';
import { InputError, type Extracted } from './input-error.js';

export { InputError } from './input-error.js';

export const SUPPORTED_EXTENSIONS = Object.keys(EXTRACTORS);
const MIB = 1024 * 1024;
export const MAX_FILE_BYTES = 50 * MIB;

export interface SourceFile {
  path: string;
  /** Stable report id: the path relative to the folder given, without extension. */
  id: string;
  text: string;
  sha256: string;
  bytes: number;
  /** Non-fatal doubts about the input (e.g. a low-confidence encoding guess), naming the file. */
  warnings: string[];
}

// Formats people often have instead of a supported one, and what to do about it.
const HINTS: Record<string, string> = {
  '.doc': 'save it as .docx',
  '.wps': 'save it as .docx',
  '.rtf': 'save it as .docx',
};

function unsupported(file: string, ext: string): InputError {
  const hint = HINTS[ext] ? ` (${HINTS[ext]})` : '';
  return new InputError(
    file,
    `unsupported file type "${ext || '(none)'}"${hint}; supported: ${SUPPORTED_EXTENSIONS.join(', ')}`,
  );
}

function checkSize(file: string, n: number): void {
  if (n > MAX_FILE_BYTES) {
    throw new InputError(
      file,
      `the file is ${(n / MIB).toFixed(1)} MiB; the limit is ${MAX_FILE_BYTES / MIB} MiB per report`,
    );
  }
}

/**
 * Report text from a file's bytes, by the file's extension (.txt/.text, .html/.htm, .docx,
 * .pdf). Pure: bytes in, text and warnings out, so every failure mode is testable without files.
 */
export async function decodeReport(file: string, buf: Uint8Array): Promise<Extracted> {
  const ext = path.extname(file).toLowerCase();
  const extract = EXTRACTORS[ext];
  if (!extract) throw unsupported(file, ext);
  if (buf.length === 0) throw new InputError(file, 'the file is empty');
  checkSize(file, buf.length);
  return extract(file, buf);
}

export async function readSourceFile(file: string, root?: string): Promise<SourceFile> {
  const ext = path.extname(file).toLowerCase();
  if (!EXTRACTORS[ext]) throw unsupported(file, ext);
  let buf: Buffer;
  try {
    checkSize(file, fs.statSync(file).size); // before reading it all into memory
    buf = fs.readFileSync(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const { text, warnings } = await decodeReport(file, buf);
  const rel = root ? path.relative(root, file) : path.basename(file);
  return {
    path: file,
    id: rel
      .slice(0, rel.length - ext.length)
      .split(path.sep)
      .join('/'),
    text,
    sha256: crypto.createHash('sha256').update(buf).digest('hex'),
    bytes: buf.length,
    warnings,
  };
}

export interface FileRef {
  path: string;
  root?: string;
}

// Word leaves `~$name.docx` lock files beside open documents; they are not reports.
const isReport = (name: string) =>
  !name.startsWith('~$') && SUPPORTED_EXTENSIONS.includes(path.extname(name).toLowerCase());

/** Expands the arguments: files as given, folders recursively (supported types only, sorted). */
export function collectFiles(args: string[]): { files: FileRef[]; errors: InputError[] } {
  const files: FileRef[] = [];
  const errors: InputError[] = [];
  const walk = (dir: string, root: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, root);
      else if (isReport(entry.name)) files.push({ path: full, root });
    }
  };
  for (const arg of args) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(arg);
    } catch {
      errors.push(new InputError(arg, 'no such file or folder'));
      continue;
    }
    if (stat.isDirectory()) walk(arg, arg);
    else files.push({ path: arg });
  }
  return { files, errors };
}
