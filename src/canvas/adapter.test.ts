import { describe, expect, it } from 'vitest';
import { validate } from '../model/index.ts';
import { design, example } from '../model/testing/builder.ts';
import { nodeSize } from '../layout/nodeSize.ts';
import { FRAME_MARGIN, frameAround } from '../layout/annotations.ts';
import { addNote, groupNodes, NOTE_WIDTH, updateGroup, updateNote } from '../model/operations.ts';
import { fitFrames, isFrame, labelPosition, positionsOf, reconcileNodes, toFlowEdges, toFlowNodes, toFrameNodes, toNoteNodes, withSelection, type CanvasNode } from './adapter.ts';
import { membersFollow } from './useFlowElements.ts';

const flowOf = (doc: ReturnType<typeof example>) => {
  const edges = toFlowEdges(doc);
  return { nodes: toFlowNodes(doc, validate(doc)), edges };
};

describe('toFlowNodes', () => {
  it('gives each node only what it draws: name, flags and problem counts', () => {
    const doc = example('order-orchestrated');
    const { nodes } = flowOf(doc);
    const refund = nodes.find((n) => n.id === 'refundPayment')!;
    expect(refund.type).toBe('command');
    expect(refund.data).toEqual({
      name: 'RefundPayment',
      failure: false,
      terminal: false,
      compensation: true,
      coordinator: false,
      errors: 0,
      warnings: 0,
      infos: 0,
      retryAttempts: 0,
      retryText: 'Retried until it succeeds, waiting 200\u00a0ms before the second attempt, then twice as long each time (at most 10\u00a0s)',
    });
    expect(nodes.find((n) => n.id === 'paymentFailed')!.data.failure).toBe(true);
    expect(nodes.find((n) => n.id === 'orderCompleted')!.data.terminal).toBe(true);
    expect(nodes.find((n) => n.id === 'orderService')!.data.coordinator).toBe(true);
    expect(refund.width).toBe(nodeSize('RefundPayment').width);
    expect(refund.position).toEqual(doc.nodes.find((n) => n.id === 'refundPayment')!.position);
  });

  it('gives a command what its retry and timeout badges draw, and says them to screen readers', () => {
    const doc = design().actor('Customer').command('Pay', { retry: { maxAttempts: 3 }, timeoutMs: 5_000 }).command('Ship').service('Payments').link('Customer', 'Pay', 'Payments').doc;
    const nodes = flowOf(doc).nodes;
    const pay = nodes.find((n) => n.id === 'Pay')!;
    expect(pay.data).toMatchObject({ retryAttempts: 3, timeoutMs: 5_000 });
    expect(pay.data.retryText).toMatch(/^Retried, up to 3 attempts in all/);
    expect(pay.ariaLabel).toBe('Command Pay, retried up to 3 attempts, 5\u00a0s timeout');
    // Nothing to draw: the keys are absent, so an unchanged node still compares equal.
    const ship = nodes.find((n) => n.id === 'Ship')!;
    expect(Object.keys(ship.data)).not.toContain('retryAttempts');
    expect(Object.keys(ship.data)).not.toContain('timeoutMs');
  });

  it('keeps an unchanged command with a retry policy as it was (no re-render)', () => {
    const doc = example('order-orchestrated');
    const before = flowOf(doc).nodes;
    const after = reconcileNodes(before, flowOf(structuredClone(doc)).nodes);
    expect(after.find((n) => n.id === 'refundPayment')).toBe(before.find((n) => n.id === 'refundPayment'));
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

describe('notes and group frames on the canvas (spec §1.2a)', () => {
  const annotated = () => {
    let doc = example('order-orchestrated');
    doc = groupNodes(doc, ['paymentService', 'processPayment'], 'Payments').doc;
    doc = updateGroup(doc, doc.groups![0]!.id, { color: '#0d9488' });
    return addNote(doc, { x: 10, y: 20 }, 'Refunds take 3 days').doc;
  };

  it('draws a note where the document puts it, as wide as it says', () => {
    const doc = annotated();
    const [note] = toNoteNodes(doc);
    expect(note).toMatchObject({ type: 'note', position: { x: 10, y: 20 }, width: NOTE_WIDTH, data: { text: 'Refunds take 3 days' }, ariaLabel: 'Note: Refunds take 3 days' });
    expect(toNoteNodes(updateNote(doc, note!.id, { width: 320 }))[0]!.width).toBe(320);
  });

  it('draws a group as its name on the top edge of a frame around its nodes’ boxes', () => {
    const doc = annotated();
    const [frame] = toFrameNodes(doc);
    const positions = positionsOf(doc);
    const boxes = ['paymentService', 'processPayment'].map((id) => ({ ...positions.get(id)!, ...nodeSize(doc.nodes.find((n) => n.id === id)!.name) }));
    const box = frameAround(boxes)!;
    expect(frame).toMatchObject({ type: 'frame', position: { x: box.x + 14, y: box.y - 11 }, ariaLabel: 'Group Payments, 2 nodes' });
    expect(frame!.data).toEqual({ name: 'Payments', color: '#0d9488', members: ['processPayment', 'paymentService'], box });
    // a group whose nodes are all gone draws no frame
    expect(toFrameNodes({ ...doc, groups: [{ id: 'g', name: 'Nobody', nodes: [] }] })).toEqual([]);
  });

  it('fits frames around their nodes as they are drawn (moved, measured), and leaves the list alone otherwise', () => {
    const doc = annotated();
    const nodes: CanvasNode[] = [...toFrameNodes(doc), ...flowOf(doc).nodes, ...toNoteNodes(doc)];
    expect(fitFrames(nodes)).toBe(nodes);
    const moved = nodes.map((n) => (n.id === 'paymentService' ? { ...n, position: { x: n.position.x + 300, y: n.position.y + 100 }, measured: { width: 180, height: 70 } } : n));
    const fitted = fitFrames(moved);
    const frame = fitted.find(isFrame)!;
    const service = moved.find((n) => n.id === 'paymentService')!;
    const { box } = frame.data;
    expect(box.x + box.width).toBe(service.position.x + 180 + FRAME_MARGIN);
    expect(box.y + box.height).toBeGreaterThanOrEqual(service.position.y + 70 + FRAME_MARGIN);
    expect(frame.position).toEqual(labelPosition(box));
    expect(fitted.filter((n) => n !== frame).every((n, i) => n === moved.filter((m) => m.type !== 'frame')[i])).toBe(true);
  });

  it('moves a dragged frame’s nodes by as much as the frame moved since the drag began, as one move at the drop', () => {
    const doc = annotated();
    const nodes: CanvasNode[] = [...toFrameNodes(doc), ...flowOf(doc).nodes];
    const drawn = (id: string) => nodes.find((n) => n.id === id);
    const frame = nodes.find(isFrame)!;
    const drags = new Map();
    const at = (dx: number, dy: number) => ({ x: frame.position.x + dx, y: frame.position.y + dy });
    const start = (id: string) => drawn(id)!.position;
    // while dragging, the nodes follow
    const during = membersFollow([{ type: 'position', id: frame.id, position: at(32, 16), dragging: true }], drawn, drags);
    expect(during).toEqual([
      { type: 'position', id: 'processPayment', position: { x: start('processPayment').x + 32, y: start('processPayment').y + 16 }, dragging: true },
      { type: 'position', id: 'paymentService', position: { x: start('paymentService').x + 32, y: start('paymentService').y + 16 }, dragging: true },
    ]);
    // a node dragged along anyway (selected too) keeps its own move
    const withSelected = membersFollow([{ type: 'position', id: frame.id, position: at(48, 16), dragging: true }, { type: 'position', id: 'processPayment', position: { x: 1, y: 2 }, dragging: true }], drawn, drags);
    expect(withSelected.map((c) => ('id' in c ? c.id : ''))).toEqual(['paymentService']);
    // the drop: measured from where the drag began, not dragging any more
    const drop = membersFollow([{ type: 'position', id: frame.id, position: at(64, 0), dragging: false }], drawn, drags);
    expect(drop[1]).toEqual({ type: 'position', id: 'paymentService', position: { x: start('paymentService').x + 64, y: start('paymentService').y }, dragging: false });
    expect(drags.size).toBe(0);
  });
});
