/**
 * A node's name in the lines the node is sized for (layout/nameLines.ts): the same lines its face
 * (faceMarkup.ts) and the SVG export draw, so the name never reflows between them. A line that
 * starts where a space was keeps it, so the name reads whole to a screen reader and to a search;
 * a browser does not draw a space at the start of a line.
 */
import { nameLines } from '../../layout/nameLines.ts';
import { nodeSize } from '../metrics.ts';
import type { NodeKind } from '../../model/index.ts';

export function WrappedName({ text, kind }: { text: string; kind: NodeKind }) {
  const lines = nameLines(text, nodeSize(text, kind).width, kind);
  return (
    <>
      {lines.map((line, i) => (
        <span key={i} className="sb-node__line">
          {line}
        </span>
      ))}
    </>
  );
}
