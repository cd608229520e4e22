/** Enough of a document to tell XML from JSON from text. */
const HEAD_BYTES = 2048;

/**
 * Reads the first bytes of a chunked body (to sniff its syntax) without losing them: the returned chunks
 * yield what was read ahead, then the rest of the body.
 */
export async function peekHead(body: AsyncIterable<Buffer>): Promise<{ head: string; chunks: AsyncIterable<Buffer> }> {
  const it = body[Symbol.asyncIterator]();
  const ahead: Buffer[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES) {
    const next = await it.next();
    if (next.done) { done = true; break; }
    ahead.push(next.value);
    size += next.value.length;
  }
  const head = Buffer.concat(ahead).subarray(0, HEAD_BYTES).toString('utf8');
  async function* chunks(): AsyncGenerator<Buffer> {
    try {
      yield* ahead.splice(0);
      if (done) return;
      for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
    } finally {
      await it.return?.();
    }
  }
  return { head, chunks: chunks() };
}
