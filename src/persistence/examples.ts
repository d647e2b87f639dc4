/** The reference designs shipped with Sagaboard (spec §5), served from `public/examples/`. */

export const EXAMPLES = [
  { id: 'order-orchestrated', title: 'Order fulfilment (orchestrated)' },
  { id: 'order-choreographed', title: 'Order fulfilment (choreographed)' },
  { id: 'checkout-fanout', title: 'Checkout fan-out (choreographed)' },
  { id: 'create-order-saga', title: 'Create Order saga (orchestrated)' },
  { id: 'credit-reservation', title: 'Credit reservation (choreographed)' },
] as const;

export type ExampleId = (typeof EXAMPLES)[number]['id'];

export const DEFAULT_EXAMPLE: ExampleId = 'order-orchestrated';

export function isExampleId(id: string): id is ExampleId {
  return EXAMPLES.some((e) => e.id === id);
}

export function exampleTitle(id: ExampleId): string {
  return EXAMPLES.find((e) => e.id === id)!.title;
}

/** Where an example's file is served, relative to the app's base path (`/` by default). */
export function exampleUrl(id: ExampleId, base = '/'): string {
  return `${base.endsWith('/') ? base : `${base}/`}examples/${id}.sagaboard.json`;
}
