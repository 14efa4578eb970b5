// NOTE: an island (scripts/build.mjs): built on its own into dist/islands/, with mammoth loaded
// from node_modules, so the Word library is read only when a Word document is. It throws nothing
// a delegate should see: it says what it found, and readMotionFile words the message.
import { wordHtmlToText } from './wordHtml.js';

export type DocxResult = { ok: true; text: string } | { ok: false; problem: 'not-word' | 'damaged'; detail: string };

/** The text of a .docx, headings and numbered and bulleted lists kept (wordHtml.ts). */
export async function docxText(bytes: Uint8Array): Promise<DocxResult> {
  const mammoth = (await import('mammoth')).default;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        // pictures have no words to read
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      },
    );
    return { ok: true, text: wordHtmlToText(result.value) };
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    if (/main document part/i.test(message)) return { ok: false, problem: 'not-word', detail: message };
    return { ok: false, problem: 'damaged', detail: message };
  }
}
