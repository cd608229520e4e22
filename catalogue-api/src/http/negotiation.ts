/** One media range of an Accept header. */
interface Range { type: string; q: number; order: number }

function parseAccept(accept: string): Range[] {
  return accept.split(',').map((part, order) => {
    const [type = '', ...params] = part.trim().split(';').map((s) => s.trim());
    const qParam = params.find((p) => p.toLowerCase().startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    return { type: type.toLowerCase(), q: Number.isFinite(q) ? q : 0, order };
  }).filter((r) => r.type.length > 0);
}

const specificity = (range: string) => (range === '*/*' ? 0 : range.endsWith('/*') ? 1 : 2);

/**
 * Picks the offered media type the client prefers most (highest q, then most specific range, then the
 * server's order). Returns the first offer when there is no Accept header, and null when nothing is acceptable.
 */
export function negotiate(accept: string | undefined, offers: readonly string[]): string | null {
  if (!accept || accept.trim() === '') return offers[0] ?? null;
  const ranges = parseAccept(accept);
  let best: { offer: string; q: number; spec: number; order: number; idx: number } | null = null;
  offers.forEach((offer, idx) => {
    const matching = ranges
      .filter((r) => r.type === offer || r.type === '*/*' || (r.type.endsWith('/*') && offer.startsWith(r.type.slice(0, -1))))
      .sort((a, b) => specificity(b.type) - specificity(a.type));
    const r = matching[0];
    if (!r || r.q <= 0) return;
    const cand = { offer, q: r.q, spec: specificity(r.type), order: r.order, idx };
    if (!best || cand.q > best.q || (cand.q === best.q && (cand.spec > best.spec || (cand.spec === best.spec && cand.order < best.order)))) best = cand;
  });
  return (best as { offer: string } | null)?.offer ?? null;
}
