/**
 * Compare (spec §6.3): two designs side by side over the whole window — each drawn read-only
 * under the choice of design, then their measures with the better side marked and a verdict per
 * criterion, what each participant's failure ends in, and a Monte Carlo of both. Escape or
 * “Back to the design” returns to the editor, the design on screen untouched.
 */
import { useEffect, useRef } from 'react';
import '../panels/simulation/simulation.css';
import './compare.css';
import { closeCompare, refocusOpener, useCompareStore } from './compareStore.ts';
import { ComparisonSections } from './ComparisonSections.tsx';
import { DesignColumn } from './DesignColumn.tsx';
import { docKey } from './docKey.ts';
import { SIDES } from './betterMark.tsx';

export default function CompareView() {
  const left = useCompareStore((s) => s.left?.doc);
  const right = useCompareStore((s) => s.right?.doc);
  const root = useRef<HTMLDivElement>(null);
  const back = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    back.current?.focus();
    // Keys belong to the view while it is open: Escape closes it, and none reaches the editor behind.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) {
        e.preventDefault();
        e.stopPropagation();
        closeCompare();
      } else if (!(e.target instanceof Node && root.current?.contains(e.target))) e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      refocusOpener();
    };
  }, []);

  return (
    <div ref={root} className="sb-compare" role="dialog" aria-modal="true" aria-labelledby="compare-title" data-testid="compare-view">
      <header className="sb-compare__bar">
        <button ref={back} type="button" className="sb-compare__back" onClick={closeCompare} title="Back to the design (Esc)">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M9.5 3.5 5 8l4.5 4.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          Back to the design
        </button>
        <div className="sb-compare__heading">
          <h1 id="compare-title" className="sb-compare__title">
            Compare
          </h1>
          <p className="sb-compare__subtitle">Two designs side by side: the trade-offs, the failures, many sagas of each</p>
        </div>
      </header>
      <div className="sb-compare__body">
        <div className="sb-compare__designs">
          <aside className="sb-compare-intro">
            <h2 className="sb-compare-intro__title">Reading the comparison</h2>
            <p>Pick any two designs: the one on screen, one saved in this browser, or an example — even the same one twice.</p>
            <ul className="sb-compare-intro__keys">
              <li>
                <span className="sb-compare-mark sb-compare-mark--better">✓ Better</span> the better design on a row
              </li>
              <li>
                <span className="sb-compare-mark sb-compare-mark--same">= Same</span> the two are even
              </li>
              <li>
                <span className="sb-compare-mark sb-compare-mark--none">–</span> not measured: the row says why
              </li>
            </ul>
            <p className="sb-compare-intro__note">Both diagrams pan and zoom; nothing in them can be changed here.</p>
          </aside>
          {SIDES.map((side) => (
            <DesignColumn key={side.name} side={side} />
          ))}
        </div>
        {left && right ? (
          <ComparisonSections key={`${docKey(left)}:${docKey(right)}`} left={left} right={right} />
        ) : (
          <p className="sb-compare__choose">Choose the design to compare with, above: the measures, the failures and the Monte Carlo follow.</p>
        )}
      </div>
    </div>
  );
}
