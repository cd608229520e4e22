// @rdfjs-elements/sparql-editor ships no types; fedcat only imports it for its side effect (defining <sparql-editor>).
declare module '@rdfjs-elements/sparql-editor';
