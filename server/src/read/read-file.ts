import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** A file that cannot be read as a report; the message names the file and the reason. */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export const SUPPORTED_EXTENSIONS = ['.txt'];
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

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

/** Decodes report bytes; pure, so every failure mode is testable without files. */
export function decodeReport(file: string, buf: Uint8Array): { text: string } {
  if (buf.length === 0) throw new InputError(file, 'the file is empty');
  if (buf.length > MAX_FILE_BYTES) {
    throw new InputError(
      file,
      `the file is ${(buf.length / 1e6).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1e6} MB per report`,
    );
  }
  const sample = buf.subarray(0, 8192);
  const hasUtf16Bom = (sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff);
  if (!hasUtf16Bom && sample.includes(0)) throw new InputError(file, 'binary content (NUL bytes), not a text report');
  let text: string;
  try {
    if (hasUtf16Bom) {
      text = new TextDecoder(sample[0] === 0xff ? 'utf-16le' : 'utf-16be', { fatal: true }).decode(buf);
    } else {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
    }
  } catch {
    throw new InputError(file, 'not valid UTF-8 text (GBK/Big5 files: convert to UTF-8 first)');
  }
  if (text.trim() === '') throw new InputError(file, 'the file holds only whitespace');
  return { text };
}

export async function readSourceFile(file: string, root?: string): Promise<SourceFile> {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(file, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const ext = path.extname(file).toLowerCase();
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new InputError(
      file,
      `unsupported file type "${ext || '(none)'}"; supported: ${SUPPORTED_EXTENSIONS.join(', ')}`,
    );
  }
  const { text } = decodeReport(file, buf);
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
    warnings: [],
  };
}

export interface FileRef {
  path: string;
  root?: string;
}

/** Expands the arguments: files as given, folders recursively (supported types only, sorted). */
export function collectFiles(args: string[]): { files: FileRef[]; errors: InputError[] } {
  const files: FileRef[] = [];
  const errors: InputError[] = [];
  const walk = (dir: string, root: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, root);
      else if (SUPPORTED_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) files.push({ path: full, root });
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
