/** The diagnostics that concern the inspected node, connection or design, under its fields. */
import { RULES, type Diagnostic } from '../../model/index.ts';
import { useValidation } from '../../store/validation.ts';
import { SeverityIcon, SEVERITY_WORD } from '../SeverityIcon.tsx';

type Concern = { node: string } | { edge: string } | { design: true };

function concerns(d: Diagnostic, c: Concern): boolean {
  if ('node' in c) return d.nodes.includes(c.node);
  if ('edge' in c) return d.edges.includes(c.edge);
  return d.nodes.length === 0 && d.edges.length === 0;
}

export function SelectionProblems({ concern, what }: { concern: Concern; what: string }) {
  const validation = useValidation();
  if (!validation) return null;
  const list = validation.diagnostics.filter((d) => concerns(d, concern));
  return (
    <section className="sb-here" aria-label={`Problems with ${what}`} data-testid="inspector-problems">
      {list.length === 0 ? (
        <p className="sb-here__none">
          <svg width="14" height="14" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
            <circle cx="10" cy="10" r="8.5" fill="currentColor" />
            <path d="m6.2 10.3 2.6 2.6 5-5.3" fill="none" stroke="#fff" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          No problems with {what}
        </p>
      ) : (
        <>
          <h3 className="sb-group__title">
            {list.length} problem{list.length === 1 ? '' : 's'} with {what}
          </h3>
          <ul className="sb-here__list">
            {list.map((d, i) => (
              <li key={`${d.rule}-${i}`} className={`sb-here__item sb-here__item--${d.severity}`} data-rule={d.rule}>
                <span className="sb-here__top">
                  <SeverityIcon severity={d.severity} size={13} />
                  <span className="sb-visually-hidden">{SEVERITY_WORD[d.severity]}</span>
                  <code className="sb-diagnostic__rule" title={RULES[d.rule].title}>
                    {d.rule}
                  </code>
                  <span className="sb-here__message">{d.message}</span>
                </span>
                <span className="sb-here__hint">{d.hint}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
