import Shape from 'shacl-engine/lib/Shape.js';

/**
 * Mends shacl-engine 1.1's memo of (shape, focus node) validations. The engine validates a shape for a node once
 * per run and, when asked again, replays only the results recorded under that very shape: results of its nested
 * property shapes are lost, so a value that fails `sh:node` for the first resource referring to it passes for every
 * later one (DCAT-AP's publisher-type check on a publisher shared by 153 datasets reported once instead of 153
 * times; Jena reports all). This memo replays every result the first validation produced. A shape met again while
 * it is still being validated (recursive shapes, which SHACL leaves undefined) adds nothing, as before.
 * Covered by shapes/test/validate.test.ts ("the SHACL engines") and the Jena cross-check.
 */
const replay = new WeakMap<object, Map<string, readonly unknown[]>>();

Shape.prototype.validate = async function validate(this: Shape, context) {
  const id = context.id({ shape: this });
  let done = replay.get(context.processed);
  if (!done) replay.set(context.processed, (done = new Map()));
  const known = done.get(id);
  if (known) {
    context.report.results.push(...known);
    return context;
  }
  if (context.processed.has(id)) return context;
  context.processed.add(id);
  const start = context.report.results.length;
  await this.shapeValidator.validate(context);
  done.set(id, context.report.results.slice(start));
  return context;
};
