/** The choice after a good import: open it as a new design, or replace the design on screen (one undo step). */
import { useEffect, useRef } from 'react';
import { perform } from '../../actions/action.ts';
import { replaceDesign } from '../../actions/design.ts';
import { isReadOnlySource, useDesignStore } from '../../store/designStore.ts';
import { cancelImport, useImportStore } from '../../store/importing.ts';
import { useSimulationStore } from '../../store/simulationStore.ts';
import { openAsNewDesign } from '../designs/designActions.ts';

export function ImportDialog() {
  const pending = useImportStore((s) => s.pending);
  const current = useDesignStore((s) => s.doc?.name);
  const shared = useDesignStore((s) => isReadOnlySource(s.source));
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (pending && d && !d.open) d.showModal();
  }, [pending]);
  if (!pending) return null;
  const { doc, fileName } = pending;
  const openNew = () => {
    cancelImport();
    useSimulationStore.getState().stop();
    void openAsNewDesign(doc);
  };
  const replace = () => {
    cancelImport();
    useSimulationStore.getState().stop();
    perform(replaceDesign, { doc, from: `“${fileName}”` });
  };
  return (
    <dialog ref={dialog} className="sb-confirm" aria-labelledby="import-title" onClose={cancelImport} data-testid="import-dialog">
      <h2 className="sb-confirm__title" id="import-title">
        Import “{doc.name}”
      </h2>
      <p className="sb-confirm__text">
        {fileName} holds a design with {doc.nodes.length} node{doc.nodes.length === 1 ? '' : 's'} and {doc.edges.length} connection
        {doc.edges.length === 1 ? '' : 's'}.
      </p>
      <div className="sb-confirm__buttons">
        <button type="button" className="sb-button" onClick={cancelImport}>
          Cancel
        </button>
        {current && !shared && (
          <button type="button" className="sb-button" onClick={replace} title="Ctrl+Z brings the current design back">
            Replace “{current}”
          </button>
        )}
        <button type="button" className="sb-button sb-button--primary" onClick={openNew} autoFocus>
          Open as a new design
        </button>
      </div>
    </dialog>
  );
}
