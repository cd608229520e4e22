/**
 * A cut answer says so where clients read: SPARQL results carry a link to the endpoint's description of its cap
 * (JSON `head.link`, XML `<link>`), RDF text formats a comment at the top, RDF/XML an XML comment. CSV, TSV and
 * JSON-LD have no place for it: the `Fedcat-Truncated` header is all they get.
 */
export function withTruncationNote(body: string, mediaType: string, cap: number, link: string): string {
  const words = `fedcat: answer cut at ${cap} (the endpoint's result cap); add LIMIT/OFFSET to page, see <${link}>`;
  switch (mediaType) {
    case 'application/sparql-results+json': {
      if (body.startsWith('{"head":{')) return `{"head":{"link":${JSON.stringify([link])},${body.slice('{"head":{'.length)}`;
      const json = JSON.parse(body) as { head?: { link?: string[] } };
      return JSON.stringify({ ...json, head: { ...json.head, link: [...(json.head?.link ?? []), link] } });
    }
    case 'application/sparql-results+xml': {
      const at = body.indexOf('</head>');
      return at < 0 ? body : `${body.slice(0, at)}<link href="${link.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"/>${body.slice(at)}`;
    }
    case 'text/turtle': case 'application/n-triples': case 'application/n-quads': case 'application/trig': case 'text/n3':
      return `# ${words}\n${body}`;
    case 'application/rdf+xml': {
      const comment = `<!-- ${words.replace(/--/g, '- -')} -->\n`;
      const decl = /^<\?xml[^>]*\?>\s*/.exec(body);
      return decl ? `${decl[0]}${comment}${body.slice(decl[0].length)}` : `${comment}${body}`;
    }
    default:
      return body;
  }
}
