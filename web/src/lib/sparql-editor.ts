// Loads @rdfjs-elements/sparql-editor (CodeMirror 5 with SPARQL parsing) and defines <fedcat-sparql-editor>: the
// same element, but with CodeMirror's stylesheet from fedcat itself. The original links it from a CDN
// (cdnjs.cloudflare.com), which fedcat's content security policy blocks (and which would tell a third party who
// opens the page); without the stylesheet's load event the editor never starts. Written against version 0.2.3,
// whose constructor keeps that <link> in `__style` (see web/package.json; the UI test fails if this changes).
import '@rdfjs-elements/sparql-editor';

interface EditorInternals { __style?: HTMLLinkElement }

const Base = customElements.get('sparql-editor') as CustomElementConstructor | undefined;
if (!Base) throw new Error('@rdfjs-elements/sparql-editor did not define <sparql-editor>');

class LocalSparqlEditor extends Base {
  constructor() {
    super();
    const self = this as unknown as EditorInternals;
    self.__style ??= document.createElement('link');
    self.__style.rel = 'stylesheet';
    self.__style.href = new URL('vendor/codemirror.css', import.meta.url.replace(/chunks\/[^/]+$/, '')).href;
  }
}

if (!customElements.get('fedcat-sparql-editor')) customElements.define('fedcat-sparql-editor', LocalSparqlEditor);
