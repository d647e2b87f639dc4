/**
 * A design whose names, ids and descriptions are full of what breaks naive exports: markup,
 * quotes, CDATA ends, Mermaid syntax and directives, newlines, ids that are Mermaid keywords or
 * object prototype names, names that collide once made safe. Valid for the loader, so every
 * export must cope with it.
 */
import { loadDocument, type SagaDocument } from '../../model/index.ts';

export const HOSTILE_NAMES = {
  design: `Saga <"&'>]]> %%{init: {"securityLevel": "loose"}}%%`,
  actor: `Customer "<script>alert('x')</script>"`,
  placeOrder: `Place <Order> & "pay" ]]> 'now'`,
  orchestrator: 'Orders %%{init: {"securityLevel":"loose"}}%% | [x]; #quot; `md`',
  charge: `Charge & "card" ]]> -->|x| n1`,
  payment: 'Pay & <b>bold</b>\nsecond line ]]>',
  paid: `Paid "]]>" & <done> :::x\nclick n1 call alert()`,
  failed: 'end',
  refund: `Refund ' & " < > ; style n1 fill:#f00`,
  refunds: 'Pay & <b>bold</b> second line',
  done: 'Done 🚀 Zahlungsdienst Ü\ttab',
  shipIt: 'Ship it!',
  shipItToo: 'Ship-it',
  /** Nothing printable: control characters only. */
  silent: '\u0007\u0001',
} as const;

const N = HOSTILE_NAMES;

export function hostileDesign(): SagaDocument {
  const raw = {
    format: 'sagaboard',
    version: 1,
    name: N.design,
    description: '</desc><script>alert(1)</script> & "quotes" ]]>',
    nodes: [
      { id: '__proto__', kind: 'actor', name: N.actor, position: { x: 0, y: 0 } },
      { id: 'end', kind: 'command', name: N.placeOrder, position: { x: 220, y: 0 } },
      { id: 'style', kind: 'orchestrator', name: N.orchestrator, description: 'Runs <everything> & "more"\n]]>', position: { x: 480, y: 0 } },
      { id: 'o', kind: 'command', name: N.charge, position: { x: 760, y: 0 } },
      { id: 'x', kind: 'service', name: N.payment, description: '<img src=x onerror=alert(1)>' },
      { id: 'click', kind: 'event', name: N.paid },
      { id: 'constructor', kind: 'event', name: N.failed, outcome: 'failure' },
      { id: 'a b "c"', kind: 'command', name: N.refund },
      { id: 'class', kind: 'service', name: N.refunds },
      { id: 'graph', kind: 'event', name: N.done, terminal: true },
      { id: 'ship-1', kind: 'event', name: N.shipIt },
      { id: 'ship-2', kind: 'event', name: N.shipItToo, terminal: true },
      { id: '\u0007', kind: 'service', name: N.silent },
    ],
    edges: [
      { id: 'e1', source: '__proto__', target: 'end' },
      { id: 'e2', source: 'end', target: 'style' },
      { id: 'e3', source: 'style', target: 'o', on: ['end'] },
      { id: 'e4', source: 'o', target: 'x' },
      { id: 'e5', source: 'x', target: 'click' },
      { id: 'e6', source: 'x', target: 'constructor' },
      { id: 'e7', source: 'click', target: 'style' },
      { id: 'e8', source: 'constructor', target: 'style' },
      { id: 'e9', source: 'o', target: 'a b "c"' },
      { id: 'e10', source: 'style', target: 'a b "c"' },
      { id: 'e11', source: 'a b "c"', target: 'class' },
      { id: 'e12', source: 'class', target: 'ship-1' },
      { id: 'e13', source: 'style', target: 'graph', on: ['click'] },
      { id: 'e14', source: 'style', target: 'ship-2', on: ['constructor'] },
      { id: 'e15', source: 'click', target: 'graph' },
      { id: 'e16', source: 'class', target: 'ghost' },
      { id: 'e17', source: 'ship-1', target: 'x', compensates: 'o' },
    ],
  };
  const loaded = loadDocument(JSON.stringify(raw));
  if (!loaded.ok) throw new Error(`hostile design: ${loaded.error.message}`);
  return loaded.doc;
}
