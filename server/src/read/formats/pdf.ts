import { createRequire } from 'node:module';
import path from 'node:path';
import { extractText, getDocumentProxy, getResolvedPDFJS } from 'unpdf';
import { InputError, type Extracted } from '../input-error.js';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]?.trim() || 'unknown error';

interface PdfjsData {
  cMapUrl: string;
  cMapPacked: true;
  standardFontDataUrl: string;
}
let pdfjsData: PdfjsData | null | undefined;

/**
 * pdf.js's predefined CMaps (`cmaps/*.bcmap`) and standard-font data from the local `pdfjs-dist`
 * package, as directory paths, or null if it is not installed. Without the CMaps, text in
 * non-embedded CJK fonts such as /STSong-Light with /UniGB-UCS2-H or /GBK-EUC-H, common in
 * government reports, cannot be mapped to Unicode. Nothing is fetched over the network.
 *
 * Plain paths, not file:// URLs: in Node, pdf.js reads these with fs.readFile(`${dir}${name}`),
 * which would take a file:// string for a relative path (unpdf's own default is such a URL, and fails).
 * The trailing '/' is required by pdf.js and is a valid separator on Windows too.
 */
function localPdfjsData(): PdfjsData | null {
  if (pdfjsData === undefined) {
    try {
      const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
      pdfjsData = {
        cMapUrl: `${path.join(root, 'cmaps')}/`,
        cMapPacked: true,
        standardFontDataUrl: `${path.join(root, 'standard_fonts')}/`,
      };
    } catch {
      pdfjsData = null;
    }
  }
  return pdfjsData;
}

/**
 * Whether a page draws text at all. An empty extraction from a page that does means fonts
 * without a Unicode mapping (no ToUnicode map and an encoding pdf.js does not know), not a
 * scan; the user should hear which.
 */
async function drawsText(pdf: PdfDocument, pageNumber: number): Promise<boolean> {
  const { OPS } = await getResolvedPDFJS();
  const textOps = new Set([OPS.showText, OPS.showSpacedText, OPS.nextLineShowText, OPS.nextLineSetSpacingShowText]);
  const { fnArray } = await (await pdf.getPage(pageNumber)).getOperatorList();
  return fnArray.some((op) => textOps.has(op));
}

/** `.pdf`: the text layer, pages joined by newlines. Pages without text are reported, never silently dropped. */
export async function extractPdf(file: string, buf: Uint8Array): Promise<Extracted> {
  // The header may follow a little junk (readers allow it), but it must be there.
  const head = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.byteLength, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) throw new InputError(file, 'not a valid PDF (no %PDF- header)');
  let pdf: PdfDocument;
  try {
    // A copy: pdf.js may transfer (detach) the buffer it is given. verbosity 0 keeps its warnings off stdout.
    pdf = await getDocumentProxy(new Uint8Array(buf), { verbosity: 0, ...localPdfjsData() });
  } catch (e) {
    if (e instanceof Error && e.name === 'PasswordException') {
      throw new InputError(file, 'encrypted PDF (a password is needed to open it)');
    }
    throw new InputError(file, `not a valid PDF (${message(e)})`);
  }
  try {
    let pages: string[];
    try {
      pages = (await extractText(pdf, { mergePages: false })).text.map((p) => p.trim());
    } catch (e) {
      throw new InputError(file, `not a valid PDF (${message(e)})`);
    }
    const empty = pages.flatMap((p, i) => (p ? [] : [i + 1]));
    const unmapped: number[] = [];
    for (const n of empty) if (await drawsText(pdf, n).catch(() => false)) unmapped.push(n);
    const scanned = empty.filter((n) => !unmapped.includes(n));
    if (empty.length === pages.length) {
      throw new InputError(
        file,
        unmapped.length
          ? `its text cannot be mapped to Unicode (${
              localPdfjsData()
                ? 'fonts without a ToUnicode map, in an encoding pdf.js does not know'
                : 'fonts without a ToUnicode map; the CMap data of the pdfjs-dist package is not installed'
            })`
          : 'no text layer (scanned PDF?)',
      );
    }
    const warnings: string[] = [];
    if (scanned.length) {
      warnings.push(
        `${file}: page(s) ${scanned.join(', ')} of ${pages.length} have no text layer (scanned?); their text is missing`,
      );
    }
    if (unmapped.length) {
      warnings.push(
        `${file}: page(s) ${unmapped.join(', ')} of ${pages.length} draw text that cannot be mapped to Unicode; their text is missing`,
      );
    }
    return { text: pages.filter(Boolean).join('\n'), warnings };
  } finally {
    await pdf.loadingTask.destroy();
  }
}
