import { describe, expect, it } from 'vitest';
import { validate } from '../model/index.ts';
import { design, example } from '../model/testing/builder.ts';
import { nodeSize } from '../layout/nodeSize.ts';
import { positionsOf, reconcileNodes, toFlowEdges, toFlowNodes, withSelection } from './adapter.ts';

const flowOf = (doc: ReturnType<typeof example>) => {
  const edges = toFlowEdges(doc);
  return { nodes: toFlowNodes(doc, validate(doc), edges), edges };
};

describe('toFlowNodes', () => {
  it('gives each node only what it draws: name, flags and problem counts', () => {
    const doc = example('order-orchestrated');
    const { nodes } = flowOf(doc);
    const refund = nodes.find((n) => n.id === 'refundPayment')!;
    expect(refund.type).toBe('command');
    expect(refund.data).toEqual({ name: 'RefundPayment', failure: false, terminal: false, compensation: true, coordinator: false, errors: 0, warnings: 0, infos: 0, routingHandles: '' });
    expect(nodes.find((n) => n.id === 'paymentFailed')!.data.failure).toBe(true);
    expect(nodes.find((n) => n.id === 'orderCompleted')!.data.terminal).toBe(true);
    expect(nodes.find((n) => n.id === 'orderService')!.data.coordinator).toBe(true);
    expect(refund.width).toBe(nodeSize('RefundPayment').width);
    expect(refund.position).toEqual(doc.nodes.find((n) => n.id === 'refundPayment')!.position);
  });

  it('counts each diagnostic once per node it names', () => {
    const doc = design().actor('Customer').command('Pay').service('Payments', { idempotent: false }).event('Paid', { terminal: true }).link('Customer', 'Pay', 'Payments', 'Paid').doc;
    const payments = flowOf(doc).nodes.find((n) => n.id === 'Payments')!;
    expect(payments.data.warnings).toBe(1);
    expect(payments.ariaLabel).toBe('Service Payments, 1 warning');
  });

  it('lays out nodes without a position, below the ones that have one', () => {
    const doc = design().actor('Customer').command('Pay').service('Payments').link('Customer', 'Pay', 'Payments').doc;
    doc.nodes[0]!.position = { x: 500, y: 300 };
    const at = positionsOf(doc);
    expect(at.get('Customer')).toEqual({ x: 500, y: 300 });
    expect(at.get('Pay')!.y).toBeGreaterThan(300 + 56);
    expect(at.get('Pay')!.x).toBe(500);
  });
});

describe('toFlowEdges', () => {
  it('draws every connection by meaning and colour family, with handles left to right', () => {
    const edges = flowOf(example('order-orchestrated')).edges;
    const edge = (source: string, target: string) => edges.find((e) => e.source === source && e.target === target)!;
    expect(edge('orderService', 'processPayment').data).toMatchObject({ meaning: 'sends', family: 'command' });
    expect(edge('processPayment', 'paymentService').data).toMatchObject({ meaning: 'handledBy', family: 'command' });
    expect(edge('paymentService', 'paymentFailed').data).toMatchObject({ meaning: 'publishes', family: 'failure' });
    expect(edge('orderService', 'refundPayment').data).toMatchObject({ meaning: 'sends', family: 'compensation' });
    expect(edge('processPayment', 'refundPayment').data).toMatchObject({ meaning: 'compensatedBy', family: 'compensation', label: 'compensated by' });
    expect(edge('processPayment', 'paymentService')).toMatchObject({ sourceHandle: 'out', targetHandle: 'in', type: 'message' });
    expect(edge('processPayment', 'paymentService').ariaLabel).toBe('ProcessPayment handled by PaymentService');
  });

  it('sends replies to the orchestrator along shared lanes, one per look, entering it from above or below', () => {
    const edges = flowOf(example('order-orchestrated')).edges;
    const replies = edges.filter((e) => e.target === 'orderService' && e.data!.family === 'event');
    expect(replies.length).toBeGreaterThan(2);
    expect(new Set(replies.map((e) => e.data!.lane)).size).toBe(1);
    expect(replies.every((e) => e.data!.targetSide === 'top' || e.data!.targetSide === 'bottom')).toBe(true);
    // forward connections have no lane, and run from right to left sides
    expect(edges.find((e) => e.source === 'placeOrder')!.data).toMatchObject({ sourceSide: 'right', targetSide: 'left' });
    expect(edges.find((e) => e.source === 'placeOrder')!.data!.lane).toBeUndefined();
  });

  it('labels a choreography compensation with what it undoes', () => {
    const edges = flowOf(example('order-choreographed')).edges;
    const refund = edges.find((e) => e.source === 'inventoryFailed' && e.target === 'paymentService')!;
    expect(refund.data).toMatchObject({ family: 'compensation', label: 'compensates OrderCreated' });
  });

  it('draws a forbidden connection as such, and skips one whose end is missing', () => {
    const doc = design().event('A').event('B').link('A', 'B').doc;
    doc.edges.push({ id: 'dangling', source: 'A', target: 'nowhere' });
    const edges = toFlowEdges(doc);
    expect(edges.map((e) => e.id)).toEqual(['e1']);
    expect(edges[0]!.data).toMatchObject({ meaning: 'invalid', label: 'not allowed' });
  });

  it('joins a compensation drawn under its command from bottom to top, keeping the handles for drawing by hand', () => {
    const doc = design().command('Charge').command('Refund').link('Charge', 'Refund').doc;
    doc.nodes[0]!.position = { x: 0, y: 0 };
    doc.nodes[1]!.position = { x: 0, y: 100 };
    expect(toFlowEdges(doc)[0]).toMatchObject({ sourceHandle: 'out', targetHandle: 'in', data: { sourceSide: 'bottom', targetSide: 'top' } });
  });
});

describe('keeping React Flow work small', () => {
  it('keeps the object of every unchanged node, and the measured size of a changed one', () => {
    const doc = example('credit-reservation');
    const before = flowOf(doc).nodes.map((n) => ({ ...n, measured: { width: 150, height: 56 } }));
    // when one node is renamed
    const renamed = { ...doc, nodes: doc.nodes.map((n) => (n.id === 'customerService' ? { ...n, name: 'CreditService' } : n)) };
    const after = reconcileNodes(before, flowOf(renamed).nodes);
    // then only that node is a new object, and it keeps its measured size until measured again
    const changed = after.filter((n, i) => n !== before[i]);
    expect(changed.map((n) => n.id)).toEqual(['customerService']);
    expect(changed[0]!.measured).toEqual({ width: 150, height: 56 });
  });

  it('marks selection without touching the unselected nodes', () => {
    const nodes = flowOf(example('credit-reservation')).nodes;
    const selected = withSelection(nodes, new Set(['orderService']));
    expect(selected.filter((n, i) => n !== nodes[i]).map((n) => n.id)).toEqual(['orderService']);
    expect(selected.find((n) => n.id === 'orderService')!.selected).toBe(true);
  });
});
