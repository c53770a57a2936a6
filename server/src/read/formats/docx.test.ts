import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceFile } from '../read-file.js';
import { extractDocx } from './docx.js';
import { refusal } from '../refusal.test-util.js';

const PARAS = [
  '今年以来，我局认真贯彻落实控辍保学工作，全县义务教育巩固率达到98.82%。',
  '下一步，我局将继续推进“双减”政策落地。',
];

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The smallest package Word and mammoth accept: content types, the package relationship, the main part. */
async function buildDocx(paragraphs: string[], parts: { document?: boolean } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ' +
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" ' +
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" ' +
      'Target="word/document.xml"/></Relationships>',
  );
  if (parts.document !== false) {
    const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${p}</w:t></w:r></w:p>`).join('');
    zip.file(
      'word/document.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`,
    );
  }
  return zip.generateAsync({ type: 'uint8array' });
}

describe('extractDocx', () => {
  it('returns the paragraphs, one per line', async () => {
    expect(await extractDocx('a.docx', await buildDocx(PARAS))).toEqual({ text: PARAS.join('\n'), warnings: [] });
  });

  it('refuses a truncated package', async () => {
    const whole = await buildDocx(PARAS);
    const e = await refusal(extractDocx('reports/cut.docx', whole.subarray(0, Math.floor(whole.length / 2))));
    expect(e.message).toMatch(/^reports\/cut\.docx: not a valid \.docx \(.+\)$/);
  });

  it('refuses a ZIP without a Word document in it', async () => {
    const e = await refusal(extractDocx('other.docx', await buildDocx(PARAS, { document: false })));
    expect(e.message).toMatch(/^other\.docx: not a valid \.docx \(.*main document.*\)$/i);
  });

  it('refuses an old binary .doc under a .docx name, saying what to do', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
    const e = await refusal(extractDocx('renamed.docx', ole));
    expect(e.message).toBe(
      'renamed.docx: not a valid .docx (an old Word .doc or an encrypted document; save it as .docx)',
    );
  });

  it('refuses plain text under a .docx name, and a document without text', async () => {
    expect((await refusal(extractDocx('t.docx', new TextEncoder().encode(PARAS[0]!)))).reason).toBe(
      'not a valid .docx (not a ZIP package)',
    );
    expect((await refusal(extractDocx('blank.docx', await buildDocx(['', '  '])))).reason).toBe(
      'the document holds no text',
    );
  });
});

describe('readSourceFile on .docx', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'policygraph-docx-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a Word report from disk', async () => {
    const file = path.join(dir, '2023', '教育工作总结.docx');
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, await buildDocx(PARAS));
    const src = await readSourceFile(file, dir);
    expect(src.id).toBe('2023/教育工作总结');
    expect(src.text).toBe(PARAS.join('\n'));
    expect(src.warnings).toEqual([]);
  });
});
