/** Several elements selected: how many, which, and ways to group them or delete them together. */
import { useShallow } from 'zustand/react/shallow';
import { canGroup, groupSelection } from '../../actions/selection.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { deleteElements } from './edits.ts';
import { InspectorHeading } from './InspectorHeading.tsx';

/** How many names are listed before "and N more". */
const LISTED = 6;

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export function SelectionSummary({ nodes, edges, annotations = [] }: { nodes: readonly string[]; edges: readonly string[]; annotations?: readonly string[] }) {
  const notes = useDesignStore((s) => annotations.filter((id) => s.doc?.notes?.some((n) => n.id === id)).length);
  const groupable = useDesignStore((s) => canGroup(s.doc, [...nodes, ...annotations]));
  const names = useDesignStore(
    useShallow((s) => {
      const byId = new Map(s.doc?.nodes.map((n) => [n.id, n.name]));
      return nodes.slice(0, LISTED).map((id) => byId.get(id) ?? id);
    }),
  );
  const rest = nodes.length - names.length;
  const groups = annotations.length - notes;
  const summary = [
    nodes.length > 0 && count(nodes.length, 'node'),
    edges.length > 0 && count(edges.length, 'connection'),
    notes > 0 && count(notes, 'note'),
    groups > 0 && count(groups, 'group'),
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <InspectorHeading title="Selection" />
      <div className="sb-inspector__body">
        <p className="sb-selection__count" data-testid="selection-summary">
          {summary} selected
        </p>
        {names.length > 0 && (
          <ul className="sb-selection__names" aria-label="Selected nodes">
            {names.map((n, i) => (
              <li key={`${n}-${i}`}>{n}</li>
            ))}
            {rest > 0 && <li className="sb-selection__more">and {rest} more</li>}
          </ul>
        )}
        <p className="sb-field__help">Select a single node or connection to edit its attributes.</p>
        <div className="sb-actions">
          {groupable && (
            <button type="button" className="sb-button" title={`Frame the selected nodes as a named group (${mod}+G)`} onClick={groupSelection}>
              Group
            </button>
          )}
          <button type="button" className="sb-button sb-button--danger" onClick={() => deleteElements([...nodes, ...annotations], edges)}>
            <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
              <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
            </svg>
            Delete
          </button>
        </div>
      </div>
    </>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
