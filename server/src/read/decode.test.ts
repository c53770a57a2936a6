import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode.js';
import { decodeReport, InputError } from './read-file.js';

// A realistic report sentence: ideographs, full-width punctuation, ASCII digits.
const PARAGRAPH = '今年以来，我局认真贯彻落实控辍保学工作，全县义务教育巩固率达到98.82%。';
const TRADITIONAL = '今年以來，本局認真貫徹落實控輟保學工作，全縣義務教育鞏固率達到98.82%。';
const FILE = 'reports/2023/县教育局.txt';

const utf8 = (s: string) => new TextEncoder().encode(s);
const encode = (s: string, encoding: string) => new Uint8Array(iconv.encode(s, encoding));
const withBom = (bom: number[], bytes: Uint8Array) => new Uint8Array([...bom, ...bytes]);

async function refusal(file: string, bytes: Uint8Array): Promise<InputError> {
  const e = await decodeReport(file, bytes).then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(InputError);
  expect((e as Error).message.startsWith(`${file}: `)).toBe(true);
  return e as InputError;
}

describe('decodeReport on .txt: Unicode', () => {
  it('reads UTF-8 with and without BOM, silently', async () => {
    expect(await decodeReport(FILE, utf8(PARAGRAPH))).toEqual({ text: PARAGRAPH, warnings: [] });
    expect(await decodeReport(FILE, withBom([0xef, 0xbb, 0xbf], utf8(PARAGRAPH)))).toEqual({
      text: PARAGRAPH,
      warnings: [],
    });
  });

  it.each([
    ['UTF-16LE with BOM', withBom([0xff, 0xfe], encode(PARAGRAPH, 'utf-16le'))],
    ['UTF-16BE with BOM', withBom([0xfe, 0xff], encode(PARAGRAPH, 'utf-16be'))],
    ['UTF-16LE without BOM', encode(PARAGRAPH, 'utf-16le')],
    ['UTF-16BE without BOM', encode(PARAGRAPH, 'utf-16be')],
  ])('reads %s', async (_name, bytes) => {
    expect(await decodeReport(FILE, bytes)).toEqual({ text: PARAGRAPH, warnings: [] });
  });

  it('tells BOM-less UTF-16 byte order apart even when NULs come from 一 (U+4E00), not ASCII', async () => {
    const text = '一是加强控辍保学，二是落实资助政策，三是一校一案。';
    expect((await decodeReport(FILE, encode(text, 'utf-16le'))).text).toBe(text);
    expect((await decodeReport(FILE, encode(text, 'utf-16be'))).text).toBe(text);
  });

  it('keeps UTF-8 with one damaged byte as UTF-8, with a warning', async () => {
    const bytes = utf8(PARAGRAPH.repeat(5));
    bytes[10] = 0xff;
    const { text, warnings } = await decodeReport(FILE, bytes);
    expect(text).toContain('我局认真贯彻落实');
    expect(text).toContain('\ufffd');
    expect(warnings).toEqual([expect.stringMatching(/^reports\/2023\/县教育局\.txt: .*could not be decoded as UTF-8/)]);
  });
});

describe('decodeReport on .txt: legacy Chinese encodings', () => {
  it.each([
    ['GBK', PARAGRAPH, 'gbk'],
    ['GB18030', `${PARAGRAPH}校长王䶮出席。`, 'gb18030'], // 䶮 needs a GB18030 four-byte sequence
    ['Big5', TRADITIONAL, 'big5'],
  ])('reads %s paragraphs without a warning', async (_name, text, encoding) => {
    expect(await decodeReport(FILE, encode(text, encoding))).toEqual({ text, warnings: [] });
  });

  it('reports which encoding it chose for a short GBK text the detector cannot judge', async () => {
    const { text, warnings } = await decodeReport(FILE, encode('教育局', 'gbk'));
    expect(text).toBe('教育局');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^reports\/2023\/县教育局\.txt: text encoding uncertain/);
    expect(warnings[0]).toMatch(/read as GB18030/);
  });

  it('picks Big5 for a short traditional text when GB18030 would produce rare characters', async () => {
    const { text, warnings } = await decodeReport(FILE, encode('學校', 'big5'));
    expect(text).toBe('學校');
    expect(warnings).toEqual([expect.stringMatching(/^reports\/2023\/县教育局\.txt: .*read as Big5/)]);
  });

  it('does not take short GBK that happens to be valid UTF-8 for UTF-8 (学校 = "ѧУ")', async () => {
    const { text, warnings } = await decodeReport(FILE, encode('学校', 'gbk'));
    expect(text).toBe('学校');
    expect(warnings[0]).toMatch(
      /^reports\/2023\/县教育局\.txt: valid UTF-8, but as UTF-8 it reads "ѧУ"; read as GB18030/,
    );
  });

  it('exposes the chosen encoding to callers that want it', () => {
    expect(decodeText(FILE, encode(TRADITIONAL, 'big5')).encoding).toBe('big5');
    expect(decodeText(FILE, encode(PARAGRAPH, 'gbk')).encoding).toBe('gb18030');
  });
});

describe('decodeReport on .txt: refusals name the file and the reason', () => {
  // Deterministic noise with no NUL bytes: what compressed or encrypted data looks like.
  const noise = Uint8Array.from({ length: 4000 }, (_, i) => (((i * 2654435761) >>> 13) % 255) + 1);

  it.each([
    ['empty', new Uint8Array(), /the file is empty/],
    ['whitespace', utf8('  \n\t \u3000\n'), /only whitespace/],
    ['UTF-16 whitespace', withBom([0xff, 0xfe], encode(' \r\n ', 'utf-16le')), /only whitespace/],
    [
      'PDF bytes',
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a]),
      /binary content \(a PDF document\)/,
    ],
    [
      'PNG bytes',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      /binary content \(a PNG image\)/,
    ],
    ['ZIP bytes', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), /binary content \(a ZIP archive/],
    ['ELF bytes', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), /binary content \(an ELF executable\)/],
    [
      'NUL-bearing data',
      new Uint8Array([0x12, 0x00, 0x01, 0x00, 0x07, 0x00, 0x00, 0x00, 0x05]),
      /binary content \(NUL bytes\)/,
    ],
    ['control characters', utf8('\x01\x02\x03\x04\x05\x06abc\x07\x08'), /binary content \(control characters\)/],
    ['undecodable noise', noise, /not readable as text: not UTF-8, and neither GB18030 nor Big5/],
  ])('refuses %s', async (_name, bytes, reason) => {
    expect((await refusal(FILE, bytes)).reason).toMatch(reason);
  });

  it('refuses files over the size limit without decoding them', async () => {
    const e = await refusal(FILE, new Uint8Array(50 * 1024 * 1024 + 1));
    expect(e.reason).toMatch(/the file is 50\.0 MiB; the limit is 50 MiB per report/);
  });
});

describe('bytes that are no text', () => {
  it('refuses high bytes that only a Western single-byte code page would "decode"', () => {
    expect(() => decodeText('x.txt', new Uint8Array(400).fill(0xff))).toThrow(/x\.txt: not readable as text/);
  });
});
