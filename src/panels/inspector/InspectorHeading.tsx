/** The top line of the inspector: what is inspected, with its icon, and its id in the file. */
import type { ReactNode } from 'react';

export function InspectorHeading({ glyph, title, id }: { glyph?: ReactNode; title: string; id?: string }) {
  return (
    <header className="sb-inspector__head">
      {glyph}
      <h2 className="sb-panel__title sb-inspector__title" id="inspector-heading" data-testid="inspector-title">
        {title}
      </h2>
      {id !== undefined && (
        <code className="sb-inspector__id" title="Id in the design file">
          {id}
        </code>
      )}
    </header>
  );
}
