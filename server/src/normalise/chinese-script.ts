import * as OpenCC from 'opencc-js/t2cn';
import { mapCodePoints, type MappedText } from './mapped-text.js';

// Hong Kong/Taiwan/generic traditional all go through the same table to mainland simplified.
const toSimplified = OpenCC.Converter({ from: 't', to: 'cn' });

/**
 * Traditional -> simplified. Phrase-level conversion when it keeps the length (the
 * usual case, so the offset map stays character-exact), else per character.
 */
export function traditionalToSimplified(m: MappedText): MappedText {
  const converted = toSimplified(m.text);
  if (converted.length === m.text.length) {
    return { text: converted, starts: m.starts, ends: m.ends };
  }
  return mapCodePoints(m, (cp) => toSimplified(cp));
}
