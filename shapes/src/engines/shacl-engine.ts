import type { DataFactory as RdfDataFactory, DatasetCore, DatasetCoreFactory, Quad } from '@rdfjs/types';
import { DataFactory, Store } from 'n3';
import { Validator } from 'shacl-engine';
import './shacl-engine-memo.js';
import type { Engine } from './engine.js';

const factory = { ...DataFactory, dataset: (quads?: Quad[]) => new Store(quads) } as unknown as RdfDataFactory & DatasetCoreFactory<Quad>;

/** A path step as shacl-engine reports it. */
interface PathStep { readonly quantifier: string; readonly start: string; readonly predicates: readonly { value: string }[] }

function pathText(path: readonly PathStep[] | null | undefined): string | null {
  if (!path || path.length === 0) return null;
  const [only] = path;
  if (path.length === 1 && only && only.quantifier === 'one' && only.start === 'subject' && only.predicates.length === 1) return only.predicates[0]!.value;
  return '(complex path)';
}

/** shacl-engine (rdf-ext): a faster SHACL Core engine over the same RDF/JS datasets. */
export const shaclEngine: Engine = (shapes) => {
  const validator = new Validator(shapes, { factory });
  return {
    async validate(data: DatasetCore) {
      const report = await validator.validate({ dataset: data });
      return report.results.map((r) => ({
        severity: r.severity.value,
        focusNode: r.focusNode.term,
        path: pathText(r.path),
        value: r.value?.term ?? null,
        sourceShape: r.shape.ptr.term,
        component: r.constraintComponent.value,
      }));
    },
  };
};
