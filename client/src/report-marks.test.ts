import { describe, expect, it } from 'vitest';
import { markSentence } from './report-marks';

const m = (entityId: string, start: number, end: number) => ({
  entityId,
  kind: entityId.split(':')[0]!,
  name: entityId.split(':')[1]!,
  surface: '',
  start,
  end,
});

describe('marking mentions in a report sentence', () => {
  // Offsets are report offsets; this sentence starts at 100.
  const text = '认真落实《关于控辍保学的通知》要求';
  const doc = m('DOCUMENT:《关于控辍保学的通知》', 104, 115);
  const policy = m('POLICY:控辍保学', 107, 111);

  it('marks the outer mention when nothing is cited', () => {
    const pieces = markSentence(text, 100, [policy, doc], null, null);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.mention).map((p) => p.text)).toEqual(['《关于控辍保学的通知》']);
  });

  it('the cited mention wins over one that contains it', () => {
    const pieces = markSentence(text, 100, [doc, policy], 107, 'POLICY:控辍保学');
    expect(pieces.map((p) => p.text).join('')).toBe(text);
    expect(pieces.filter((p) => p.target).map((p) => p.text)).toEqual(['控辍保学']);
  });
});
