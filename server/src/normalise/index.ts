import { dropBoilerplateLines, type DroppedLine } from './boilerplate.js';
import { traditionalToSimplified } from './chinese-script.js';
import { changedChars, fromOriginal, type MappedText } from './mapped-text.js';
import { closeQuotesBeforeConjunction, dropPageLines, restoreTitleMarks } from './repairs.js';
import { collapseRepeatedYears, nfkc, normaliseNewlines, stripPinyinAnnotations, tidySpaces } from './rules.js';

export * from './mapped-text.js';
export { boilerplateReason, type DroppedLine } from './boilerplate.js';
export { findPlaceholders, type Placeholder } from './repairs.js';

export interface NormalisedText {
  original: string;
  clean: MappedText;
  dropped: DroppedLine[];
  /** How often each rule changed the text: which repairs a file needed. */
  fired: Record<string, number>;
}

/** The full normalisation chain; order matters (pinyin glosses go before t->s). */
export function normalise(original: string): NormalisedText {
  const fired: Record<string, number> = {};
  const tally = (rule: string) => (n: number) => {
    if (n > 0) fired[rule] = (fired[rule] ?? 0) + n;
  };
  let m = normaliseNewlines(fromOriginal(original));
  const beforeNfkc = m;
  m = nfkc(m);
  tally('nfkc (characters)')(changedChars(beforeNfkc, m));
  m = stripPinyinAnnotations(m, tally('pinyin glosses removed'));
  const beforeT2s = m;
  m = traditionalToSimplified(m);
  tally('traditional→simplified (characters)')(changedChars(beforeT2s, m));
  m = collapseRepeatedYears(m, tally('repeated years collapsed'));
  const { text, dropped } = dropBoilerplateLines(m);
  for (const d of dropped) tally(`chrome dropped: ${d.reason.replace(/ ".*$/u, '')}`)(1);
  m = tidySpaces(text);
  m = dropPageLines(m, tally('page lines dropped'));
  m = restoreTitleMarks(m, tally('?…? restored to 《…》'));
  m = closeQuotesBeforeConjunction(m, tally('lost closing quote restored'));
  return { original, clean: m, dropped, fired };
}
