/**
 * How many nodes of each kind carry each name (as G003 compares them), kept from one document to
 * the next, to tell whether an edit can change what G003 and G004 say: not when every node it
 * renames, adds or removes has a name of its own, before and after (no other node of its kind
 * shares it, and no command and event share it).
 */
import { nameKey } from '../names.ts';
import type { NodeKind, SagaNode } from '../schema.ts';

/** The kind whose names G004 compares with this kind's. */
const OPPOSITE: Partial<Record<NodeKind, NodeKind>> = { command: 'event', event: 'command' };

const keyOf = (kind: NodeKind, name: string) => `${kind}\u0000${nameKey(name)}`;

export class NameCounts {
  private readonly counts = new Map<string, number>();

  constructor(nodes: readonly SagaNode[]) {
    for (const n of nodes) this.add(n);
  }

  /**
   * Takes `removed` out and puts `added` in (a renamed node is both). True when none of them
   * shared its name, before or after: G003 and G004 then say what they said before.
   */
  apply(removed: readonly SagaNode[], added: readonly SagaNode[]): boolean {
    let alone = removed.every((n) => this.alone(n));
    for (const n of removed) this.count(keyOf(n.kind, n.name), -1);
    for (const n of added) this.add(n);
    if (alone) alone = added.every((n) => this.alone(n));
    return alone;
  }

  private add(n: SagaNode): void {
    this.count(keyOf(n.kind, n.name), 1);
  }

  /** `n` is the only node of its kind with its name, and no node of the opposite kind has it. */
  private alone(n: SagaNode): boolean {
    const opposite = OPPOSITE[n.kind];
    return this.counts.get(keyOf(n.kind, n.name)) === 1 && (opposite === undefined || !this.counts.has(keyOf(opposite, n.name)));
  }

  private count(key: string, by: number): void {
    const n = (this.counts.get(key) ?? 0) + by;
    if (n === 0) this.counts.delete(key);
    else this.counts.set(key, n);
  }
}
