import { describe, expect, it } from 'vitest';
import { decodeReport, InputError } from './read-file.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('decodeReport', () => {
  it('reads UTF-8 with and without BOM, and UTF-16 with BOM', () => {
    expect(decodeReport('a.txt', enc('教育局')).text).toBe('教育局');
    expect(decodeReport('a.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...enc('教育局')])).text).toBe('教育局');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x59, 0x65, 0xb2, 0x80]);
    expect(decodeReport('a.txt', utf16).text).toBe('教育');
  });

  it.each([
    ['empty', new Uint8Array(), /empty/],
    ['whitespace', enc('  \n\t '), /only whitespace/],
    ['binary', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), /binary/],
    ['GBK', new Uint8Array([0xbd, 0xcc, 0xd3, 0xfd, 0xbe, 0xd6]), /not valid UTF-8/],
  ])('refuses %s input with an error naming the file', (_name, bytes, reason) => {
    try {
      decodeReport('reports/x.txt', bytes);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/^reports\/x\.txt: /);
      expect((e as Error).message).toMatch(reason);
    }
  });
});
