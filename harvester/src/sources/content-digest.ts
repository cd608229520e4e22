import { createHash, type Hash } from 'node:crypto';

/**
 * A running SHA-256 of every byte a source read, all pages or files in order: equal digests mean the source
 * served exactly what it served last time, even when it sends no ETag or Last-Modified.
 */
export class ContentDigest {
  private readonly hash: Hash = createHash('sha256');

  update(chunk: Buffer | string): void {
    this.hash.update(chunk);
  }

  /** Passes chunks through, adding each to the digest. */
  async *tap(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    for await (const chunk of chunks) {
      this.hash.update(chunk);
      yield chunk;
    }
  }

  digest(): string {
    return this.hash.digest('base64url');
  }
}
