/**
 * The inspector: every attribute of the selection (spec §1), editable. One node, connection,
 * note or group shows its fields; several show a summary; nothing selected shows the design.
 */
import { useShallow } from 'zustand/react/shallow';
import { isReadOnlySource, useDesignStore } from '../../store/designStore.ts';
import { DesignInspector } from './DesignInspector.tsx';
import { EdgeInspector } from './EdgeInspector.tsx';
import { GroupInspector, NoteInspector } from './AnnotationInspectors.tsx';
import { inspectedKey, inspectedOf, fromInspectedKey } from './inspected.ts';
import { NodeInspector } from './NodeInspector.tsx';
import { SelectionSummary } from './SelectionSummary.tsx';
import './inspector.css';

export function Inspector() {
  const inspected = useDesignStore(useShallow((s) => inspectedKey(inspectedOf(s.doc, s.selection))));
  const view = fromInspectedKey(inspected);
  const shared = useDesignStore((s) => isReadOnlySource(s.source));
  // A shared design is a preview: nothing to edit until it is copied.
  if (view.what === 'none' || shared) return null;
  return (
    <section className="sb-panel sb-inspector" aria-labelledby="inspector-heading" data-testid="inspector">
      {view.what === 'design' && <DesignInspector />}
      {/* Keyed by id: another element gets fresh fields, never a half-typed value of the previous one. */}
      {view.what === 'node' && <NodeInspector key={view.id} id={view.id} />}
      {view.what === 'edge' && <EdgeInspector key={view.id} id={view.id} />}
      {view.what === 'note' && <NoteInspector key={view.id} id={view.id} />}
      {view.what === 'group' && <GroupInspector key={view.id} id={view.id} />}
      {view.what === 'several' && <SelectionSummary nodes={view.nodes} edges={view.edges} annotations={view.annotations ?? []} />}
    </section>
  );
}
