import type { Quad, Term } from '@rdfjs/types';
import { DataFactory } from 'n3';
import { dcat, dct } from '@fedcat/vocab';
import { sparqlTerm } from '../store/sparql-term.js';

/**
 * What a record's description is made of: its own statements, those of its distributions and of the nodes it (or
 * they) point to that have no life of their own (blank nodes, and blank nodes fedcat skolemised under `genidBase`),
 * two levels deep. With `agents`, also the statements of its publishers, creators and contact points (and those
 * agents' own nodes), so the record stands on its own as DCAT-AP-NL asks.
 *
 * The description is read level by level (see describeRecords): each level one query over subjects already known
 * (`VALUES ?s { … } ?s ?p ?o`), which every store answers from its subject index. Joined hops in one query (`?r ?p0 ?x .
 * ?x ?p ?o`, or a UNION of such) were planned badly by Virtuoso: 15 s for some records on a fresh instance.
 */
export interface DescriptionRules {
  genidBase?: string | undefined;
  agents?: boolean | undefined;
}

const AGENT_PREDICATES = new Set([dct.publisher.value, dct.creator.value, dcat.contactPoint.value]);

/** A node with no life of its own: a blank node, or one fedcat skolemised. */
export function isOwned(term: Term, genidBase: string | undefined): boolean {
  return term.termType === 'BlankNode' || (genidBase !== undefined && term.termType === 'NamedNode' && term.value.startsWith(genidBase));
}

/** The IRIs a level's statements lead to: owned nodes and distributions always, agents from the record's own level. */
export function nextSubjects(statements: readonly Quad[], rules: DescriptionRules, fromRecord: boolean): string[] {
  const next = new Set<string>();
  for (const q of statements) {
    if (q.object.termType !== 'NamedNode') continue;
    const owned = isOwned(q.object, rules.genidBase);
    const follow = owned || (fromRecord && (q.predicate.equals(dcat.distribution) || (rules.agents === true && AGENT_PREDICATES.has(q.predicate.value))));
    if (follow) next.add(q.object.value);
  }
  return [...next];
}

/** The subjects as SPARQL VALUES lists of at most `chunk` IRIs each; IRIs enter only through {@link sparqlTerm}. */
function valueLists(subjects: readonly string[], chunk = 200): string[] {
  const lists: string[] = [];
  for (let i = 0; i < subjects.length; i += chunk) lists.push(subjects.slice(i, i + chunk).map((s) => sparqlTerm(DataFactory.namedNode(s))).join(' '));
  return lists;
}

/** The statements of the given subjects, one CONSTRUCT per chunk of subjects. */
export function statementsQueries(subjects: readonly string[]): string[] {
  return valueLists(subjects).map((values) => `CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?s { ${values} } ?s ?p ?o }`);
}

/**
 * Blank nodes cannot be named in a later query, so where a level holds any, the hops below its subjects are read as
 * joins (slow on some stores, but harvested graphs are skolemised and never take this path): `depth` 1 reads the
 * blank objects' statements, 2 also those of the owned nodes below them.
 */
export function blankNodeQueries(subjects: readonly string[], depth: 1 | 2, genidBase: string | undefined): string[] {
  const owned = (v: string) => (genidBase ? `(isBlank(${v}) || STRSTARTS(STR(${v}), ${sparqlTerm(DataFactory.literal(genidBase))}))` : `isBlank(${v})`);
  const parts = ['?x ?p0 ?s . FILTER(isBlank(?s)) ?s ?p ?o'];
  if (depth === 2) parts.push(`?x ?p0 ?y . FILTER(isBlank(?y)) ?y ?p1 ?s . FILTER(${owned('?s')}) ?s ?p ?o`);
  return valueLists(subjects).flatMap((values) => parts.map((part) => `CONSTRUCT { ?s ?p ?o } WHERE { VALUES ?x { ${values} } ${part} }`));
}

/** The subjects among `statements` with a blank object. */
export function subjectsWithBlankObjects(statements: readonly Quad[]): string[] {
  return [...new Set(statements.filter((q) => q.object.termType === 'BlankNode' && q.subject.termType === 'NamedNode').map((q) => q.subject.value))];
}
