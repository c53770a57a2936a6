import { dropBoilerplateLines, type DroppedLine } from './boilerplate.js';
import { traditionalToSimplified } from './chinese-script.js';
import { fromOriginal, type MappedText } from './mapped-text.js';
import { closeQuotesBeforeConjunction, restoreTitleMarks } from './repairs.js';
import { collapseRepeatedYears, nfkc, normaliseNewlines, stripPinyinAnnotations, tidySpaces } from './rules.js';

export * from './mapped-text.js';
export { boilerplateReason, type DroppedLine } from './boilerplate.js';
export { findPlaceholders, type Placeholder } from './repairs.js';

export interface NormalisedText {
  original: string;
  clean: MappedText;
  dropped: DroppedLine[];
}

/** The full normalisation chain; order matters (pinyin glosses go before t->s). */
export function normalise(original: string): NormalisedText {
  let m = fromOriginal(original);
  m = normaliseNewlines(m);
  m = nfkc(m);
  m = stripPinyinAnnotations(m);
  m = traditionalToSimplified(m);
  m = collapseRepeatedYears(m);
  const { text, dropped } = dropBoilerplateLines(m);
  m = tidySpaces(text);
  m = restoreTitleMarks(m);
  m = closeQuotesBeforeConjunction(m);
  return { original, clean: m, dropped };
}
