/**
 * A scene as a self-contained SVG: inline presentation attributes (no CSS, no fonts fetched, a
 * system font stack), arrowheads as markers, every piece of text XML-escaped. It holds no
 * script, no event attributes and no link outside itself (only `url(#marker)` references).
 */
import { EMPTY_DESIGN, ExportRefused } from './refusal.ts';
import { captionOf, dashOf, defaultFamily, FAMILY_COLOUR, swatchOf, type EdgeFamily } from './look.ts';
import type { Scene, SceneEdge, SceneGroup, SceneNode, SceneNote } from './scene.ts';
import { FRAME_LABEL, frameLabelBox, frameLabelText, groupColours, NOTE_FONT, NOTE_PADDING, noteLines } from '../layout/annotations.ts';
import { CAPTION_FONT, NAME_FONT, TEXT_PADDING, textInset, wrapName, xmlText } from './svgText.ts';

export interface SvgOptions {
  /** `transparent` (default) or `white`. */
  background?: 'transparent' | 'white';
  /** Space around the drawing, in pixels (default 24). */
  padding?: number;
  /** The picture's accessible title, e.g. the design's name. */
  title?: string;
  /** Prefix of the marker ids, so several exported pictures can share one HTML page (default `sagaboard`). */
  idPrefix?: string;
}

const FONT_STACK = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";
const LABEL_FONT_SIZE = 11;

/** The SVG text of a scene. Throws ExportRefused for an empty scene, and an Error for impossible numbers or options. */
export function toSvg(scene: Scene, options: SvgOptions = {}): string {
  if (scene.nodes.length === 0) throw new ExportRefused(EMPTY_DESIGN);
  const { background = 'transparent', padding = 24, idPrefix = 'sagaboard' } = options;
  if (background !== 'transparent' && background !== 'white') throw new Error(`background must be "transparent" or "white", got ${JSON.stringify(background)}`);
  if (!Number.isFinite(padding) || padding < 0) throw new Error(`padding must be a number of pixels from 0, got ${padding}`);
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(idPrefix)) throw new Error(`idPrefix must be letters, digits, - and _, starting with a letter, got ${JSON.stringify(idPrefix)}`);
  checkNumbers(scene);

  const { bounds } = scene;
  const view = [bounds.x - padding, bounds.y - padding, bounds.width + 2 * padding, bounds.height + 2 * padding].map(num);
  const markerId = (family: EdgeFamily) => `${idPrefix}-arrow-${family}`;
  const families = [...new Set(scene.edges.map(familyOfEdge))];
  const title = options.title?.trim();

  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${view[2]}" height="${view[3]}" viewBox="${view.join(' ')}" role="img"${title ? ` aria-label="${xmlText(title)}"` : ''} font-family="${xmlText(FONT_STACK)}">`,
    ...(title ? [`<title>${xmlText(title)}</title>`] : []),
    ...(families.length > 0 ? ['<defs>', ...families.map((f) => marker(markerId(f), FAMILY_COLOUR[f])), '</defs>'] : []),
    ...(background === 'white' ? [`<rect x="${view[0]}" y="${view[1]}" width="${view[2]}" height="${view[3]}" fill="#ffffff"/>`] : []),
    // Group frames behind everything, as on the canvas.
    ...(scene.groups?.length ? ['<g>', ...scene.groups.flatMap(groupFrame), '</g>'] : []),
    '<g>',
    ...scene.edges.map((e) => edgeLine(e, markerId(familyOfEdge(e)))),
    '</g>',
    '<g>',
    ...scene.nodes.flatMap(nodeShape),
    '</g>',
    ...(scene.notes?.length ? ['<g>', ...scene.notes.flatMap(noteShape), '</g>'] : []),
    // Labels last: a short gap between two nodes would otherwise hide them.
    '<g>',
    ...scene.edges.flatMap(edgeLabel),
    '</g>',
    '</svg>',
  ];
  return `${out.join('\n')}\n`;
}

const familyOfEdge = (e: SceneEdge): EdgeFamily => e.family ?? defaultFamily(e.meaning);

function marker(id: string, colour: string): string {
  return (
    `<marker id="${id}" viewBox="0 0 12 12" refX="11" refY="6" markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" orient="auto-start-reverse">` +
    `<path d="M1 1.5 11 6 1 10.5 3.2 6z" fill="${colour}" stroke="${colour}" stroke-width="1" stroke-linejoin="round"/></marker>`
  );
}

function edgeLine(e: SceneEdge, markerId: string): string {
  const family = familyOfEdge(e);
  const dash = dashOf(e.meaning, family, e.dashed === true);
  const dotted = dash === '0.5 5';
  return (
    `<path d="${xmlText(e.path)}" fill="none" stroke="${FAMILY_COLOUR[family]}" stroke-width="${dotted ? 2.6 : 2}" stroke-linecap="round"` +
    `${dash ? ` stroke-dasharray="${dash}"` : ''} marker-end="url(#${markerId})"/>`
  );
}

/** A label with a white halo, so it reads over the lines it crosses. */
function edgeLabel(e: SceneEdge): string[] {
  if (!e.label || e.label.text.trim() === '') return [];
  return [
    `<text x="${num(e.label.x)}" y="${num(e.label.y)}" text-anchor="middle" dominant-baseline="middle" font-size="${LABEL_FONT_SIZE}" font-weight="600" fill="${FAMILY_COLOUR[familyOfEdge(e)]}" stroke="#ffffff" stroke-width="3" stroke-linejoin="round" paint-order="stroke">${xmlText(e.label.text)}</text>`,
  ];
}

function nodeShape(n: SceneNode): string[] {
  const s = swatchOf(n.kind, n);
  const paint = `fill="${s.fill}" stroke="${s.stroke}" stroke-width="${s.strokeWidth}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}`;
  const { x, y, width: w, height: h } = n;
  const shape: string[] = [];
  switch (n.kind) {
    case 'command': {
      // A tag pointing the way the message goes, as on the canvas.
      const tip = Math.min(14, w / 4);
      const d = `M${num(x + 4)} ${num(y)} H${num(x + w - tip)} L${num(x + w)} ${num(y + h / 2)} L${num(x + w - tip)} ${num(y + h)} H${num(x + 4)} Q${num(x)} ${num(y + h)} ${num(x)} ${num(y + h - 4)} V${num(y + 4)} Q${num(x)} ${num(y)} ${num(x + 4)} ${num(y)} Z`;
      shape.push(`<path d="${d}" ${paint} stroke-linejoin="round"/>`);
      break;
    }
    case 'orchestrator': {
      // The canvas's double outline: a white gap, then a second dark ring.
      const ring = 4.25;
      shape.push(`<rect x="${num(x - ring)}" y="${num(y - ring)}" width="${num(w + 2 * ring)}" height="${num(h + 2 * ring)}" rx="${num(10 + ring)}" fill="#ffffff" stroke="${s.stroke}" stroke-width="2.5"/>`);
      shape.push(rect(x, y, w, h, 10, paint));
      break;
    }
    default: {
      const radius = n.kind === 'service' ? 10 : Math.min(28, h / 2);
      shape.push(rect(x, y, w, h, radius, paint));
    }
  }
  const lines = wrapName(n.name, w, n.kind);
  const inset = textInset(n.kind);
  const blockHeight = CAPTION_FONT.lineHeight + TEXT_PADDING.gap + lines.length * NAME_FONT.lineHeight;
  const top = y + (h - blockHeight) / 2;
  const left = num(x + inset.left);
  // Baselines sit about three quarters down each line box.
  shape.push(
    `<text x="${left}" y="${num(top + CAPTION_FONT.lineHeight * 0.75)}" font-size="${CAPTION_FONT.size}" font-weight="${CAPTION_FONT.weight}" letter-spacing="0.4" fill="${s.caption}">${xmlText(captionOf(n.kind, n).toUpperCase())}</text>`,
  );
  const nameTop = top + CAPTION_FONT.lineHeight + TEXT_PADDING.gap;
  lines.forEach((line, i) =>
    shape.push(
      `<text x="${left}" y="${num(nameTop + i * NAME_FONT.lineHeight + NAME_FONT.lineHeight * 0.75)}" font-size="${NAME_FONT.size}" font-weight="${NAME_FONT.weight}" fill="${s.ink}">${xmlText(line)}</text>`,
    ),
  );
  return shape;
}

/** A frame: a light tint of the group's colour inside a rounded outline, the name in a pill on its top edge. */
function groupFrame(g: SceneGroup): string[] {
  const c = groupColours(g.color);
  const label = frameLabelBox(g, g.name);
  return [
    `<rect x="${num(g.x)}" y="${num(g.y)}" width="${num(g.width)}" height="${num(g.height)}" rx="14" fill="${c.fill}" fill-opacity="0.7" stroke="${c.stroke}" stroke-width="1.5" stroke-opacity="0.8"/>`,
    `<rect x="${num(label.x)}" y="${num(label.y)}" width="${num(label.width)}" height="${num(label.height)}" rx="${num(label.height / 2)}" fill="#ffffff" stroke="${c.stroke}" stroke-width="1.5"/>`,
    `<text x="${num(label.x + FRAME_LABEL.paddingX)}" y="${num(label.y + label.height / 2)}" dominant-baseline="central" font-size="${FRAME_LABEL.size}" font-weight="${FRAME_LABEL.weight}" fill="${c.ink}">${xmlText(frameLabelText(g.name, label))}</text>`,
  ];
}

/** A sticky note: pale yellow paper with a soft shadow, its text in lines. */
function noteShape(n: SceneNote): string[] {
  const lines = noteLines(n.text, n.width);
  const x = num(n.x + NOTE_PADDING.x);
  return [
    `<rect x="${num(n.x + 1)}" y="${num(n.y + 2)}" width="${num(n.width)}" height="${num(n.height)}" rx="4" fill="#0f172a" fill-opacity="0.08"/>`,
    `<rect x="${num(n.x)}" y="${num(n.y)}" width="${num(n.width)}" height="${num(n.height)}" rx="4" fill="#fef6c3" stroke="#e8d27a" stroke-width="1"/>`,
    ...lines.flatMap((line, i) =>
      line === '' ? [] : [`<text x="${x}" y="${num(n.y + NOTE_PADDING.y + i * NOTE_FONT.lineHeight + NOTE_FONT.lineHeight * 0.72)}" font-size="${NOTE_FONT.size}" fill="#3f3a1d" xml:space="preserve">${xmlText(line)}</text>`],
    ),
  ];
}

const rect = (x: number, y: number, w: number, h: number, r: number, paint: string) =>
  `<rect x="${num(x)}" y="${num(y)}" width="${num(w)}" height="${num(h)}" rx="${num(r)}" ${paint}/>`;

/** Two decimals at most: enough for a picture, and stable text. */
const num = (n: number) => String(Math.round(n * 100) / 100);

/** NaN or Infinity would make an unreadable picture: say which number is wrong. */
function checkNumbers(scene: Scene): void {
  const check = (where: string, values: Record<string, number>) => {
    for (const [key, value] of Object.entries(values)) if (!Number.isFinite(value)) throw new Error(`${where}: ${key} must be a finite number, got ${value}`);
  };
  check('scene bounds', scene.bounds);
  for (const n of scene.nodes) check(`scene node ${n.id}`, { x: n.x, y: n.y, width: n.width, height: n.height });
  for (const e of scene.edges) if (e.label) check(`scene edge ${e.id} label`, { x: e.label.x, y: e.label.y });
  for (const n of scene.notes ?? []) check(`scene note ${n.id}`, { x: n.x, y: n.y, width: n.width, height: n.height });
  for (const g of scene.groups ?? []) check(`scene group ${g.id}`, { x: g.x, y: g.y, width: g.width, height: g.height });
}
