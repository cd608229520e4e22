import { Readable } from 'node:stream';
import type { ReadableStream } from 'node:stream/web';
import type { Quad } from '@rdfjs/types';
import { StreamParser } from 'n3';

/** Parses an N-Triples response body as it arrives: a large graph is never held as one string. */
export function parseNTriplesStream(body: ReadableStream<Uint8Array>): Promise<Quad[]> {
  const quads: Quad[] = [];
  const parser = new StreamParser({ format: 'N-Triples' });
  return new Promise<Quad[]>((resolve, reject) => {
    Readable.fromWeb(body).on('error', reject).pipe(parser)
      .on('data', (q: Quad) => quads.push(q)).on('error', reject).on('end', () => resolve(quads));
  });
}
