/** The reference examples and the verdicts the spec expects for them (spec §5). */
export const EXAMPLES = [
  { id: 'order-orchestrated', verdict: 'Orchestration', names: ['Customer', 'OrderService', 'ProcessPayment', 'RefundPayment', 'PaymentFailed', 'OrderCompleted'] },
  { id: 'order-choreographed', verdict: 'Choreography', names: ['OrderCreated', 'PaymentService', 'InventoryFailed', 'ShippingService', 'OrderCancelled'] },
  { id: 'checkout-fanout', verdict: 'Choreography', names: ['Shopper', 'CheckoutService', 'EmailService', 'WarehouseService', 'RewardsService', 'AnalyticsService'] },
  { id: 'create-order-saga', verdict: 'Orchestration', names: ['CreateOrderSaga', 'VerifyConsumer', 'AuthorizeCard', 'RejectTicket', 'ApproveOrder'] },
  { id: 'credit-reservation', verdict: 'Choreography', names: ['CustomerService', 'CreditReserved', 'CreditLimitExceeded', 'OrderApproved'] },
] as const;
