/**
 * Designs that never end, for the tests of the simulator's work bound (unit, command line and
 * end-to-end): plain documents, built without the file system.
 */
import { CURRENT_VERSION, type SagaDocument } from '../schema.ts';

/**
 * An event storm that fans out: Seeder publishes Ticked, which `width` workers subscribe to and
 * each publish again, so every Ticked is delivered `width` times and each delivery makes another.
 * Laid out in rows so that the canvas can draw it.
 */
export function fanOutStorm(width: number): SagaDocument {
  const at = (x: number, y: number) => ({ x: x * 200, y: y * 120 });
  const nodes: SagaDocument['nodes'] = [
    { id: 'user', kind: 'actor', name: 'User', position: at(0, 0) },
    { id: 'start', kind: 'command', name: 'Start', position: at(1, 0) },
    { id: 'seeder', kind: 'service', name: 'Seeder', position: at(2, 0) },
    { id: 'ticked', kind: 'event', name: 'Ticked', position: at(3, 0) },
  ];
  const edges: SagaDocument['edges'] = [
    { id: 'sends', source: 'user', target: 'start' },
    { id: 'handled', source: 'start', target: 'seeder' },
    { id: 'seeds', source: 'seeder', target: 'ticked' },
  ];
  for (let i = 0; i < width; i++) {
    nodes.push({ id: `w${i}`, kind: 'service', name: `Worker${i}`, position: at(i % 40, 2 + Math.floor(i / 40)) });
    edges.push({ id: `sub${i}`, source: 'ticked', target: `w${i}` }, { id: `pub${i}`, source: `w${i}`, target: 'ticked' });
  }
  return { format: 'sagaboard', version: CURRENT_VERSION, name: `Fan-out storm ×${width}`, nodes, edges };
}

/** Two services whose events trigger each other forever: Pinger publishes Pinged, Ponger answers Ponged. */
export function pingPongStorm(): SagaDocument {
  return {
    format: 'sagaboard',
    version: CURRENT_VERSION,
    name: 'Ping pong',
    nodes: [
      { id: 'user', kind: 'actor', name: 'User' },
      { id: 'start', kind: 'command', name: 'Start' },
      { id: 'pinger', kind: 'service', name: 'Pinger' },
      { id: 'pinged', kind: 'event', name: 'Pinged' },
      { id: 'ponger', kind: 'service', name: 'Ponger' },
      { id: 'ponged', kind: 'event', name: 'Ponged' },
    ],
    edges: [
      { id: 'e1', source: 'user', target: 'start' },
      { id: 'e2', source: 'start', target: 'pinger' },
      { id: 'e3', source: 'pinger', target: 'pinged', on: ['start', 'ponged'] },
      { id: 'e4', source: 'pinged', target: 'ponger' },
      { id: 'e5', source: 'ponger', target: 'ponged' },
      { id: 'e6', source: 'ponged', target: 'pinger' },
    ],
  };
}
