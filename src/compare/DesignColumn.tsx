/** One side of the Compare view: the choice of design, its detected style, and the design drawn read-only. */
import type { Style } from '../model/index.ts';
import { StyleIcon } from '../panels/StyleIcon.tsx';
import { validationOf } from '../store/validation.ts';
import { useCompareStore } from './compareStore.ts';
import { DesignPicker } from './DesignPicker.tsx';
import { docKey } from './docKey.ts';
import { ReadOnlyDiagram } from './ReadOnlyDiagram.tsx';
import type { Side } from './betterMark.tsx';

export const STYLE_LABEL: Readonly<Record<Style, string>> = {
  orchestration: 'Orchestration',
  choreography: 'Choreography',
  hybrid: 'Hybrid',
  undetermined: 'Undetermined style',
};

export function DesignColumn({ side }: { side: Side }) {
  const design = useCompareStore((s) => s[side.name]);
  const validation = design && validationOf(design.doc);
  return (
    <section className={`sb-compare-design sb-compare-design--${side.name}`} aria-label={`${side.label} side`} data-testid={`compare-${side.name}`}>
      <header className="sb-compare-design__head">
        <DesignPicker
          side={side}
          aside={
            validation && (
              <span className={`sb-compare-style sb-compare-style--${validation.style}`} data-testid={`compare-style-${side.name}`}>
                <StyleIcon style={validation.style} />
                {STYLE_LABEL[validation.style]}
              </span>
            )
          }
        />
      </header>
      <div className="sb-compare-design__diagram">
        {design ? (
          <ReadOnlyDiagram key={docKey(design.doc)} id={`compare-${side.name}`} doc={design.doc} label={`Diagram of ${design.doc.name} (${side.name})`} testId={`compare-diagram-${side.name}`} />
        ) : (
          <div className="sb-compare-design__empty">
            <svg width="36" height="36" viewBox="0 0 36 36" aria-hidden="true">
              <rect x="4.5" y="7.5" width="27" height="21" rx="4" fill="none" stroke="currentColor" strokeWidth="1.6" strokeDasharray="4 3" />
              <path d="M18 13v10M13 18h10" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            <p>Choose a design above to compare with the {side.name === 'left' ? 'right' : 'left'} one.</p>
          </div>
        )}
      </div>
    </section>
  );
}
