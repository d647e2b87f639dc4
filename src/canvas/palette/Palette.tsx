/**
 * The palette: the five node kinds, a failure event and a note. Drag one onto the canvas, or
 * click it (or press Enter on it) to add it in the middle of the view. After them, Group makes a
 * group of the selected nodes (Ctrl+G).
 */
import { memo, type DragEvent, type KeyboardEvent, type ReactNode } from 'react';
import { Panel, useReactFlow } from '@xyflow/react';
import { useDesignStore } from '../../store/designStore.ts';
import { PALETTE_MIME, placeItem, type PaletteItem as Item } from '../editing/useCanvasEditing.ts';
import { CommandIcon, ConductorIcon, EventIcon, FailureIcon, GroupIcon, NoteIcon, PersonIcon, ServiceIcon } from '../icons.tsx';
import { canGroup, groupSelection } from '../../actions/selection.ts';
import './palette.css';

interface PaletteItem {
  preset: Item;
  label: string;
  icon: ReactNode;
  help: string;
}

const ITEMS: readonly PaletteItem[] = [
  { preset: 'actor', label: 'Actor', icon: <PersonIcon />, help: 'A person or client that starts the process' },
  { preset: 'service', label: 'Service', icon: <ServiceIcon />, help: 'A participant that owns local transactions' },
  { preset: 'orchestrator', label: 'Orchestrator', icon: <ConductorIcon />, help: 'The central coordinator of an orchestrated saga' },
  { preset: 'command', label: 'Command', icon: <CommandIcon />, help: 'An intent with exactly one handler (ReserveInventory)' },
  { preset: 'event', label: 'Event', icon: <EventIcon />, help: 'A fact with any number of subscribers (InventoryReserved)' },
  { preset: 'failureEvent', label: 'Failure', icon: <FailureIcon />, help: 'A failure event, published when a handling fails (PaymentFailed)' },
  { preset: 'note', label: 'Note', icon: <NoteIcon />, help: 'Free text on the canvas, for what the diagram does not say' },
];

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** Where a click adds a node: the middle of the view, nudged so it does not land on another node. */
function freeSpotInView(screenToFlow: (p: { x: number; y: number }) => { x: number; y: number }) {
  const pane = document.querySelector('.sb-canvas .react-flow')?.getBoundingClientRect();
  const centre = pane ? screenToFlow({ x: pane.left + pane.width / 2, y: pane.top + pane.height / 2 }) : { x: 0, y: 0 };
  const taken = useDesignStore.getState().doc?.nodes.map((n) => n.position).filter((p) => p !== undefined) ?? [];
  let spot = centre;
  for (let i = 1; i < 50 && taken.some((p) => Math.abs(p.x + 80 - spot.x) < 40 && Math.abs(p.y + 28 - spot.y) < 28); i++) {
    spot = { x: centre.x + 32 * i, y: centre.y + 32 * i };
  }
  return spot;
}

/** A toolbar's arrow keys: ← → move between the items (Home, End: first, last); Tab still reaches each. */
function moveAlongToolbar(e: KeyboardEvent<HTMLDivElement>) {
  const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
  const at = items.indexOf(document.activeElement as HTMLButtonElement);
  const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 }[e.key];
  if (at < 0 || next === undefined) return;
  e.preventDefault();
  items[(next + items.length) % items.length]?.focus();
}

// memo: the canvas re-renders on every frame of a node drag (its nodes are React state); this need not.
export const Palette = memo(function Palette() {
  const { screenToFlowPosition } = useReactFlow();
  const readOnly = useDesignStore((s) => s.doc === null);
  const groupable = useDesignStore((s) => canGroup(s.doc, s.selection.nodes));
  const onDragStart = (event: DragEvent, preset: Item) => {
    event.dataTransfer.setData(PALETTE_MIME, preset);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <Panel position="top-center" className="sb-palette" role="toolbar" aria-label="Add to the design" onKeyDown={moveAlongToolbar}>
      {ITEMS.map((item) => (
        <button
          key={item.preset}
          type="button"
          className={`sb-palette__item sb-palette__item--${item.preset}`}
          draggable={!readOnly}
          disabled={readOnly}
          title={`${item.help}. Drag onto the canvas, or click (or press Enter) to add.`}
          data-testid={`palette-${item.preset}`}
          onDragStart={(e) => onDragStart(e, item.preset)}
          onClick={() => placeItem(item.preset, freeSpotInView(screenToFlowPosition))}
        >
          <span className="sb-palette__icon" aria-hidden="true">
            {item.icon}
          </span>
          <span className="sb-palette__label">{item.label}</span>
        </button>
      ))}
      <span className="sb-palette__separator" aria-hidden="true" />
      <button
        type="button"
        className="sb-palette__item sb-palette__item--group sb-palette__item--action"
        disabled={readOnly || !groupable}
        title={groupable ? `Group the selected nodes in a named frame (${mod}+G)` : `Select nodes (Shift+click), then group them in a named frame (${mod}+G)`}
        data-testid="palette-group"
        onClick={groupSelection}
      >
        <span className="sb-palette__icon" aria-hidden="true">
          <GroupIcon />
        </span>
        <span className="sb-palette__label">Group</span>
      </button>
    </Panel>
  );
});
