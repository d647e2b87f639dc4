/**
 * A node's icon as SVG shapes in canvas coordinates: the icon's shapes (iconShapes.ts, on a 24 px
 * grid) scaled and moved into place number by number, so the face needs neither a transform nor
 * an image (faceMarkup.ts).
 */
import { ICON_SHAPES, ICON_STROKE, type IconName } from '../iconShapes.ts';

/** A number for SVG markup: three decimals at most, so the markup stays short and stable. */
export const num = (n: number): string => String(Math.round(n * 1000) / 1000);

/** A circle as path data: two arcs, so that it can join other shapes in one path. */
export const circlePath = (cx: number, cy: number, r: number): string => `M${num(cx - r)} ${num(cy)}a${num(r)} ${num(r)} 0 1 0 ${num(2 * r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-2 * r)} 0Z`;

/** How many numbers each path command takes, and which of them are x (0), y (1) or kept as they are (2: arc flags and angle). */
const PARAMETERS: Readonly<Record<string, readonly (0 | 1 | 2 | 3)[]>> = {
  M: [0, 1],
  L: [0, 1],
  H: [0],
  V: [1],
  // rx, ry (3: a length), x-axis rotation, large-arc flag, sweep flag, x, y
  A: [3, 3, 2, 2, 2, 0, 1],
};

/** Path data scaled by `scale` and, for absolute commands, moved by (dx, dy). */
export function placePath(d: string, scale: number, dx: number, dy: number): string {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  const out: string[] = [];
  let command = '';
  let at = 0;
  for (const token of tokens) {
    if (/[A-Za-z]/.test(token)) {
      command = token;
      at = 0;
      out.push(token);
      continue;
    }
    const roles = PARAMETERS[command.toUpperCase()];
    if (!roles) throw new Error(`icon path: unexpected number after "${command}" in ${d}`);
    const role = roles[at % roles.length]!;
    const relative = command === command.toLowerCase();
    const value = Number(token);
    out.push(num(role === 2 ? value : role === 3 || relative ? value * scale : value * scale + (role === 0 ? dx : dy)));
    at++;
  }
  return out.join(' ').replace(/ ?([A-Za-z]) ?/g, '$1');
}

/** The icon `name` in `colour`, `size` pixels square, its top-left corner at (x, y): one path (circles drawn as two arcs), rectangles beside it. */
export function iconMarkup(name: IconName, colour: string, x: number, y: number, size: number): string {
  const s = size / 24;
  const d: string[] = [];
  const others: string[] = [];
  for (const [tag, a] of ICON_SHAPES[name]) {
    const attributes = a as Readonly<Record<string, number | string>>;
    if (tag === 'path') d.push(placePath(String(attributes.d), s, x, y));
    else if (tag === 'circle') d.push(circlePath(x + Number(attributes.cx) * s, y + Number(attributes.cy) * s, Number(attributes.r) * s));
    else
      others.push(
        `<rect x="${num(x + Number(attributes.x) * s)}" y="${num(y + Number(attributes.y) * s)}" width="${num(Number(attributes.width) * s)}" height="${num(Number(attributes.height) * s)}" rx="${num(Number(attributes.rx ?? 0) * s)}"/>`,
      );
  }
  const paint = `fill="none" stroke="${colour}" stroke-width="${num(ICON_STROKE.width * s)}" stroke-linecap="${ICON_STROKE.linecap}" stroke-linejoin="${ICON_STROKE.linejoin}"`;
  if (others.length === 0) return `<path class="sb-face__icon" d="${d.join('')}" ${paint}/>`;
  return `<g class="sb-face__icon" ${paint}><path d="${d.join('')}"/>${others.join('')}</g>`;
}
