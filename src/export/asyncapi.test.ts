import { Parser, type Diagnostic } from '@asyncapi/parser';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { design, example, EXAMPLE_IDS } from '../model/testing/builder.ts';
import { asyncApiDocuments, asyncApiFiles, toAsyncApi } from './asyncapi.ts';
import { EMPTY_DESIGN } from './refusal.ts';
import { HOSTILE_NAMES, hostileDesign } from './testing/hostile.ts';

const parser = new Parser();
/** DiagnosticSeverity.Error of @stoplight/types, which the parser reports with. */
const ERROR = 0;

/** Every file of the design through the official AsyncAPI parser: its diagnostics by file. */
async function diagnose(files: { fileName: string; text: string }[]) {
  const out: { fileName: string; errors: Diagnostic[]; others: Diagnostic[] }[] = [];
  for (const f of files) {
    const { diagnostics } = await parser.parse(f.text);
    out.push({ fileName: f.fileName, errors: diagnostics.filter((d) => d.severity === ERROR), others: diagnostics.filter((d) => d.severity !== ERROR) });
  }
  return out;
}

const explain = (d: Diagnostic) => `${d.code} at ${d.path.join('.')}: ${d.message}`;

describe('AsyncAPI export', () => {
  it.each(EXAMPLE_IDS)('every document of %s passes the official AsyncAPI parser without an error', async (id) => {
    const doc = example(id);
    const files = asyncApiFiles(doc);
    expect(files.map((f) => f.participant.name)).toEqual(doc.nodes.filter((n) => n.kind === 'service' || n.kind === 'orchestrator').map((n) => n.name));
    for (const result of await diagnose(files)) {
      expect(result.errors.map(explain), result.fileName).toEqual([]);
      // Only advice is allowed, e.g. that AsyncAPI 3.1 exists.
      expect(result.others.map((d) => d.code), result.fileName).toEqual(['asyncapi-latest-version']);
    }
  }, 180_000);

  it('a design full of markup and collisions still gives valid documents with the names intact', async () => {
    const doc = hostileDesign();
    const files = asyncApiFiles(doc);
    for (const result of await diagnose(files)) expect(result.errors.map(explain), result.fileName).toEqual([]);
    expect(files.map((f) => f.fileName)).toEqual([
      'orders-init-security-level-loose-x-quot-md.asyncapi.yaml',
      'pay-b-bold-b-second-line.asyncapi.yaml',
      'pay-b-bold-b-second-line-2.asyncapi.yaml',
      'participant-4.asyncapi.yaml',
    ]);
    const parsed = files.map((f) => parseAllDocuments(f.text)[0]!.toJS());
    expect(parsed.map((d) => d.info.title)).toEqual([HOSTILE_NAMES.orchestrator, HOSTILE_NAMES.payment, HOSTILE_NAMES.refunds, HOSTILE_NAMES.silent]);
    // two messages whose names read the same once made safe get their own keys
    const orders = parsed[0];
    expect(parsed[2].components.messages['Ship-it'].title).toBe(HOSTILE_NAMES.shipIt);
    expect(orders.components.messages['Ship-it-2'].title).toBe(HOSTILE_NAMES.shipItToo);
    expect(orders.components.messages['Charge-card-x-n1'].title).toBe(HOSTILE_NAMES.charge);
  }, 180_000);

  it('describes each participant by its channels, its send and receive operations and their messages', () => {
    const [orders, payment] = asyncApiDocuments(example('order-orchestrated')).map((d) => d.document as any); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(orders.asyncapi).toBe('3.0.0');
    expect(orders.info).toMatchObject({ title: 'OrderService', version: '1.0.0' });
    expect(orders.info.description).toContain('Holds the saga state and runs the compensations.');
    expect(Object.keys(payment.channels)).toEqual(['ProcessPayment', 'RefundPayment', 'PaymentProcessed', 'PaymentFailed', 'PaymentRefunded']);
    expect(payment.operations.receiveProcessPayment).toEqual({
      action: 'receive',
      channel: { $ref: '#/channels/ProcessPayment' },
      messages: [{ $ref: '#/channels/ProcessPayment/messages/ProcessPayment' }],
      summary: 'Handles the command ProcessPayment.',
      description: 'On success it publishes PaymentProcessed. On a business failure it publishes PaymentFailed.',
    });
    expect(payment.operations.sendPaymentFailed).toMatchObject({ action: 'send', description: 'When handling ProcessPayment fails.' });
    expect(orders.operations.sendRefundPayment).toMatchObject({ action: 'send', description: 'While compensating (backward recovery).' });
    expect(payment.components.messages.PaymentFailed).toMatchObject({ name: 'PaymentFailed', title: 'PaymentFailed', tags: [{ name: 'event' }, { name: 'failure' }] });
    expect(payment.components.messages.RefundPayment.tags).toEqual([{ name: 'command' }, { name: 'compensation' }]);
    expect(payment.components.messages.ProcessPayment.payload).toMatchObject({ type: 'object' });
  });

  it('takes a message summary from the first sentence of its description', () => {
    const doc = design('Described')
      .command('Pay')
      .service('Payments')
      .link('Pay', 'Payments')
      .doc;
    doc.nodes[0]!.description = 'Charges the card. Twice if unlucky.\nMore.';
    const [payments] = asyncApiDocuments(doc).map((d) => d.document as any); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(payments.components.messages.Pay).toMatchObject({ summary: 'Charges the card.', description: 'Charges the card. Twice if unlucky.\nMore.' });
  });

  it('separates the documents with --- lines on one stream', () => {
    const doc = example('order-orchestrated');
    const stream = toAsyncApi(doc);
    const documents = parseAllDocuments(stream);
    expect(documents.map((d) => d.toJS().info.title)).toEqual(['OrderService', 'PaymentService', 'InventoryService', 'ShippingService']);
    expect(stream.match(/^---$/gm)).toHaveLength(3);
    expect(stream).not.toMatch(/[&*]a\d/); // no YAML anchors or aliases
  });

  it('refuses an empty design, and a design without a service or orchestrator', () => {
    expect(() => toAsyncApi(design('Empty').doc)).toThrow(EMPTY_DESIGN);
    expect(() => toAsyncApi(design('Lonely').actor('Customer').command('Order').link('Customer', 'Order').doc)).toThrow(
      'the design has no service or orchestrator: AsyncAPI describes what each of them sends and receives; add one',
    );
  });
});
