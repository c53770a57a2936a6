import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '../read-file.js';
import { extractPdf } from './pdf.js';
import { refusal } from '../refusal.test-util.js';
import { serializePdf, stream } from './pdf-fixture.test-util.js';

/**
 * Chinese PDFs whose text is in a non-embedded CJK font with a predefined CMap and no ToUnicode
 * map, as many government report generators write them: pdf.js maps such text to Unicode only
 * with its CMap data (the `cmaps/` folder of pdfjs-dist), which pdf.ts supplies from disk.
 */

/** A Type0 font: its /BaseFont, predefined CMap (/Encoding) and descendant CIDFont ordering. */
interface CjkFont {
  name: string;
  encoding: string;
  ordering: string;
}

const STSONG_UCS2: CjkFont = { name: 'STSong-Light', encoding: 'UniGB-UCS2-H', ordering: 'GB1' };
const STSONG_GBK: CjkFont = { name: 'STSong-Light', encoding: 'GBK-EUC-H', ordering: 'GB1' };

/** Text-showing operands: UCS-2 big-endian codes, GBK bytes, or a literal string in the Latin font. */
const ucs2 = (text: string) => `<${[...text].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}>`;
const gbk = (text: string) => `<${iconv.encode(text, 'gbk').toString('hex')}>`;
const latin = (text: string) => `(${text.replace(/[\\()]/g, '\\$&')})`;

/** One line of a page: the font resource (F1 Helvetica, F2 the CJK font) and the encoded operand. */
type Line = ['F1' | 'F2', string];

/**
 * Objects: 1 catalog, 2 page tree, 3 Helvetica, 4 the Type0 font (no /ToUnicode), 5 its CIDFont,
 * 6 the font descriptor (no font file: not embedded), then per page its page object and content
 * stream. Numbers them, and writes the xref table with their byte offsets (the file is ASCII).
 */
function buildPdf(font: CjkFont, pages: Line[][]): Uint8Array {
  const pageIds = pages.map((_, i) => 7 + 2 * i);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Font /Subtype /Type0 /BaseFont /${font.name} /Encoding /${font.encoding} /DescendantFonts [5 0 R] >>`,
    `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /${font.name} /CIDSystemInfo << /Registry (Adobe) /Ordering (${font.ordering}) /Supplement 4 >> /FontDescriptor 6 0 R /DW 1000 >>`,
    `<< /Type /FontDescriptor /FontName /${font.name} /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 860 /StemV 80 >>`,
  ];
  pages.forEach((lines, i) => {
    const ops = `BT 14 TL 72 720 Td ${lines.map(([f, operand]) => `/${f} 12 Tf ${operand} Tj T*`).join(' ')} ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[i]! + 1} 0 R >>`,
      stream(ops),
    );
  });
  return serializePdf(objects);
}

describe('extractPdf on CJK fonts with predefined CMaps (no ToUnicode map)', () => {
  it('reads STSong-Light with UniGB-UCS2-H', async () => {
    const pdf = buildPdf(STSONG_UCS2, [[['F2', ucs2('教育局控辍保学')]]]);
    expect(await extractPdf('gb.pdf', pdf)).toEqual({ text: '教育局控辍保学', warnings: [] });
  });

  it('reads lines, pages, digits and punctuation in UCS-2, beside Latin text', async () => {
    const lines = ['2023年教育工作总结', '义务教育巩固率达到98.82%，控辍保学“动态清零”。'];
    const pdf = buildPdf(STSONG_UCS2, [
      [['F2', ucs2(lines[0]!)]],
      [
        ['F1', latin('Annex 1')],
        ['F2', ucs2(lines[1]!)],
      ],
    ]);
    expect(await extractPdf('gb.pdf', pdf)).toEqual({ text: [lines[0], 'Annex 1', lines[1]].join('\n'), warnings: [] });
  });

  it('reads STSong-Light with GBK-EUC-H (GBK byte codes, ASCII in single bytes)', async () => {
    const text = '县教育局2023年控辍保学工作报告';
    const pdf = buildPdf(STSONG_GBK, [[['F2', gbk(text)]]]);
    expect((await extractPdf('gbk.pdf', pdf)).text).toBe(text);
  });

  it('still refuses text in a CMap pdf.js does not know, saying it cannot be mapped (not "scanned")', async () => {
    const pdf = buildPdf({ ...STSONG_UCS2, encoding: 'UniXX-UCS2-H' }, [[['F2', ucs2('教育局')]]]);
    expect((await refusal(extractPdf('odd.pdf', pdf))).message).toBe(
      'odd.pdf: its text cannot be mapped to Unicode (fonts without a ToUnicode map, in an encoding pdf.js does not know)',
    );
  });

  it('warns about pages whose text cannot be mapped among readable ones, naming them', async () => {
    const pdf = buildPdf({ ...STSONG_UCS2, encoding: 'UniXX-UCS2-H' }, [
      [['F1', latin('Summary')]],
      [['F2', ucs2('教育局')]],
    ]);
    expect(await extractPdf('odd.pdf', pdf)).toEqual({
      text: 'Summary',
      warnings: ['odd.pdf: page(s) 2 of 2 draw text that cannot be mapped to Unicode; their text is missing'],
    });
  });
});

describe('readSourceFile on a PDF with predefined CMaps', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-pdf-cmaps-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads the Chinese text from disk', async () => {
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, buildPdf(STSONG_UCS2, [[['F2', ucs2('教育局控辍保学')]]]));
    const src = await readSourceFile(file, dir);
    expect(src.text).toBe('教育局控辍保学');
    expect(src.warnings).toEqual([]);
  });
});
