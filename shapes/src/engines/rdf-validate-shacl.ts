import type { Term } from '@rdfjs/types';
import { Store } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import type { Engine } from './engine.js';

/** rdf-validate-shacl (Zazuko): the reference JavaScript implementation of SHACL Core. */
export const rdfValidateShacl: Engine = (shapes) => {
  // owl:imports in shape files (an ADMS SKOS file on GitHub) are never fetched: harvest machines stay offline.
  const validator = new SHACLValidator(shapes, { importGraph: () => new Store() });
  return {
    async validate(data) {
      const report = await validator.validate(data);
      return report.results.map((r) => {
        const path = r.path as Term | null;
        return {
          severity: r.severity?.value ?? 'http://www.w3.org/ns/shacl#Violation',
          focusNode: r.focusNode as Term,
          path: path ? (path.termType === 'NamedNode' ? path.value : '(complex path)') : null,
          value: (r.value as Term | null) ?? null,
          sourceShape: r.sourceShape as Term,
          component: r.sourceConstraintComponent?.value ?? '',
        };
      });
    },
  };
};
