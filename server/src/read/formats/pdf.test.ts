import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '../read-file.js';
import { extractPdf } from './pdf.js';
import { refusal } from '../refusal.test-util.js';
import { serializePdf, stream } from './pdf-fixture.test-util.js';

/** Numbers the objects (1…), then writes header, bodies, the xref table with their byte offsets, and the trailer. */

/**
 * Objects: 1 catalog, 2 page tree, 3 font, then per page its page object and content stream.
 * `font` and `show` let a test swap the standard Helvetica for a CJK font.
 */
function buildPdf(
  pages: string[][],
  font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  show = (line: string) => `(${line.replace(/[\\()]/g, '\\$&')})`,
  extra: string[] = [],
): Uint8Array {
  const pageIds = pages.map((_, i) => 4 + extra.length + 2 * i);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    font,
    ...extra,
  ];
  pages.forEach((lines, i) => {
    // A page without lines gets a grey box: what a scanned page (an image, no text) amounts to here.
    const ops = lines.length
      ? `BT /F1 12 Tf 14 TL 72 720 Td ${lines.map((l) => `${show(l)} Tj T*`).join(' ')} ET`
      : '0.5 g 72 72 468 648 re f';
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`,
      stream(ops),
    );
  });
  return serializePdf(objects);
}

/**
 * Chinese text as Word or WPS export it: a Type0 font with Identity-H codes (one per distinct
 * character here) and a ToUnicode CMap that maps them back, so no CMap files are needed.
 */
function buildChinesePdf(lines: string[]): Uint8Array {
  const chars = [...new Set(lines.join(''))];
  const hex = (n: number, w = 4) => n.toString(16).toUpperCase().padStart(w, '0');
  const cmap = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${chars.length} beginbfchar`,
    ...chars.map((c, i) => `<${hex(i + 1)}> <${hex(c.codePointAt(0)!)}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  return buildPdf(
    [lines],
    '<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [4 0 R] /ToUnicode 5 0 R >>',
    (line) => `<${[...line].map((c) => hex(chars.indexOf(c) + 1)).join('')}>`,
    [
      '<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 6 0 R /DW 1000 >>',
      stream(cmap),
      '<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 860 /StemV 80 >>',
    ],
  );
}

/** Chinese text in a non-embedded STSong-Light with the predefined UniGB-UCS2-H CMap, as older report generators write it. */
function buildPredefinedCMapPdf(text: string): Uint8Array {
  const ucs2 = [...text].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('');
  return buildPdf(
    [[text]],
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    () => `<${ucs2}>`,
    [
      '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 5 0 R >>',
      '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 860 /StemV 80 >>',
    ],
  );
}

const LINES = ['Enrolment rate (compulsory education): 98.82%', 'Dropout control: every case followed up'];

describe('extractPdf', () => {
  it('returns the text layer', async () => {
    expect(await extractPdf('a.pdf', buildPdf([LINES]))).toEqual({ text: LINES.join('\n'), warnings: [] });
  });

  it('joins pages with newlines', async () => {
    const { text } = await extractPdf('a.pdf', buildPdf([[LINES[0]!], [LINES[1]!]]));
    expect(text).toBe(LINES.join('\n'));
  });

  it('reads Chinese text through a ToUnicode map', async () => {
    const lines = ['今年以来，我局认真贯彻落实控辍保学工作，', '全县义务教育巩固率达到98.82%。'];
    expect((await extractPdf('cn.pdf', buildChinesePdf(lines))).text).toBe(lines.join('\n'));
  });

  it('reads Chinese text in a predefined CJK CMap without a ToUnicode map (CMap data from pdfjs-dist)', async () => {
    // More cases, and a font that genuinely cannot be mapped, in pdf-cmaps.test.ts.
    expect(await extractPdf('gb.pdf', buildPredefinedCMapPdf('教育局'))).toEqual({ text: '教育局', warnings: [] });
  });

  it('refuses a PDF without a text layer', async () => {
    const e = await refusal(extractPdf('scans/2023.pdf', buildPdf([[], []])));
    expect(e.message).toBe('scans/2023.pdf: no text layer (scanned PDF?)');
  });

  it('warns about scanned pages among text pages, naming them', async () => {
    const { text, warnings } = await extractPdf('mixed.pdf', buildPdf([LINES, [], LINES]));
    expect(text).toBe([...LINES, ...LINES].join('\n'));
    expect(warnings).toEqual(['mixed.pdf: page(s) 2 of 3 have no text layer (scanned?); their text is missing']);
  });

  it('refuses a corrupt PDF and a non-PDF, naming file and reason', async () => {
    const whole = buildPdf([LINES]);
    const cut = whole.subarray(0, 40); // the header survives, the rest does not
    expect((await refusal(extractPdf('cut.pdf', cut))).message).toMatch(/^cut\.pdf: not a valid PDF \(.+\)$/);
    const html = new TextEncoder().encode('<html>404 Not Found</html>');
    expect((await refusal(extractPdf('page.pdf', html))).message).toBe('page.pdf: not a valid PDF (no %PDF- header)');
  });
});

describe('readSourceFile on .pdf', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-pdf-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a PDF report from disk, and refuses a scanned one', async () => {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, buildPdf([LINES]));
    const src = await readSourceFile(file, dir);
    expect(src.id).toBe('report');
    expect(src.text).toBe(LINES.join('\n'));
    const scan = path.join(dir, 'scan.pdf');
    fs.writeFileSync(scan, buildPdf([[]]));
    expect((await refusal(readSourceFile(scan))).message).toBe(`${scan}: no text layer (scanned PDF?)`);
  });
});
