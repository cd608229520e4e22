import type { FastifyReply, FastifyRequest } from 'fastify';

/** Sets an RFC 8288 `Link` header (first, prev, next, last) and the total count header for a paged listing. */
export function setPagingHeaders(request: FastifyRequest, reply: FastifyReply, page: number, pageSize: number, total: number): void {
  const last = Math.max(1, Math.ceil(total / pageSize));
  const url = new URL(request.url, 'http://localhost');
  const link = (p: number, rel: string) => {
    url.searchParams.set('page', String(p));
    url.searchParams.set('pageSize', String(pageSize));
    return `<${url.pathname}${url.search}>; rel="${rel}"`;
  };
  const links = [link(1, 'first')];
  if (page > 1) links.push(link(Math.min(page - 1, last), 'prev'));
  if (page < last) links.push(link(page + 1, 'next'));
  links.push(link(last, 'last'));
  reply.header('link', links.join(', ')).header('x-total-count', String(total));
}
