/** Hand-built PDFs for tests: numbered objects and an xref table of their byte offsets (the file is ASCII). */
export function serializePdf(objects: string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length; // the file is ASCII, so string offsets are byte offsets
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out +=
    `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n` +
    offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('') +
    `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

export const stream = (content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
