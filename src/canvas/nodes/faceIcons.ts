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

/**
 * Markup with its place left open: `text[0]`, then each slot's number and the text after it. A
 * slot is an x (axis 0) or a y (axis 1) `at` this far from the place. An icon is the same markup
 * on every node of its kind but for where it is: made once, then only its numbers are written.
 */
interface Template {
  text: string[];
  slots: { axis: 0 | 1; at: number }[];
}

/** Writes a Template: text (numbers that never change written in it) and slots (numbers that follow the place). */
class TemplateWriter {
  private readonly template: Template = { text: [''], slots: [] };

  add(text: string): this {
    this.template.text[this.template.text.length - 1] += text;
    return this;
  }

  slot(axis: 0 | 1, at: number): this {
    this.template.slots.push({ axis, at });
    this.template.text.push('');
    return this;
  }

  done(): Template {
    return this.template;
  }
}

/** The template written at (x, y). */
function placed({ text, slots }: Template, x: number, y: number): string {
  let out = text[0]!;
  for (let i = 0; i < slots.length; i++) {
    const { axis, at } = slots[i]!;
    out += num(at + (axis === 0 ? x : y)) + text[i + 1]!;
  }
  return out;
}

/** Path data scaled by `scale` and, for absolute commands, moved by (dx, dy). */
export const placePath = (d: string, scale: number, dx: number, dy: number): string => placed(pathTemplate(d, scale, new TemplateWriter()).done(), dx, dy);

/** Writes path data scaled by `scale`, its absolute commands' numbers as slots: numbers apart by a space, none beside a command. */
function pathTemplate(d: string, scale: number, out: TemplateWriter): TemplateWriter {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  let command = '';
  let at = 0;
  for (const token of tokens) {
    if (/[A-Za-z]/.test(token)) {
      command = token;
      at = 0;
      out.add(token);
      continue;
    }
    const roles = PARAMETERS[command.toUpperCase()];
    if (!roles) throw new Error(`icon path: unexpected number after "${command}" in ${d}`);
    const role = roles[at % roles.length]!;
    const relative = command === command.toLowerCase();
    const value = Number(token);
    if (at > 0) out.add(' ');
    if (role === 2) out.add(num(value));
    else if (role === 3 || relative) out.add(num(value * scale));
    else out.slot(role, value * scale);
    at++;
  }
  return out;
}

/** A circle as path data, its centre a slot (circlePath, with its place left open). */
function circleTemplate(cx: number, cy: number, r: number, out: TemplateWriter): TemplateWriter {
  return out
    .add('M')
    .slot(0, cx - r)
    .add(' ')
    .slot(1, cy)
    .add(`a${num(r)} ${num(r)} 0 1 0 ${num(2 * r)} 0a${num(r)} ${num(r)} 0 1 0 ${num(-2 * r)} 0Z`);
}

const icons = new Map<string, Template>();

/** The icon `name` in `colour`, `size` pixels square, its top-left corner at (x, y): one path (circles drawn as two arcs), rectangles beside it. */
export function iconMarkup(name: IconName, colour: string, x: number, y: number, size: number): string {
  const key = `${name} ${colour} ${size}`;
  let template = icons.get(key);
  if (!template) icons.set(key, (template = iconTemplate(name, colour, size)));
  return placed(template, x, y);
}

function iconTemplate(name: IconName, colour: string, size: number): Template {
  const s = size / 24;
  const d = new TemplateWriter();
  const others: [string, Record<string, number | string>][] = [];
  for (const [tag, a] of ICON_SHAPES[name]) {
    const attributes = a as Readonly<Record<string, number | string>>;
    if (tag === 'path') pathTemplate(String(attributes.d), s, d);
    else if (tag === 'circle') circleTemplate(Number(attributes.cx) * s, Number(attributes.cy) * s, Number(attributes.r) * s, d);
    else others.push([tag, attributes]);
  }
  const paint = `fill="none" stroke="${colour}" stroke-width="${num(ICON_STROKE.width * s)}" stroke-linecap="${ICON_STROKE.linecap}" stroke-linejoin="${ICON_STROKE.linejoin}"`;
  const path = d.done();
  const out = new TemplateWriter();
  const addPath = () => {
    out.add(path.text[0]!);
    path.slots.forEach(({ axis, at }, i) => out.slot(axis, at).add(path.text[i + 1]!));
  };
  if (others.length === 0) {
    out.add('<path class="sb-face__icon" d="');
    addPath();
    return out.add(`" ${paint}/>`).done();
  }
  out.add(`<g class="sb-face__icon" ${paint}><path d="`);
  addPath();
  out.add('"/>');
  for (const [, r] of others) {
    out
      .add('<rect x="')
      .slot(0, Number(r.x) * s)
      .add('" y="')
      .slot(1, Number(r.y) * s)
      .add(`" width="${num(Number(r.width) * s)}" height="${num(Number(r.height) * s)}" rx="${num(Number(r.rx ?? 0) * s)}"/>`);
  }
  return out.add('</g>').done();
}
