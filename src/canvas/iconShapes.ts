/**
 * The shapes of Sagaboard's small icons, drawn on a 24×24 grid and stroked: as data, so that the
 * same shape is drawn by React (icons.tsx) and as an image (nodes/nodeIcons.ts: the icon on every
 * node of a big design costs a background image, not an SVG of its own).
 */
export type IconPart = readonly ['circle', { cx: number; cy: number; r: number }] | readonly ['path', { d: string }] | readonly ['rect', Readonly<Record<string, number | string>>];
export type IconShape = readonly IconPart[];

export const ICON_SHAPES = {
  person: [
    ['circle', { cx: 12, cy: 7.5, r: 4 }],
    ['path', { d: 'M4 21v-.5A6.5 6.5 0 0 1 10.5 14h3a6.5 6.5 0 0 1 6.5 6.5v.5' }],
  ],
  service: [
    ['path', { d: 'M12 2.8 20.5 7.4v9.2L12 21.2l-8.5-4.6V7.4z' }],
    ['path', { d: 'M3.8 7.6 12 12l8.2-4.4M12 12v9' }],
  ],
  /** A conductor: one hub that every participant is wired to. */
  conductor: [
    ['circle', { cx: 12, cy: 12, r: 3.2 }],
    ['circle', { cx: 4.5, cy: 4.5, r: 1.8 }],
    ['circle', { cx: 19.5, cy: 4.5, r: 1.8 }],
    ['circle', { cx: 4.5, cy: 19.5, r: 1.8 }],
    ['circle', { cx: 19.5, cy: 19.5, r: 1.8 }],
    ['path', { d: 'M9.7 9.7 5.8 5.8M14.3 9.7l3.9-3.9M9.7 14.3l-3.9 3.9M14.3 14.3l3.9 3.9' }],
  ],
  command: [['path', { d: 'M4 12h15M13 5.5l6.5 6.5-6.5 6.5' }]],
  event: [['path', { d: 'M13.5 2.5 4.5 13.5h7l-1 8 9-11h-7z' }]],
  failure: [
    ['circle', { cx: 12, cy: 12, r: 9 }],
    ['path', { d: 'm9 9 6 6M15 9l-6 6' }],
  ],
  flag: [
    ['path', { d: 'M5.5 21.5v-18' }],
    ['path', { d: 'M5.5 4h12l-2.5 4.25L17.5 12.5h-12' }],
  ],
  undo: [
    ['path', { d: 'M9 14.5 4 9.5l5-5' }],
    ['path', { d: 'M4 9.5h10.5a5.5 5.5 0 0 1 0 11H10' }],
  ],
  /** A circular arrow coming round again: retried. */
  retry: [
    ['path', { d: 'M20 12a8 8 0 1 1-2.34-5.66' }],
    ['path', { d: 'M20.5 3.5v5h-5' }],
  ],
  /** A stopwatch: a timeout. */
  timeout: [
    ['circle', { cx: 12, cy: 13.5, r: 8 }],
    ['path', { d: 'M12 13.5V9.5M9.5 2.5h5' }],
  ],
  note: [
    ['path', { d: 'M4 4h16v11l-5 5H4z' }],
    ['path', { d: 'M15 20v-5h5M8 9h8M8 13h5' }],
  ],
  group: [
    ['rect', { x: 2.5, y: 4.5, width: 19, height: 16, rx: 3, 'stroke-dasharray': '3 2.4' }],
    ['rect', { x: 6, y: 9, width: 5, height: 4, rx: 1 }],
    ['rect', { x: 13, y: 13, width: 5, height: 4, rx: 1 }],
  ],
} as const satisfies Record<string, IconShape>;

export type IconName = keyof typeof ICON_SHAPES;

/** How every icon is stroked (the colour aside). */
export const ICON_STROKE = { width: 2.2, linecap: 'round', linejoin: 'round' } as const;
