/**
 * Everything a stream gives until it ends (standard input, piped), as bytes. With `limit`,
 * reading stops with `limit.tooBig(size)` thrown as soon as more than `limit.bytes` have come.
 */
export async function readStream(stream: NodeJS.ReadableStream, limit?: { bytes: number; tooBig: (size: number) => Error }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // NOTE: a terminal's stdin paused after use (askBackground reads the terminal's answer, then
  // pauses it) is never restarted by the iterator alone, and Node would end with nothing read.
  stream.resume();
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buffer);
    size += buffer.length;
    if (limit && size > limit.bytes) throw limit.tooBig(size);
  }
  return Buffer.concat(chunks);
}
