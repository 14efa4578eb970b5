// NOTE: an island (scripts/build.mjs): built on its own into dist/islands/, with pdfjs-dist
// loaded from node_modules, so the PDF library is read only when a PDF is. It throws nothing
// a delegate should see: it says what it found, and readMotionFile words the message.
import { layOutPages, type LaidOutText, type PdfPage } from './pdfLayout.js';

export type PdfResult = ({ ok: true } & LaidOutText) | { ok: false; problem: 'no-text' | 'password' | 'damaged'; detail: string };

interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}

/** The text of a PDF, laid out as a reader sees it (pdfLayout.ts), or what stops it being read. */
export async function pdfText(bytes: Uint8Array): Promise<PdfResult> {
  // The minified builds: about 20% less to parse than pdf.mjs and pdf.worker.mjs (the same
  // code). The worker runs in this thread, as pdfjs does in Node; loaded here, pdfjs takes it
  // from globalThis rather than importing the unminified one.
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.min.mjs' as string)) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  const worker = globalThis as { pdfjsWorker?: unknown };
  worker.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.min.mjs' as string);
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      data: bytes,
      verbosity: 0,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
    }).promise;
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'PasswordException') return { ok: false, problem: 'password', detail: (error as Error).message };
    return { ok: false, problem: 'damaged', detail: (error as Error).message };
  }
  try {
    const pages: PdfPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      // The page's box may not start at 0, 0: positions are made relative to its corner.
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const items = (content.items as TextItemLike[])
        .filter((i) => typeof i.str === 'string' && i.str !== '' && Array.isArray(i.transform))
        .map((i) => {
          const [a, b, , , x, y] = i.transform as number[];
          return { text: i.str!, x: x! - x0, y: y! - y0, width: i.width ?? 0, size: Math.hypot(a!, b!) || 10, font: i.fontName ?? '' };
        });
      pages.push({ width: x1 - x0, height: y1 - y0, items });
      page.cleanup();
    }
    if (pages.every((p) => p.items.every((i) => i.text.trim() === ''))) return { ok: false, problem: 'no-text', detail: `${pages.length} page(s)` };
    return { ok: true, ...layOutPages(pages) };
  } catch (error) {
    return { ok: false, problem: 'damaged', detail: (error as Error).message };
  } finally {
    await doc.destroy();
  }
}
