import { createRequire } from 'node:module';
import { textLines } from './lines.js';
import { keepRanges, type MappedText } from './mapped-text.js';

interface SitePhrases {
  maxLineLength: number;
  maxMultiPhraseLineLength: number;
  footerShare: number;
  footerMaxLineLength: number;
  phrases: string[];
  metadataLinePatterns: string[];
}

const require = createRequire(import.meta.url);
const data = require('../../data/site-phrases.json') as SitePhrases;
const metadataPatterns = data.metadataLinePatterns.map((p) => new RegExp(p));

/** Why a line is chrome, or null when it is report text. */
export function boilerplateReason(line: string): string | null {
  const t = line.trim();
  if (t === '') return null;
  for (const re of metadataPatterns) if (re.test(t)) return 'metadata';
  const compact = t.replace(/\s+/g, '');
  const hits = data.phrases.filter((p) => compact.includes(p));
  if (hits.length >= 1 && t.length <= data.maxLineLength) return `site phrase "${hits[0]}"`;
  if (hits.length >= 2 && t.length <= data.maxMultiPhraseLineLength)
    return `site phrases "${hits.slice(0, 2).join('", "')}"`;
  return null;
}

export interface DroppedLine {
  text: string;
  reason: string;
}

const DATE_STAMP = /(?:19|20)\d{2}-\d{1,2}-\d{1,2}/g;

/**
 * A related-links list glued before the text (several date stamps, then a
 * 【label】): the text starts after the last stamp and label.
 */
export function linkListPrefixEnd(line: string): number {
  const stamps = [...line.matchAll(DATE_STAMP)];
  if (stamps.length < 3) return 0;
  const last = stamps[stamps.length - 1]!;
  let end = (last.index ?? 0) + last[0].length;
  const label = /^\s*【[^】]{0,20}】\s*/u.exec(line.slice(end));
  if (label) end += label[0].length;
  return line.slice(end).trim().length >= 10 ? end : line.length;
}

/** Footer lines read as chrome: list items, or no sentence punctuation at all. */
const FOOTER_SHAPE = /^-\s|^[^。,;、]*$/u;

const compactOf = (s: string) => s.replace(/\s+/g, '');

/**
 * Removes site chrome by general signals: chrome phrases and metadata shapes,
 * link lists glued before text, blocks repeating earlier text (duplicated
 * abstracts), and the short lines of a footer. Newlines are kept so paragraph
 * structure survives.
 */
export function dropBoilerplateLines(m: MappedText): { text: MappedText; dropped: DroppedLine[] } {
  const lines = textLines(m.text);
  const keep: Array<[number, number]> = [];
  const dropped: DroppedLine[] = [];
  const drop = (text: string, reason: string) => dropped.push({ text: text.trim(), reason });
  let seen = '';
  let inFooter = false;
  const footerStart = m.text.length * (1 - data.footerShare);

  for (const line of lines) {
    const t = line.text.trim();
    // A related-links list glued before the text goes first; the rest is judged on its own.
    const cut = t === '' ? 0 : linkListPrefixEnd(line.text);
    const from = line.from + Math.min(cut, line.text.length);
    const rest = m.text.slice(from, line.to);
    if (cut > 0) drop(line.text.slice(0, cut), 'link list');
    const reason = rest.trim() === '' ? null : boilerplateReason(rest);
    if (t === '' || rest.trim() === '') {
      // Blank lines carry paragraph structure only.
    } else if (reason) {
      drop(rest, reason);
      if (line.from >= footerStart) inFooter = true;
    } else if (inFooter && rest.trim().length <= data.footerMaxLineLength && FOOTER_SHAPE.test(rest.trim())) {
      drop(rest, 'footer');
    } else {
      inFooter = false;
      const body = compactOf(rest);
      // A long line whose opening already appeared is a repeated block (e.g. an abstract).
      if (body.length >= 40 && seen.includes(body.slice(0, 40))) {
        drop(rest, 'repeats earlier text');
      } else {
        keep.push([from, line.to]);
        seen += body;
      }
    }
    if (line.to < m.text.length) keep.push([line.to, line.to + 1]);
  }
  return { text: keepRanges(m, keep), dropped };
}
