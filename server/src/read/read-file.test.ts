import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { collectFiles, decodeReport, readSourceFile, SUPPORTED_EXTENSIONS } from './read-file.js';
import { refusal } from './refusal.test-util.js';

const PARAGRAPH = '今年以来，我局认真贯彻落实控辍保学工作，全县义务教育巩固率达到98.82%。';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(rel: string, bytes: Uint8Array | string): string {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  return file;
}

describe('readSourceFile', () => {
  it('reads a GBK report: decoded text, id relative to the folder, sha256 of the raw bytes', async () => {
    const bytes = iconv.encode(PARAGRAPH, 'gbk');
    const file = write('gbk/2023/县教育局工作总结.txt', bytes);
    const src = await readSourceFile(file, path.join(dir, 'gbk'));
    expect(src).toEqual({
      path: file,
      id: '2023/县教育局工作总结',
      text: PARAGRAPH,
      sha256: crypto.createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      warnings: [],
    });
  });

  it('passes an encoding guess on as a warning naming the file', async () => {
    const file = write('short.txt', iconv.encode('教育局', 'gbk'));
    const src = await readSourceFile(file);
    expect(src.id).toBe('short');
    expect(src.text).toBe('教育局');
    expect(src.warnings).toEqual([expect.stringMatching(new RegExp(`^${file}: text encoding uncertain.*GB18030`))]);
  });

  it('refuses an explicitly given unsupported file, naming the extension', async () => {
    const file = write('old.doc', 'x');
    const e = await refusal(readSourceFile(file));
    expect(e.message).toMatch(new RegExp(`^${file}: unsupported file type ".doc" \\(save it as .docx\\); supported: `));
    expect(e.reason).toContain('.pdf');
  });

  it('refuses a missing file and a binary .txt, naming file and reason', async () => {
    const missing = path.join(dir, 'missing.txt');
    expect((await refusal(readSourceFile(missing))).message).toBe(`${missing}: cannot read: ENOENT`);
    const png = write('chart.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect((await refusal(readSourceFile(png))).message).toBe(
      `${png}: binary content (a PNG image), not a text report`,
    );
  });
});

describe('decodeReport', () => {
  it('dispatches on the file name and refuses unknown extensions', async () => {
    expect((await decodeReport('a.TXT', new TextEncoder().encode('教育局'))).text).toBe('教育局');
    const e = await refusal(decodeReport('scan.jpg', new Uint8Array([0xff, 0xd8, 0xff])));
    expect(e.message).toMatch(/^scan\.jpg: unsupported file type "\.jpg"/);
  });
});

describe('collectFiles', () => {
  it('walks folders for every supported type, sorted, skipping other files and Word lock files', () => {
    const root = path.join(dir, 'walk');
    for (const name of [
      'b.pdf',
      'a.txt',
      'sub/c.docx',
      'sub/d.HTML',
      'e.htm',
      'f.text',
      'notes.md',
      'img.png',
      '~$c.docx',
    ]) {
      write(path.join('walk', name), 'x');
    }
    const loose = write('loose.xlsx', 'x');
    const { files, errors } = collectFiles([root, loose, path.join(dir, 'nope')]);
    expect(files).toEqual([
      ...['a.txt', 'b.pdf', 'e.htm', 'f.text', 'sub/c.docx', 'sub/d.HTML'].map((n) => ({
        path: path.join(root, n),
        root,
      })),
      { path: loose }, // given explicitly: readSourceFile will say why it is refused
    ]);
    expect(errors.map((e) => e.message)).toEqual([`${path.join(dir, 'nope')}: no such file or folder`]);
  });

  it('lists the supported extensions', () => {
    expect([...SUPPORTED_EXTENSIONS].sort()).toEqual(['.docx', '.htm', '.html', '.pdf', '.text', '.txt']);
  });
});
