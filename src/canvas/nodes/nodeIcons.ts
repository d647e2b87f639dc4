/**
 * The icon in a node's head, by what the node is, drawn as a background image: an SVG element of
 * its own in each of thousands of nodes cost a layer transform, a clip and a dozen objects each,
 * on every frame of a pan (iconShapes.ts holds the shapes, shared with the React icons).
 */
import { ICON_SHAPES, ICON_STROKE, type IconName } from '../iconShapes.ts';

/** What a node's icon shows, and in which colour (on the node's fill; the orchestrator's fill is dark). */
export const NODE_ICONS = {
  actor: ['person', '#475569'],
  service: ['service', '#334155'],
  orchestrator: ['conductor', '#fbbf24'],
  command: ['command', '#2563eb'],
  compensation: ['undo', '#7c3aed'],
  event: ['event', '#ea7a12'],
  failure: ['failure', '#dc2626'],
  end: ['flag', '#ea7a12'],
  failureEnd: ['flag', '#dc2626'],
} as const satisfies Record<string, readonly [IconName, string]>;

export type NodeIcon = keyof typeof NODE_ICONS;

const escape = (v: number | string) => String(v).replace(/[<>&'"]/g, '');

/** The icon as an SVG document, for an image. */
export function iconSvg(name: IconName, colour: string): string {
  const parts = ICON_SHAPES[name].map(([tag, attributes]) => `<${tag} ${Object.entries(attributes).map(([k, v]) => `${k}='${escape(v)}'`).join(' ')}/>`);
  return `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24' fill='none' stroke='${colour}' stroke-width='${ICON_STROKE.width}' stroke-linecap='${ICON_STROKE.linecap}' stroke-linejoin='${ICON_STROKE.linejoin}'>${parts.join('')}</svg>`;
}

const images = new Map<NodeIcon, string>();

/** The CSS background-image of a node icon, made once per icon. */
export function nodeIconImage(icon: NodeIcon): string {
  let image = images.get(icon);
  if (image === undefined) {
    const [name, colour] = NODE_ICONS[icon];
    images.set(icon, (image = `url("data:image/svg+xml,${encodeURIComponent(iconSvg(name, colour))}")`));
  }
  return image;
}
