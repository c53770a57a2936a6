/**
 * Known binary signatures. A text extension does not make a PNG a report, and naming
 * what the bytes really are tells the user what went wrong (a renamed .docx, a PDF…).
 */
const SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF document' }, // %PDF-
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive, e.g. .docx' },
  { bytes: [0x50, 0x4b, 0x05, 0x06], what: 'an empty ZIP archive' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an OLE file, e.g. an old Word .doc' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' }, // GIF8
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'an ELF executable' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
];

const startsWith = (buf: Uint8Array, sig: number[]) => sig.length <= buf.length && sig.every((b, i) => buf[i] === b);

/** What the bytes are, if they carry a known binary signature. */
export function binaryKind(buf: Uint8Array): string | undefined {
  return SIGNATURES.find((s) => startsWith(buf, s.bytes))?.what;
}

export const isZip = (buf: Uint8Array) => startsWith(buf, [0x50, 0x4b]);
export const isOle = (buf: Uint8Array) => startsWith(buf, [0xd0, 0xcf, 0x11, 0xe0]);
