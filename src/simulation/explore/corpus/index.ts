/**
 * Designs with planted bugs, and what the explorer must find in each (spec §7): the budgets
 * that expose the bug, the outcome and the reason of the shortest counterexample. The designs
 * are the `*.sagaboard.json` files of this folder (read by the tests, the benchmark and e2e);
 * the correct designs are the reference processes in public/examples.
 */
import type { SagaOutcome } from '../../../model/index.ts';
import type { Budgets } from '../transitions.ts';

export interface PlantedBug {
  /** The file, without `.sagaboard.json`. */
  id: string;
  budgets: Partial<Budgets>;
  outcome: SagaOutcome;
  /** The shortest counterexample's reason. */
  reason: RegExp;
}

export const PLANTED_BUGS: readonly PlantedBug[] = [
  {
    id: 'parallel-race',
    budgets: { failures: 1 },
    outcome: 'inconsistent',
    reason: /^InventoryFailed reached PaymentService before OrderCreated: the compensation undid nothing and OrderCreated stayed applied$/,
  },
  {
    id: 'duplicate-not-idempotent',
    budgets: { duplicates: 1 },
    outcome: 'inconsistent',
    reason: /^PaymentService applied OrderCreated twice: OrderCreated was delivered twice to a non-idempotent handler$/,
  },
  {
    id: 'compensation-overtakes',
    budgets: { failures: 1 },
    outcome: 'inconsistent',
    reason: /^FraudDetected reached ShippingService before PaymentProcessed: the compensation undid nothing and PaymentProcessed stayed applied$/,
  },
  {
    id: 'unheard-failure',
    budgets: { failures: 1 },
    outcome: 'inconsistent',
    reason: /^InventoryService failed on PaymentProcessed, and nothing undid OrderService's PlaceOrder and PaymentService's OrderCreated$/,
  },
  {
    id: 'orchestrator-not-durable',
    budgets: { failures: 0, crashes: 1 },
    outcome: 'stuck',
    reason: /^OrderSaga is not durable: it lost the saga's state when it crashed/,
  },
  {
    id: 'retry-not-idempotent',
    budgets: { failures: 0, timeouts: 1 },
    outcome: 'inconsistent',
    reason: /^PaymentService applied ProcessPayment twice: ProcessPayment was sent again after a timeout to a non-idempotent handler$/,
  },
];
