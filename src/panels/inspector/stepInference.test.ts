import { describe, expect, it } from 'vitest';
import { updateNode } from '../../model/operations.ts';
import { example } from '../../model/testing/builder.ts';
import { validate } from '../../model/index.ts';
import { inferredStepTypes } from './stepInference.ts';

describe('inferred step types', () => {
  it('reads the orchestrated order saga as two compensatable steps before the pivot', () => {
    const doc = example('order-orchestrated');
    const types = inferredStepTypes(doc, validate(doc).coordinator);
    expect(Object.fromEntries(types)).toEqual({ processPayment: 'compensatable', deductInventory: 'compensatable', initiateShipping: 'pivot' });
  });

  it('follows the design: without its compensation, a step that can fail becomes the pivot', () => {
    const doc = example('order-orchestrated');
    const changed = { ...doc, edges: doc.edges.filter((e) => e.id !== 'e9') };
    expect(inferredStepTypes(changed, validate(changed).coordinator).get('processPayment')).toBe('pivot');
  });

  it('has no steps without a coordinator', () => {
    const doc = example('order-choreographed');
    expect(inferredStepTypes(doc, validate(doc).coordinator).size).toBe(0);
    expect(inferredStepTypes(updateNode(doc, 'x', {}), undefined).size).toBe(0);
  });
});
