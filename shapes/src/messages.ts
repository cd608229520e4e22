/** Dutch and English text of one finding. */
export interface Messages { readonly en: string; readonly nl: string }

/** What a message template may mention: the property's name and the constraint's parameter, both already readable. */
export interface MessageContext {
  readonly property: { readonly en: string; readonly nl: string } | null;
  /** The constraint's parameter (a count, a class, a datatype, …) in a readable form. */
  readonly parameter: string | null;
}

const SH = 'http://www.w3.org/ns/shacl#';
type Template = (p: { en: string; nl: string }, param: string) => Messages;

/**
 * Messages per SHACL Core constraint component, written for a publisher: what is wrong and what to do.
 * Used when a shape carries no message of its own in that language.
 */
const TEMPLATES: Record<string, Template> = {
  MinCountConstraintComponent: (p, n) => ({
    en: `Give at least ${n} value(s) for ${p.en}.`, nl: `Geef minstens ${n} waarde(n) voor ${p.nl}.` }),
  MaxCountConstraintComponent: (p, n) => ({
    en: `Give at most ${n} value(s) for ${p.en}.`, nl: `Geef hoogstens ${n} waarde(n) voor ${p.nl}.` }),
  ClassConstraintComponent: (p, c) => ({
    en: `The value of ${p.en} must be a ${c}: use a term from the expected vocabulary, or type the resource as ${c}.`,
    nl: `De waarde van ${p.nl} moet een ${c} zijn: gebruik een term uit de verwachte waardelijst, of geef de resource het type ${c}.` }),
  NodeKindConstraintComponent: (p, k) => ({
    en: `The value of ${p.en} must be ${kindText(k).en}.`, nl: `De waarde van ${p.nl} moet ${kindText(k).nl} zijn.` }),
  DatatypeConstraintComponent: (p, d) => ({
    en: `The value of ${p.en} must be a literal of type ${d} with a valid lexical form.`,
    nl: `De waarde van ${p.nl} moet een literal van type ${d} met een geldige schrijfwijze zijn.` }),
  InConstraintComponent: (p) => ({
    en: `The value of ${p.en} is not one of the allowed values.`, nl: `De waarde van ${p.nl} is geen van de toegestane waarden.` }),
  HasValueConstraintComponent: (p, v) => ({
    en: `${cap(p.en)} must include ${v}.`, nl: `${cap(p.nl)} moet ${v} bevatten.` }),
  NodeConstraintComponent: (p) => ({
    en: `The value of ${p.en} does not meet the requirements for its kind of resource (for example: not from the expected controlled vocabulary).`,
    nl: `De waarde van ${p.nl} voldoet niet aan de eisen voor dit soort resource (bijvoorbeeld: niet uit de verwachte waardelijst).` }),
  OrConstraintComponent: (p) => ({
    en: `The value of ${p.en} matches none of the allowed alternatives.`, nl: `De waarde van ${p.nl} past bij geen van de toegestane varianten.` }),
  XoneConstraintComponent: (p) => ({
    en: `The value of ${p.en} must match exactly one of the alternatives.`, nl: `De waarde van ${p.nl} moet bij precies één van de varianten passen.` }),
  AndConstraintComponent: (p) => ({
    en: `The value of ${p.en} does not meet all required conditions.`, nl: `De waarde van ${p.nl} voldoet niet aan alle vereiste voorwaarden.` }),
  NotConstraintComponent: (p) => ({
    en: `The value of ${p.en} has a form that is not allowed.`, nl: `De waarde van ${p.nl} heeft een vorm die niet is toegestaan.` }),
  PatternConstraintComponent: (p, r) => ({
    en: `The value of ${p.en} does not match the pattern ${r}.`, nl: `De waarde van ${p.nl} past niet bij het patroon ${r}.` }),
  MinLengthConstraintComponent: (p, n) => ({
    en: `The value of ${p.en} must be at least ${n} characters long.`, nl: `De waarde van ${p.nl} moet minstens ${n} tekens lang zijn.` }),
  MaxLengthConstraintComponent: (p, n) => ({
    en: `The value of ${p.en} must be at most ${n} characters long.`, nl: `De waarde van ${p.nl} mag hoogstens ${n} tekens lang zijn.` }),
  LanguageInConstraintComponent: (p) => ({
    en: `The language tag of ${p.en} is not one of the allowed languages.`, nl: `De taalcode van ${p.nl} is geen van de toegestane talen.` }),
  UniqueLangConstraintComponent: (p) => ({
    en: `Give ${p.en} at most once per language.`, nl: `Geef ${p.nl} hoogstens één keer per taal.` }),
  ClosedConstraintComponent: () => ({
    en: 'This resource uses a property the shape does not allow.', nl: 'Deze resource gebruikt een eigenschap die de shape niet toestaat.' }),
};

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function kindText(kind: string): Messages {
  switch (kind.replace(SH, '').replace(/^sh:/, '')) {
    case 'IRI': return { en: 'an IRI (a link), not text', nl: 'een IRI (een link), geen tekst' };
    case 'Literal': return { en: 'a literal (text, number or date)', nl: 'een literal (tekst, getal of datum)' };
    case 'BlankNode': return { en: 'a blank node', nl: 'een blank node' };
    case 'BlankNodeOrIRI': return { en: 'a resource (an IRI or a blank node), not text', nl: 'een resource (een IRI of blank node), geen tekst' };
    case 'IRIOrLiteral': return { en: 'an IRI or a literal', nl: 'een IRI of een literal' };
    case 'BlankNodeOrLiteral': return { en: 'a blank node or a literal', nl: 'een blank node of een literal' };
    default: return { en: kind, nl: kind };
  }
}

/** A constraint component's Dutch and English message for a property, from fedcat's templates. */
export function templateMessages(component: string, ctx: MessageContext): Messages {
  const local = component.startsWith(SH) ? component.slice(SH.length) : component;
  const property = ctx.property ?? { en: 'this resource', nl: 'deze resource' };
  const template = TEMPLATES[local];
  if (template) return template(property, ctx.parameter ?? '');
  return { en: `Constraint ${local} not met for ${property.en}.`, nl: `Niet voldaan aan ${local} voor ${property.nl}.` };
}

/** The parameter predicate of each component, read from the shape to fill in its template. */
export const COMPONENT_PARAMETER: Record<string, string> = {
  MinCountConstraintComponent: `${SH}minCount`,
  MaxCountConstraintComponent: `${SH}maxCount`,
  ClassConstraintComponent: `${SH}class`,
  NodeKindConstraintComponent: `${SH}nodeKind`,
  DatatypeConstraintComponent: `${SH}datatype`,
  HasValueConstraintComponent: `${SH}hasValue`,
  PatternConstraintComponent: `${SH}pattern`,
  MinLengthConstraintComponent: `${SH}minLength`,
  MaxLengthConstraintComponent: `${SH}maxLength`,
};
