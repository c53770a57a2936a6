import { createRequire } from 'node:module';
import { keepRanges, type MappedText } from './mapped-text.js';

interface SitePhrases {
  maxLineLength: number;
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
  if (t.length <= data.maxLineLength) {
    const hit = data.phrases.find((p) => t.includes(p));
    if (hit) return `site phrase "${hit}"`;
  }
  return null;
}

export interface DroppedLine {
  text: string;
  reason: string;
}

/** Removes chrome lines; keeps their newline so paragraph structure survives. */
export function dropBoilerplateLines(m: MappedText): { text: MappedText; dropped: DroppedLine[] } {
  const keep: Array<[number, number]> = [];
  const dropped: DroppedLine[] = [];
  let pos = 0;
  while (pos <= m.text.length) {
    const nl = m.text.indexOf('\n', pos);
    const end = nl === -1 ? m.text.length : nl;
    const line = m.text.slice(pos, end);
    const reason = boilerplateReason(line);
    if (reason) dropped.push({ text: line.trim(), reason });
    else keep.push([pos, end]);
    if (nl !== -1) keep.push([nl, nl + 1]);
    if (nl === -1) break;
    pos = nl + 1;
  }
  return { text: keepRanges(m, keep), dropped };
}
