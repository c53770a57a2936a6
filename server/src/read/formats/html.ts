import { HTMLElement, parse, TextNode, type Node } from 'node-html-parser';
import { decodeText } from '../decode.js';
import { InputError, type Extracted } from '../input-error.js';

/** How far into the file a charset declaration is looked for (pages often open with long comments). */
const CHARSET_SCAN_BYTES = 8192;

/** The charset a page declares: `<meta charset>`, `<meta http-equiv="Content-Type" content="…; charset=…">`, or an XML declaration. */
export function declaredCharset(buf: Uint8Array): string | undefined {
  // Latin-1 maps every byte to one character, so ASCII markup is found whatever the real encoding.
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, CHARSET_SCAN_BYTES)).toString('latin1');
  for (const [meta] of head.matchAll(/<meta\b[^>]*>/gi)) {
    const charset = /charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(meta)?.[1];
    if (charset) return charset;
  }
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)/i.exec(head)?.[1];
}

// Elements whose content is never report text: code, styling, site chrome, embedded objects.
const DROP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TITLE',
  'NAV',
  'HEADER',
  'FOOTER',
  'SVG',
  'IFRAME',
  'OBJECT',
]);
// Elements that start and end a line of text.
const BLOCK = new Set(
  (
    'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY BR CAPTION CENTER DD DIV DL DT FIELDSET FIGCAPTION FIGURE FORM ' +
    'H1 H2 H3 H4 H5 H6 HR HTML LI MAIN OL P PRE SECTION TABLE TBODY TFOOT THEAD TR UL'
  ).split(' '),
);
const CELL = new Set(['TD', 'TH']);

const LINE = 0; // a block boundary
const SPACE = 1; // collapsible white space
const SOURCE_BREAK = 2; // collapsible white space holding a newline in the source
type Piece = string | typeof LINE | typeof SPACE | typeof SOURCE_BREAK;

// East Asian wide characters: a source line break between two of them is not a space
// (CSS Text 3 segment-break rule), so `今年\n以来` stays `今年以来`.
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

function collect(node: Node, pre: boolean, out: Piece[]): void {
  if (node instanceof TextNode) {
    const text = node.text; // entities decoded
    if (text.startsWith('<![CDATA[')) return;
    if (pre) {
      text.split(/\r?\n/).forEach((part, i) => (i > 0 ? out.push(LINE, part) : out.push(part)));
      return;
    }
    for (const part of text.split(/([ \t\n\r\f]+)/)) {
      if (!part) continue;
      if (/^[ \t\n\r\f]+$/.test(part)) out.push(/[\n\r]/.test(part) ? SOURCE_BREAK : SPACE);
      else out.push(part);
    }
    return;
  }
  if (!(node instanceof HTMLElement)) return; // comments are not even parsed
  const tag = node.tagName ?? ''; // the root has no tag
  if (DROP.has(tag)) return;
  const edge = BLOCK.has(tag) ? LINE : CELL.has(tag) ? SPACE : undefined;
  if (edge !== undefined) out.push(edge);
  for (const child of node.childNodes) collect(child, pre || tag === 'PRE', out);
  if (edge !== undefined) out.push(edge);
}

/** Plain text of a page: one line per block, white space collapsed as a browser would, empty lines dropped. */
export function htmlToText(html: string): string {
  // Script/style content is skipped unparsed (it may hold `<`), comments are dropped; the parser
  // would keep a doctype or XML declaration as text.
  const markup = html.replace(/<!doctype[^>]*>|<\?xml[^>]*>/gi, '');
  const root = parse(markup, { comment: false, blockTextElements: { script: false, style: false, noscript: false } });
  const pieces: Piece[] = [];
  collect(root, false, pieces);
  const lines: string[] = [];
  let line = '';
  let pending: typeof SPACE | typeof SOURCE_BREAK | undefined;
  for (const p of pieces) {
    if (p === LINE) {
      lines.push(line);
      line = '';
      pending = undefined;
    } else if (p === SPACE || p === SOURCE_BREAK) {
      if (line) pending = pending === SPACE || p === SPACE ? SPACE : SOURCE_BREAK;
    } else {
      if (pending !== undefined && line) {
        const joinWide = pending === SOURCE_BREAK && WIDE.test(line.slice(-1)) && WIDE.test(p.charAt(0));
        if (!joinWide) line += ' ';
      }
      line += p;
      pending = undefined;
    }
  }
  lines.push(line);
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}

/** `.html`/`.htm`: declared charset (else detection), then the page's text. */
export function extractHtml(file: string, buf: Uint8Array): Extracted {
  const { text: html, warnings } = decodeText(file, buf, declaredCharset(buf));
  const text = htmlToText(html);
  if (!text) {
    throw new InputError(
      file,
      'the page holds no text once scripts, styles, navigation, header and footer are removed',
    );
  }
  return { text, warnings };
}
