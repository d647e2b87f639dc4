/**
 * A node's face as SVG markup: the outline and fill of its kind, a soft
 * shadow, its icon, its kind caption and its name, placed as the HTML node (nodes.css) places
 * them, so the two read the same. FaceLayer.tsx draws every node's face in its layer; the HTML node
 * shows its own face only while it is pointed at, selected, renamed, dragged or highlighted.
 *
 * FaceLayer.tsx draws each face where its node is, every position absolute: no group of its own
 * with a `transform`, which would be one more piece for the browser's compositing step to walk on
 * every frame of a pan (docs/decisions.md).
 */
import { captionOf, swatchOf, type NodeFlags } from '../../export/look.ts';
import { xmlText } from '../../export/svgText.ts';
import { CAPTION_FONT, NAME_FONT, TEXT_PADDING, wrapName } from '../../layout/nameLines.ts';
import type { NodeKind } from '../../model/index.ts';
import { NODE_ICONS, type NodeIcon } from './nodeIcons.ts';
import { circlePath, iconMarkup, num } from './faceIcons.ts';

export interface Face extends NodeFlags {
  kind: NodeKind;
  name: string;
  /** The node's problems, for its badge (none: no badge). */
  errors?: number;
  warnings?: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What nodes.css gives each kind: outline width, corner radius, and where the text starts inside the box. */
interface Frame {
  border: number;
  radius: number;
  left: number;
  top: number;
}

const ICON_SIZE = 14;
/** SVG's central baseline sits this much lower than the middle of an HTML line box of the same font. */
const BASELINE_SHIFT = 0.5;
/** The gap between the icon and the caption (the head is a flex row with gap 4px). */
const ICON_GAP = 4;

function frameOf(kind: NodeKind, flags: NodeFlags): Frame {
  switch (kind) {
    case 'actor':
      return { border: 1.5, radius: 28, left: 1.5 + 16, top: 1.5 + 7 };
    case 'command':
      return { border: 0, radius: 0, left: 13, top: 9 };
    case 'event':
      // A terminal event's thicker outline is taken from its padding: the text stays where it was.
      return flags.terminal ? { border: 3.5, radius: 28, left: 3.5 + 12.5, top: 3.5 + 5.5 } : { border: 2, radius: 28, left: 2 + 14, top: 2 + 7 };
    case 'service':
      return flags.orchestrator ? { border: 3, radius: 10, left: 3 + 12, top: 3 + 7 } : { border: 2, radius: 10, left: 2 + 12, top: 2 + 7 };
    case 'orchestrator':
      return { border: 2, radius: 10, left: 2 + 12, top: 2 + 7 };
  }
}

/** The icon in the node's head (nodeIcons.ts), by what the node is. */
export function faceIcon(kind: NodeKind, flags: NodeFlags): NodeIcon {
  switch (kind) {
    case 'command':
      return flags.compensation ? 'compensation' : 'command';
    case 'event':
      if (flags.terminal) return flags.failure ? 'failureEnd' : 'end';
      return flags.failure ? 'failure' : 'event';
    default:
      return kind;
  }
}


const roundedRect = (x: number, y: number, w: number, h: number, r: number, attributes: string) =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="${num(Math.min(r, w / 2, h / 2))}" ${attributes}/>`;

/** The command's tag (CommandNodes' shape), on a 0–100 grid stretched to the box. */
function tagPath(x: number, y: number, w: number, h: number, dy: number): string {
  const px = (v: number) => num(x + (w * v) / 100);
  const py = (v: number) => num(y + (h * (v + dy)) / 100);
  return `M${px(4)} ${py(1.5)} H${px(91)} L${px(98.8)} ${py(50)} L${px(91)} ${py(98.5)} H${px(4)} Q${px(0.8)} ${py(98.5)} ${px(0.8)} ${py(93)} V${py(7)} Q${px(0.8)} ${py(1.5)} ${px(4)} ${py(1.5)} Z`;
}

function outline(face: Face, frame: Frame): string[] {
  const { kind, x, y, width: w, height: h } = face;
  const swatch = swatchOf(kind, face);
  const dashed = swatch.dash ? ' sb-face__outline--dashed' : '';
  const paint = `class="sb-face__outline${dashed}" fill="${swatch.fill}" stroke="${swatch.stroke}" stroke-width="${swatch.strokeWidth}"${swatch.dash ? ` stroke-dasharray="${swatch.dash}"` : ''}`;
  if (kind === 'command') {
    return [`<path class="sb-face__shadow" d="${tagPath(x, y, w, h, 2.5)}"/>`, `<path d="${tagPath(x, y, w, h, 0)}" ${paint} stroke-linejoin="round"/>`];
  }
  const b = frame.border;
  const parts: string[] = [];
  if (kind === 'orchestrator') {
    // The double outline: a white ring of 3 px, then a dark one of 2.5 px, outside the box; a deeper shadow.
    parts.push(roundedRect(x - 3, y + 2, w + 6, h + 6, frame.radius + 3, 'class="sb-face__shadow sb-face__shadow--deep"'));
    parts.push(roundedRect(x - 4.25, y - 4.25, w + 8.5, h + 8.5, frame.radius + 4.25, `class="sb-face__ring" fill="#ffffff" stroke="${swatch.stroke}" stroke-width="2.5"`));
  } else {
    parts.push(roundedRect(x - 0.5, y + 1.5, w + 1, h + 1, frame.radius + 0.5, 'class="sb-face__shadow"'));
  }
  // The CSS border is inside the box; an SVG stroke is centred on its path.
  parts.push(roundedRect(x + b / 2, y + b / 2, w - b, h - b, Math.max(0, frame.radius - b / 2), paint));
  return parts;
}

/** The face's markup: every value escaped, every position absolute. */
export function faceMarkup(face: Face): string {
  const frame = frameOf(face.kind, face);
  const swatch = swatchOf(face.kind, face);
  const left = face.x + frame.left;
  const top = face.y + frame.top;
  const parts = outline(face, frame);
  const [icon, colour] = NODE_ICONS[faceIcon(face.kind, face)];
  parts.push(iconMarkup(icon, colour, left, top, ICON_SIZE));
  parts.push(
    `<text class="sb-face__caption" x="${num(left + ICON_SIZE + ICON_GAP)}" y="${num(top + CAPTION_FONT.lineHeight / 2 - BASELINE_SHIFT)}" fill="${swatch.caption}">${xmlText(captionOf(face.kind, face).toUpperCase())}</text>`,
  );
  const nameTop = top + CAPTION_FONT.lineHeight + TEXT_PADDING.gap;
  wrapName(face.name, face.width, face.kind).forEach((line, i) =>
    parts.push(`<text class="sb-face__name" x="${num(left)}" y="${num(nameTop + i * NAME_FONT.lineHeight + NAME_FONT.lineHeight / 2 - BASELINE_SHIFT)}" fill="${swatch.ink}">${xmlText(line)}</text>`),
  );
  const badge = problemBadge(face, frame.border);
  if (badge) parts.push(badge);
  return parts.join('');
}

/** The problem badge as ProblemBadge.tsx and nodes.css draw it: a pill on the top-right corner, coloured by the worst problem, its glyph and count. */
const BADGE = { height: 22, padding: 6, glyph: 11, gap: 2, digit: 8, ring: 2 } as const;

/**
 * Three elements: the pill, the glyph and the count. The glyph's mark (the error's cross, the
 * warning's bang) is a hole in it, where the pill shows through: as drawn by ProblemBadge.tsx, a
 * line in the pill's colour over the glyph, it took two more elements per badge, and most nodes of
 * a big design have a badge.
 */
function problemBadge(face: Face, border: number): string | undefined {
  const errors = face.errors ?? 0;
  const total = errors + (face.warnings ?? 0);
  if (total === 0) return undefined;
  const error = errors > 0;
  const count = String(total);
  const content = BADGE.glyph + BADGE.gap + count.length * BADGE.digit;
  const width = Math.max(BADGE.height, content + 2 * BADGE.padding);
  // 11 px past the right edge of the node's inside, and above its top (a command's tip: 6 px inside it).
  const right = face.kind === 'command' ? face.x + face.width - 6 : face.x + face.width - border + 11;
  const x = right - width;
  const y = face.y + border - 11;
  const r = BADGE.height / 2;
  const gx = x + (width - content) / 2;
  const gy = y + (BADGE.height - BADGE.glyph) / 2;
  const [fill, ink] = error ? ['#d92d20', '#ffffff'] : ['#fdb022', '#422006'];
  // The white ring round the pill is its stroke, drawn under its fill (paint-order): 2 px show outside.
  return (
    roundedRect(x, y, width, BADGE.height, r, `class="sb-face__badge sb-face__badge-body" fill="${fill}" stroke="#ffffff" stroke-width="${2 * BADGE.ring}" paint-order="stroke"`) +
    `<path class="sb-face__badge-mark" d="${error ? errorGlyph(gx, gy) : warningGlyph(gx, gy)}" fill="${ink}" fill-rule="evenodd"/>` +
    `<text class="sb-face__badge-mark sb-face__badge-count" x="${num(gx + BADGE.glyph + BADGE.gap)}" y="${num(y + r)}" fill="${ink}">${count}</text>`
  );
}

/** A point of a glyph drawn on a 12-unit grid, the glyph's top left at (gx, gy). */
const glyphPoint = (gx: number, gy: number) => {
  const s = BADGE.glyph / 12;
  return (px: number, py: number) => `${num(gx + px * s)} ${num(gy + py * s)}`;
};

/** The error glyph: a disc with a cross cut out (the cross's arms 1.6 wide with round ends, as ProblemBadge.tsx strokes them). */
function errorGlyph(gx: number, gy: number): string {
  const s = BADGE.glyph / 12;
  const at = glyphPoint(gx, gy);
  const w = 0.8;
  const o = w / Math.SQRT2;
  const c = w * Math.SQRT2;
  const cap = (px: number, py: number) => `A${num(w * s)} ${num(w * s)} 0 0 1 ${at(px, py)}`;
  const cross =
    `M${at(6, 6 - c)}L${at(8 - o, 4 - o)}${cap(8 + o, 4 + o)}L${at(6 + c, 6)}` +
    `L${at(8 + o, 8 - o)}${cap(8 - o, 8 + o)}L${at(6, 6 + c)}` +
    `L${at(4 + o, 8 + o)}${cap(4 - o, 8 - o)}L${at(6 - c, 6)}` +
    `L${at(4 - o, 4 + o)}${cap(4 + o, 4 - o)}Z`;
  return circlePath(gx + 6 * s, gy + 6 * s, 5.5 * s) + cross;
}

/** The warning glyph: a triangle with a bang cut out (its bar and dot 1.5 wide with round ends, as ProblemBadge.tsx strokes them). */
function warningGlyph(gx: number, gy: number): string {
  const s = BADGE.glyph / 12;
  const at = glyphPoint(gx, gy);
  const w = 0.75;
  const arc = (px: number, py: number) => `A${num(w * s)} ${num(w * s)} 0 0 1 ${at(px, py)}`;
  const bar = `M${at(6 - w, 4.4)}${arc(6 + w, 4.4)}L${at(6 + w, 7.4)}${arc(6 - w, 7.4)}Z`;
  return `M${at(6, 0.9)}L${at(11.4, 10.6)}L${at(0.6, 10.6)}Z` + bar + circlePath(gx + 6 * s, gy + 9.1 * s, w * s);
}
