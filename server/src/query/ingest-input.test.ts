import { describe, expect, it } from 'vitest';
import { idFromSourceName, idProblem, textProblem } from './ingest-input.js';

describe('ingestReport input checks', () => {
  it('accepts report text and refuses empty, binary and garbled text by name', () => {
    expect(textProblem('2023年教育工作总结\n一、基本情况\n全县共有学校52所。')).toBeNull();
    expect(textProblem('  \n ')).toMatch(/empty/);
    expect(textProblem('PK\u0003\u0004\u0000\u0000binary')).toMatch(/NUL/);
    expect(textProblem('\u0001\u0002\u0003\u0004\u0005abc')).toMatch(/control/);
    expect(textProblem('\uFFFD'.repeat(50) + '教育')).toMatch(/encoding/);
  });

  it('refuses ids that would break sentence ids, and derives ids like the file reader', () => {
    expect(idProblem('uploads/2023-xx县')).toBeNull();
    expect(idProblem('a#b')).toMatch(/#/);
    expect(idProblem(' ')).toMatch(/empty/);
    expect(idFromSourceName('C:\\reports\\将乐县2023年总结.docx')).toBe('将乐县2023年总结');
    expect(idFromSourceName('folder/报告.txt')).toBe('报告');
  });
});
