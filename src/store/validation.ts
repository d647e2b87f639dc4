/** The validation of the design on screen, computed once per document object. */
import { validate, type SagaDocument, type ValidationResult } from '../model/index.ts';
import { useDesignStore } from './designStore.ts';

const results = new WeakMap<SagaDocument, ValidationResult>();

/** `validate(doc)`, memoised on the document's identity (documents are never mutated). */
export function validationOf(doc: SagaDocument): ValidationResult {
  let result = results.get(doc);
  if (result === undefined) {
    result = validate(doc);
    results.set(doc, result);
  }
  return result;
}

/** The verdict and diagnostics of the current design, or null when no design is open. */
export function useValidation(): ValidationResult | null {
  return useDesignStore((s) => (s.doc ? validationOf(s.doc) : null));
}
