/** The outputs of the converted design's participants, gathered as `participant -> message` with every input it answers (`on`). */
import type { SagaDocument } from '../schema.ts';
import type { Draft } from './draft.ts';
import type { BehaviourDifference, ConversionNote } from './report.ts';

/** What one direction of the conversion drew, before it is checked. */
export interface Converted {
  draft: Draft;
  decisions: ConversionNote[];
  differences: BehaviourDifference[];
}

export class Outputs {
  private readonly map = new Map<string, { source: string; target: string; on: Set<string> }>();

  /** `source` emits `target` in response to `input` (a message id of the converted design). */
  add(source: string, target: string, input: string): void {
    const key = `${source}>${target}`;
    let entry = this.map.get(key);
    if (!entry) this.map.set(key, (entry = { source, target, on: new Set() }));
    entry.on.add(input);
  }

  /** Draws one connection per output, keeping the original's connection id where there was one. */
  draw(draft: Draft, original: SagaDocument): void {
    const ids = new Map(original.edges.map((e) => [`${e.source}>${e.target}`, e.id]));
    for (const [key, { source, target, on }] of this.map) draft.link(source, target, { on: [...on] }, ids.get(key));
  }
}
