/** How a node is pictured in the sidebar: the same icon and caption as on the canvas. */
import type { ComponentType } from 'react';
import { CommandIcon, ConductorIcon, EventIcon, FailureIcon, FlagIcon, PersonIcon, ServiceIcon, UndoIcon } from '../../canvas/icons.tsx';
import type { SagaNode } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { graphOf } from './designGraph.ts';

/** The colour family, matching the canvas's shapes and its legend. */
export type NodeTone = 'actor' | 'service' | 'orchestrator' | 'command' | 'compensation' | 'event' | 'failure' | 'terminal';

export interface NodeLook {
  caption: string;
  tone: NodeTone;
  Icon: ComponentType<{ size?: number }>;
}

/** `compensation`: the node is a command that undoes another one (target of a compensated-by connection). */
export function nodeLook(node: SagaNode, compensation: boolean): NodeLook {
  switch (node.kind) {
    case 'actor':
      return { caption: 'Actor', tone: 'actor', Icon: PersonIcon };
    case 'service':
      return { caption: 'Service', tone: 'service', Icon: ServiceIcon };
    case 'orchestrator':
      return { caption: 'Orchestrator', tone: 'orchestrator', Icon: ConductorIcon };
    case 'command':
      return compensation ? { caption: 'Compensation', tone: 'compensation', Icon: UndoIcon } : { caption: 'Command', tone: 'command', Icon: CommandIcon };
    case 'event': {
      const failure = node.outcome === 'failure';
      if (node.terminal) return { caption: failure ? 'Failure event · end' : 'End event', tone: failure ? 'failure' : 'terminal', Icon: FlagIcon };
      return failure ? { caption: 'Failure event', tone: 'failure', Icon: FailureIcon } : { caption: 'Event', tone: 'event', Icon: EventIcon };
    }
  }
}

/** A node's icon in a small chip of its colour. */
export function NodeGlyph({ look, size = 14 }: { look: NodeLook; size?: number }) {
  const { Icon } = look;
  return (
    <span className={`sb-glyph sb-glyph--${look.tone}`} aria-hidden="true">
      <Icon size={size} />
    </span>
  );
}

/** The glyph of the node with this id, read from the design (nothing when it is gone). */
export function NodeGlyphOf({ id, size = 11 }: { id: string; size?: number }) {
  const node = useDesignStore((s) => (s.doc ? graphOf(s.doc).node.get(id) : undefined));
  const compensation = useDesignStore((s) => (s.doc ? graphOf(s.doc).isCompensation(id) : false));
  return node ? <NodeGlyph look={nodeLook(node, compensation)} size={size} /> : null;
}
