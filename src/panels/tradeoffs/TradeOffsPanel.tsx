/**
 * Trade-offs (spec §6.1), beside the verdict: the design's measures as a scorecard — a bar per
 * measure, the worst participant named — each row unfolding to its sentence and lighting its
 * nodes on the canvas; the advice (which parts are workflow steps, which fire-and-forget
 * reactions); and, from the app, the conversion to the other style (`actions`). Measured in the analysis worker.
 */
import { useState, type ReactNode } from 'react';
import type { Style } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useHighlightStore } from '../../store/highlightStore.ts';
import { scorecard, type ScoreRow } from './scorecard.ts';
import { useTradeOffs } from './useTradeOffs.ts';
import './tradeoffs.css';
import { countText } from '../../model/countText.ts';

/** `actions(style)`: what the app offers under the scorecard for a design of that style (conversion and comparison). */
export function TradeOffsPanel({ actions }: { actions?: (style: Style | undefined) => ReactNode }) {
  const [open, setOpen] = useState(true);
  const { shown, measuring, error } = useTradeOffs(open);
  const doc = useDesignStore((s) => s.doc);
  const lit = useHighlightStore((s) => (s.highlight?.origin === 'measure' ? s.highlight.key : undefined));
  if (!doc) return null;
  const names = new Map(doc.nodes.map((n) => [n.id, n.name]));
  const name = (id: string) => names.get(id) ?? shown?.doc.nodes.find((n) => n.id === id)?.name ?? id;
  const rows = shown ? scorecard(shown.tradeOffs, name) : [];
  const toggleRow = (row: ScoreRow) => {
    const store = useHighlightStore.getState();
    if (lit === row.key) return store.clear('measure');
    store.show({ ids: row.nodes, key: row.key, origin: 'measure', label: `${row.label}: ${row.value}${row.about ? ` — ${row.about}` : ''}` });
  };
  return (
    <section className="sb-panel sb-tradeoffs" aria-labelledby="tradeoffs-heading" data-testid="trade-offs">
      <header className="sb-tradeoffs__header">
        <h2 className="sb-panel__title" id="tradeoffs-heading">
          <button type="button" className="sb-tradeoffs__fold" aria-expanded={open} onClick={() => setOpen(!open)}>
            <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" className="sb-tradeoffs__chevron">
              <path d="m3 2 3.5 3L3 8" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
            Trade-offs
          </button>
        </h2>
        {open && measuring && (
          <span className="sb-tradeoffs__status" role="status" data-testid="trade-offs-measuring">
            <span className="sb-tradeoffs__spinner" aria-hidden="true" />
            {shown ? 'Updating…' : `Measuring ${countText(doc.nodes.length)} nodes…`}
          </span>
        )}
      </header>
      {open && (
        <>
          {error && (
            <p className="sb-field__error" role="alert">
              The measures could not be worked out: {error}
            </p>
          )}
          {!shown && measuring && <div className="sb-tradeoffs__placeholder" aria-hidden="true" />}
          {shown && (
            <>
              <p className="sb-tradeoffs__intro">Lower is better on every row. Click a row to see why and light its nodes.</p>
              <ul className="sb-scorecard" aria-label="Measures">
                {rows.map((row) => (
                  <ScoreRowItem key={row.key} row={row} open={lit === row.key} onToggle={() => toggleRow(row)} />
                ))}
              </ul>
              <Advice advice={shown.tradeOffs.advice} name={name} />
            </>
          )}
          {actions?.(shown?.tradeOffs.style)}
        </>
      )}
    </section>
  );
}

function ScoreRowItem({ row, open, onToggle }: { row: ScoreRow; open: boolean; onToggle: () => void }) {
  return (
    <li className={`sb-score${open ? ' sb-score--open' : ''}${row.measured ? '' : ' sb-score--unmeasured'}`} data-testid={`measure-${row.key}`}>
      <button type="button" className="sb-score__row" aria-expanded={open} onClick={onToggle}>
        <span className="sb-score__label">{row.label}</span>
        <span className="sb-score__value" data-testid="measure-value">
          {row.value}
        </span>
        <span className="sb-score__worst">{row.about}</span>
        <span className={`sb-score__track${row.bar === undefined ? ' sb-score__track--none' : ''}`} aria-hidden="true">
          {row.bar !== undefined && <span className="sb-score__fill" style={{ width: `${Math.max(row.bar * 100, row.bar > 0 ? 6 : 0)}%` }} />}
        </span>
      </button>
      {open && (
        <p className="sb-score__message" data-testid="measure-message">
          {row.message}
        </p>
      )}
    </li>
  );
}

function Advice({ advice, name }: { advice: readonly { message: string; nodes: string[] }[]; name: (id: string) => string }) {
  const lit = useHighlightStore((s) => (s.highlight?.origin === 'measure' && s.highlight.key.startsWith('advice:') ? s.highlight.key : undefined));
  if (advice.length === 0) return null;
  return (
    <div className="sb-advice">
      <h3 className="sb-advice__title">Advice</h3>
      <ul className="sb-advice__list" data-testid="advice">
        {advice.map((a, i) => {
          const key = `advice:${i}`;
          return (
            <li key={key}>
              {a.nodes.length === 0 ? (
                <p className="sb-advice__item">{a.message}</p>
              ) : (
                <button
                  type="button"
                  className={`sb-advice__item sb-advice__item--link${lit === key ? ' sb-advice__item--lit' : ''}`}
                  aria-pressed={lit === key}
                  title={`Light ${a.nodes.length} node${a.nodes.length === 1 ? '' : 's'}: ${a.nodes.slice(0, 6).map(name).join(', ')}${a.nodes.length > 6 ? '…' : ''}`}
                  onClick={() => {
                    const store = useHighlightStore.getState();
                    if (lit === key) store.clear('measure');
                    else store.show({ ids: a.nodes, key, origin: 'measure', label: a.message });
                  }}
                >
                  {a.message}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
