/** The head row of a compared table: what the rows are, then each design by name. */
import type { SagaDocument } from '../model/index.ts';
import { SIDES } from './betterMark.tsx';

export function SideHeads({ first, docs }: { first: string; docs: readonly [SagaDocument, SagaDocument] }) {
  return (
    <tr className="sb-compare-table__head">
      <th scope="col">{first}</th>
      {SIDES.map((side, i) => (
        <th key={side.name} scope="col" className={`sb-compare-table__side sb-compare-table__side--${side.name}`}>
          <span className="sb-compare-table__tag">{side.label}</span>
          <span className="sb-compare-table__design" title={docs[i]!.name}>
            {docs[i]!.name}
          </span>
        </th>
      ))}
    </tr>
  );
}
