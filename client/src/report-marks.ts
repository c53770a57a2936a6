import type { SentenceMention } from './api';

export interface TextPiece {
  text: string;
  mention: SentenceMention | null;
  target: boolean;
}

/**
 * Cuts a sentence into plain and marked pieces. Mentions may nest (a policy inside a document title): the
 * target mention wins, then longer ones, and any mention overlapping a chosen one is left unmarked.
 */
export function markSentence(
  text: string,
  sentenceStart: number,
  mentions: SentenceMention[],
  targetStart: number | null,
  targetEntity: string | null,
): TextPiece[] {
  const isTarget = (m: SentenceMention) =>
    targetStart !== null && m.start === targetStart && (targetEntity === null || m.entityId === targetEntity);
  const ranked = [...mentions].sort(
    (a, b) => Number(isTarget(b)) - Number(isTarget(a)) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const chosen: SentenceMention[] = [];
  for (const m of ranked) {
    const a = m.start - sentenceStart;
    const b = m.end - sentenceStart;
    if (a < 0 || b > text.length || a >= b) continue;
    if (chosen.some((c) => c.start < m.end && m.start < c.end)) continue;
    chosen.push(m);
  }
  chosen.sort((a, b) => a.start - b.start);
  const pieces: TextPiece[] = [];
  let pos = 0;
  for (const m of chosen) {
    const a = m.start - sentenceStart;
    if (a > pos) pieces.push({ text: text.slice(pos, a), mention: null, target: false });
    pieces.push({ text: text.slice(a, m.end - sentenceStart), mention: m, target: isTarget(m) });
    pos = m.end - sentenceStart;
  }
  if (pos < text.length) pieces.push({ text: text.slice(pos), mention: null, target: false });
  return pieces;
}
