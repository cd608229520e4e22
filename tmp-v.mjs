import SHACLValidator from 'rdf-validate-shacl';
import { Parser, Store } from 'n3';
import { readFileSync, readdirSync } from 'node:fs';
const shapes = new Store(new Parser().parse(readFileSync('/work/shared/reference/shapes/dcat-ap-nl-3.0.0/dcat-ap-nl-SHACL.ttl', 'utf8')));
const v = new SHACLValidator(shapes);
for (const f of ['geonovum-dcat-ap-nl-example.ttl'].filter(f => f.endsWith('.ttl'))) {
  const quads = new Parser({ baseIRI: 'http://x/' }).parse(readFileSync('/work/shared/reference/samples/' + f, 'utf8'));
  const r = await v.validate(new Store(quads));
  const res = r.results;
  console.log(f, r.conforms, res.length);
  for (const x of res.slice(0, 10)) console.log('  ', x.severity?.value.split('#')[1], x.focusNode?.value, x.path?.value, x.message?.[0]?.value);
}
