import iconv from 'iconv-lite';
import jschardet from 'jschardet';
import { InputError, type Extracted } from './input-error.js';
import { binaryKind } from './magic.js';

export interface DecodedText extends Extracted {
  /** The encoding the text was read with (iconv-lite / WHATWG name). */
  encoding: string;
}

/** Share of broken characters (U+FFFD, control codes) above which a decode is refused. */
const MAX_BROKEN = 0.02;
/** Well-formed non-ASCII characters needed per invalid sequence for a file to count as (damaged) UTF-8. */
const UTF8_GOOD_PER_BAD = 20;
/** Up to this many non-ASCII characters, legacy-encoded text may be valid UTF-8 by chance. */
const MAX_CHANCE_UTF8 = 16;
/** Share of unusual characters above which NUL-bearing bytes are not taken for BOM-less UTF-16. */
const MAX_UTF16_ODD = 0.1;
/** Detector confidence below which the choice is reported as a guess. */
const MIN_CONFIDENCE = 0.8;
/** Detection looks at the head of the file: plenty for a verdict, and cheap on 50 MB. */
const SAMPLE_BYTES = 64 * 1024;

/** Labels (jschardet's, or declared by a page) mapped to the decoder used; GBK and GB2312 are subsets of GB18030. */
const ALIASES: Record<string, string> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  'windows-936': 'gb18030',
  gb18030: 'gb18030',
  big5: 'big5',
  'cn-big5': 'big5',
  'x-x-big5': 'big5',
  'big5-hkscs': 'big5hkscs',
  utf8: 'utf-8',
  'utf-8': 'utf-8',
};

/** The decoder for a charset label, or undefined when unknown (or UTF-16/32, which needs NUL bytes we already ruled out). */
export function decoderFor(label: string): string | undefined {
  const l = label.trim().toLowerCase();
  if (/^(utf-?16|utf-?32|ucs-?2|unicode)/.test(l)) return undefined;
  return ALIASES[l] ?? (iconv.encodingExists(l) ? l : undefined);
}

const CHINESE = new Set(['gb18030', 'big5', 'big5hkscs']);

const LABELS: Record<string, string> = { big5: 'Big5', big5hkscs: 'Big5-HKSCS' };
const label = (encoding: string) => LABELS[encoding] ?? encoding.toUpperCase();

/** Non-fatal decode: bad sequences become U+FFFD, which `assess` counts. A leading BOM is dropped. */
function decodeAs(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    return new TextDecoder(encoding).decode(bytes);
  }
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

interface Quality {
  chars: number;
  /** U+FFFD and control codes other than tab, newlines, form feed. */
  broken: number;
  /** Characters a Chinese report rarely holds: kana, Cyrillic, box drawing, private use, rare ideographs… */
  odd: number;
}

const isBroken = (c: number) => c <= 0x08 || (c >= 0x0e && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || c === 0xfffd;

// What a Chinese report is made of: ASCII, Latin-1 signs, general punctuation and symbols (℃ ① ■ ★),
// CJK punctuation, common ideographs, full-width forms. Used to rank candidate decodings, not to refuse them.
const isUsual = (c: number) =>
  (c >= 0x09 && c <= 0x0d) ||
  (c >= 0x20 && c <= 0x7e) ||
  (c >= 0xa0 && c <= 0xff) ||
  (c >= 0x2000 && c <= 0x22ff) ||
  (c >= 0x2460 && c <= 0x24ff) ||
  (c >= 0x25a0 && c <= 0x26ff) ||
  (c >= 0x3000 && c <= 0x303f) ||
  (c >= 0x4e00 && c <= 0x9fff) ||
  (c >= 0xfe10 && c <= 0xfe1f) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xffef) ||
  c === 0xfeff;

function assess(text: string): Quality {
  let broken = 0;
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isBroken(c)) broken++;
    else if (!isUsual(c)) odd++;
  }
  return { chars: text.length, broken, odd };
}

function countMultibyte(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f && c !== 0xfffd) n++;
  }
  return n;
}

const brokenShare = (q: Quality) => (q.chars ? q.broken / q.chars : 0);
const oddShare = (q: Quality) => (q.chars ? (q.broken + q.odd) / q.chars : 0);

/** Takes a decode if it is plausible, saying so when some bytes did not decode. */
function accept(file: string, encoding: string, text: string, warnings: string[], failure: string): DecodedText {
  const q = assess(text);
  if (brokenShare(q) > MAX_BROKEN) {
    throw new InputError(
      file,
      `${failure}: ${(brokenShare(q) * 100).toFixed(1)}% of the characters are undecodable or control codes`,
    );
  }
  if (q.broken > 0) {
    warnings.push(`${file}: ${q.broken} character(s) could not be decoded as ${label(encoding)} or are control codes`);
  }
  return { text, encoding, warnings };
}

function bomEncoding(buf: Uint8Array): string | undefined {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return 'utf-8';
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  return undefined;
}

function strictUtf8(buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

/**
 * BOM-less UTF-16: NUL bytes come from ASCII (and from ideographs like 一 = U+4E00), so
 * both byte orders are tried and the one that reads like a report wins. Binary data
 * decodes to control codes and scattered rare characters and is refused.
 */
function sniffUtf16(file: string, buf: Uint8Array): DecodedText | undefined {
  if (buf.length % 2 !== 0) return undefined;
  const sample = buf.subarray(0, SAMPLE_BYTES);
  const [best, other] = (['utf-16le', 'utf-16be'] as const)
    .map((encoding) => ({ encoding, q: assess(decodeAs(encoding, sample)) }))
    .sort((a, b) => oddShare(a.q) - oddShare(b.q));
  if (!best || !other || oddShare(best.q) > MAX_UTF16_ODD) return undefined;
  const warnings =
    oddShare(other.q) <= MAX_UTF16_ODD
      ? [`${file}: UTF-16 without byte-order mark, byte order unclear; read as ${label(best.encoding)}`]
      : [];
  return accept(file, best.encoding, decodeAs(best.encoding, buf), warnings, `not readable as ${label(best.encoding)}`);
}

const sampleOf = (buf: Uint8Array) => Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, SAMPLE_BYTES));

/** The detector's view on GB18030 vs Big5, and the decoded text when it is confident and the decode is clean. */
function detectChinese(buf: Uint8Array) {
  const [top] = jschardet.detectAll(sampleOf(buf), { detectEncodings: ['GB2312', 'Big5'], minimumThreshold: 0 });
  const topEncoding = top?.encoding ? decoderFor(top.encoding) : undefined;
  if (top && topEncoding && top.confidence >= MIN_CONFIDENCE) {
    const text = decodeAs(topEncoding, buf);
    if (brokenShare(assess(text)) <= MAX_BROKEN) return { top, topEncoding, text };
  }
  return { top, topEncoding, text: undefined };
}

/**
 * Legacy Chinese encodings. The detector is asked about GB18030 and Big5 only: on short
 * Chinese samples an open detector confidently names KOI8-R or windows-1252. When it has
 * no confident verdict (short or mixed text), the candidates are ranked by how much the
 * decoded text reads like a report, GB18030 first on ties (mainland reports), and the
 * choice is reported as a guess.
 */
function detectLegacy(file: string, buf: Uint8Array, warnings: string[]): DecodedText {
  const sample = sampleOf(buf);
  const { top, topEncoding, text } = detectChinese(buf);
  if (topEncoding && text !== undefined) {
    return accept(file, topEncoding, text, warnings, `not readable as ${label(topEncoding)}`);
  }
  // The open detector may still recognise a non-Chinese file; it only wins if no Chinese decode is clean.
  const general = jschardet.detect(sample);
  const generalEncoding =
    general.encoding && general.confidence >= MIN_CONFIDENCE ? decoderFor(general.encoding) : undefined;
  const candidates = [...new Set([topEncoding, 'gb18030', 'big5', generalEncoding])].filter(
    (e): e is string => e !== undefined,
  );
  const [best] = candidates
    .map((encoding) => ({ encoding, q: assess(decodeAs(encoding, sample)) }))
    .filter((c) => brokenShare(c.q) <= MAX_BROKEN)
    .sort((a, b) => oddShare(a.q) - oddShare(b.q)); // stable: ties keep the order above
  if (!best) {
    throw new InputError(
      file,
      'not readable as text: not UTF-8, and neither GB18030 nor Big5 decodes it without many broken characters' +
        (general.encoding ? ` (detector guess: ${general.encoding})` : '') +
        '; if it is text, save it as UTF-8',
    );
  }
  // A non-Chinese single-byte decode always "succeeds"; with no Han characters and mostly accented
  // symbols it is bytes, not a report.
  if (!CHINESE.has(best.encoding)) {
    const t = decodeAs(best.encoding, sample);
    const han = (t.match(/\p{Script=Han}/gu) ?? []).length;
    if (han === 0 && countMultibyte(t) > t.length * 0.3) {
      throw new InputError(
        file,
        `not readable as text: not UTF-8, GB18030 or Big5, and as ${label(best.encoding)} it is mostly symbols; if it is text, save it as UTF-8`,
      );
    }
  }
  const verdict = top?.encoding ? `${top.encoding} at confidence ${top.confidence.toFixed(2)}` : 'no verdict';
  warnings.push(
    `${file}: text encoding uncertain (detector: ${verdict}); read as ${label(best.encoding)}. ` +
      'Check the text, or save the file as UTF-8',
  );
  return accept(file, best.encoding, decodeAs(best.encoding, buf), warnings, `not readable as ${label(best.encoding)}`);
}

/**
 * Bytes to text for plain-text formats: BOM, then BOM-less UTF-16, then UTF-8 (strict, or with
 * a few damaged bytes), then a charset the document declares (HTML), then detection. Pure;
 * every doubt becomes a warning naming the file, every impossibility an InputError.
 */
export function decodeText(file: string, buf: Uint8Array, declared?: string): DecodedText {
  const kind = binaryKind(buf);
  if (kind) throw new InputError(file, `binary content (${kind}), not a text report`);

  const bom = bomEncoding(buf);
  if (bom) return accept(file, bom, decodeAs(bom, buf), [], `not valid ${label(bom)} despite its byte-order mark`);

  if (buf.subarray(0, SAMPLE_BYTES).includes(0)) {
    const utf16 = sniffUtf16(file, buf);
    if (utf16) return utf16;
    throw new InputError(file, 'binary content (NUL bytes), not a text report');
  }

  const utf8 = strictUtf8(buf);
  if (utf8 !== undefined) {
    const warnings: string[] = [];
    if (mayBeMisreadUtf8(utf8) && decoderFor(declared ?? '') !== 'utf-8') {
      const legacy = tryLegacy(file, buf, declared);
      if (legacy && oddShare(assess(legacy.text)) < oddShare(assess(utf8))) {
        const preview = utf8.trim().slice(0, 20);
        legacy.warnings.unshift(
          `${file}: valid UTF-8, but as UTF-8 it reads "${preview}"; read as ${label(legacy.encoding)} instead`,
        );
        return legacy;
      }
    }
    // Valid UTF-8 with non-ASCII content does not happen by chance: the bytes beat a stale declaration.
    // (Fewer UTF-16 units than bytes means some character took several bytes: not pure ASCII.)
    if (declared && decoderFor(declared) !== 'utf-8' && utf8.length < buf.length) {
      warnings.push(`${file}: declares charset ${declared} but the bytes are valid UTF-8; read as UTF-8`);
    }
    return accept(file, 'utf-8', utf8, warnings, 'binary content (control characters), not a text report');
  }

  // UTF-8 with a stray bad byte (a truncated or patched file) is still UTF-8: legacy encodings
  // read as UTF-8 break on most of their non-ASCII characters, not on a handful.
  const lenient = decodeAs('utf-8', buf);
  const broken = assess(lenient).broken;
  if (broken * UTF8_GOOD_PER_BAD <= countMultibyte(lenient)) {
    return accept(file, 'utf-8', lenient, [], 'not readable as UTF-8');
  }
  return declaredOrDetected(file, buf, declared);
}

/** A declared charset if it fits the bytes, else detection. */
function declaredOrDetected(file: string, buf: Uint8Array, declared: string | undefined): DecodedText {
  const warnings: string[] = [];
  if (declared) {
    const encoding = decoderFor(declared);
    if (encoding) {
      // Old Chinese sites often declare iso-8859-1 or windows-1252 over GBK text: every byte
      // "decodes", so a confident Chinese verdict has to overrule such a declaration.
      if (!CHINESE.has(encoding)) {
        const chinese = detectChinese(buf);
        if (chinese.topEncoding && chinese.text !== undefined) {
          const name = label(chinese.topEncoding);
          warnings.push(`${file}: declares charset ${declared} but the bytes are ${name} text; read as ${name}`);
          return accept(file, chinese.topEncoding, chinese.text, warnings, `not readable as ${name}`);
        }
      }
      const text = decodeAs(encoding, buf);
      if (brokenShare(assess(text)) <= MAX_BROKEN) {
        return accept(file, encoding, text, warnings, `not readable as ${label(encoding)}`);
      }
      warnings.push(`${file}: declared charset ${declared} does not fit the bytes; detecting the encoding instead`);
    } else {
      warnings.push(`${file}: unsupported charset "${declared}" declared; detecting the encoding instead`);
    }
  }
  return detectLegacy(file, buf, warnings);
}

function tryLegacy(file: string, buf: Uint8Array, declared: string | undefined): DecodedText | undefined {
  try {
    return declaredOrDetected(file, buf, declared);
  } catch {
    return undefined;
  }
}

/**
 * A few GBK characters can form valid UTF-8 by chance (学校 = D1A7 D0A3 = "ѧУ"); with more
 * than a handful of characters the chance vanishes. So only short non-ASCII content that
 * reads mostly as unusual characters (Cyrillic, Greek…) is put to the legacy decoders.
 */
function mayBeMisreadUtf8(text: string): boolean {
  const multibyte = countMultibyte(text);
  return multibyte > 0 && multibyte <= MAX_CHANCE_UTF8 && assess(text).odd * 2 > multibyte;
}
