/** The validation of the design on screen, computed once per document object, incrementally from the one before. */
import { LiveValidation, type SagaDocument, type ValidationResult } from '../model/index.ts';
import { useDesignStore } from './designStore.ts';

const results = new WeakMap<SagaDocument, ValidationResult>();
let latest: { doc: SagaDocument; result: ValidationResult } | undefined;
/** Validates each document from what the one before left: an edit costs what it touches (model/incremental). */
const live = new LiveValidation();

/**
 * `validate(doc)`, memoised on the document's identity (documents are never mutated). No rule
 * looks at where nodes are drawn, so a document that only moved nodes reuses the result of the
 * one before (a drag, a tidy up applied a slice a frame).
 */
export function validationOf(doc: SagaDocument): ValidationResult {
  let result = results.get(doc);
  if (result === undefined) {
    result = latest && onlyMoved(latest.doc, doc) ? latest.result : live.validate(doc);
    results.set(doc, result);
  }
  latest = { doc, result };
  return result;
}

/** True when `b` is `a` with some nodes at other positions and nothing else changed. */
export function onlyMoved(a: SagaDocument, b: SagaDocument): boolean {
  if (a.nodes.length !== b.nodes.length) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (key !== 'nodes' && a[key as keyof SagaDocument] !== b[key as keyof SagaDocument]) return false;
  return a.nodes.every((n, i) => {
    const m = b.nodes[i]!;
    if (n === m) return true;
    const fields = new Set([...Object.keys(n), ...Object.keys(m)]);
    for (const f of fields) if (f !== 'position' && n[f as keyof typeof n] !== m[f as keyof typeof m]) return false;
    return true;
  });
}

/** The verdict and diagnostics of the current design, or null when no design is open. */
export function useValidation(): ValidationResult | null {
  return useDesignStore((s) => (s.doc ? validationOf(s.doc) : null));
}
