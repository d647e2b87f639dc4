/**
 * The one table of what the keyboard does: the editor's key handler (canvas/shortcuts/useShortcuts.ts)
 * and simulation mode's (panels/simulation/usePlaybackKeys.ts) run these commands, and the shortcut
 * sheet (`?`) lists them, with the mouse gestures that do the rest, group by group. A command that
 * changes the design performs a named action (design.ts, selection.ts), so its undo step has a name.
 */
import type { Direction } from '../layout/elk-layout.ts';
import { NOTHING_SELECTED, redo, undo, useDesignStore } from '../store/designStore.ts';
import { useSimulationStore } from '../store/simulationStore.ts';
import { deleteSelection, duplicateSelection, groupSelection, selectAll, ungroupSelection } from './selection.ts';

export const COMMAND_GROUPS = ['Edit', 'Notes and groups', 'Connect', 'Select and move', 'View', 'Simulate'] as const;
export type CommandGroup = (typeof COMMAND_GROUPS)[number];

/** What the editor's commands may ask of the canvas. */
export interface EditorContext {
  event: KeyboardEvent;
  frame(): void;
  tidyUp(direction: Direction): void;
  toggleWhatIf(): void;
  openSheet(): void;
  openConnect(direction: 'out' | 'in'): void;
}

export interface Command<C = EditorContext> {
  id: string;
  /** What it does, as the sheet says it. */
  label: string;
  group: CommandGroup;
  /** The keys that run it (see keys.ts), shown on the sheet. */
  keys?: readonly string[];
  /** Gestures that do it too, shown on the sheet (the canvas handles them). */
  gestures?: readonly string[];
  /** Also while the design cannot be changed (simulating, a shared preview, a view-only board). */
  viewing?: true;
  /**
   * Runs it. `false`: the key press was not for it after all, or is left to the page as well
   * (no `preventDefault`). Absent: the sheet lists it; something else handles it (the clipboard
   * events, React Flow).
   */
  run?(ctx: C): boolean | void;
}

/** Enter on these activates them: it must never rename the selected node as well. */
const ACTIVATED_BY_ENTER = 'button, a[href], summary, [role="button"], [role="tab"], [role="menuitem"], [role="option"], [role="link"]';

const design = () => useDesignStore.getState();

/** The editor's commands and gestures, in the order the sheet lists them. */
export const EDITOR_COMMANDS: readonly Command[] = [
  { id: 'undo', label: 'Undo', group: 'Edit', keys: ['Mod+Z'], run: () => undo() },
  { id: 'redo', label: 'Redo', group: 'Edit', keys: ['Mod+Shift+Z', 'Mod+Y'], run: () => redo() },
  { id: 'delete', label: 'Delete the selection (with its connections)', group: 'Edit', keys: ['Delete', 'Backspace'], run: deleteSelection },
  // Copy, cut and paste come as the browser's clipboard events (canvas/shortcuts/useShortcuts.ts).
  { id: 'copy', label: 'Copy the selection (as JSON, also to another tab)', group: 'Edit', keys: ['Mod+C'] },
  { id: 'cut', label: 'Cut the selection', group: 'Edit', keys: ['Mod+X'] },
  { id: 'paste', label: 'Paste', group: 'Edit', keys: ['Mod+V'] },
  { id: 'duplicate', label: 'Duplicate the selection', group: 'Edit', keys: ['Mod+D'], run: duplicateSelection },
  {
    id: 'rename',
    label: 'Rename the selected node or group, write in the selected note',
    group: 'Edit',
    keys: ['Enter'],
    gestures: ['Double-click'],
    run: ({ event }) => {
      const { selection, startRenaming } = design();
      if ((event.target instanceof Element && event.target.closest(ACTIVATED_BY_ENTER)) || selection.nodes.length !== 1) return false;
      startRenaming(selection.nodes[0]!);
    },
  },

  { id: 'note', label: 'Add a note; Escape or a click elsewhere ends the writing', group: 'Notes and groups', gestures: ['Drag “Note” from the palette'] },
  { id: 'group', label: 'Group the selected nodes (named as you type; a node leaves its old group)', group: 'Notes and groups', keys: ['Mod+G'], run: groupSelection },
  { id: 'ungroup', label: 'Ungroup the selected group, or the groups of the selected nodes', group: 'Notes and groups', keys: ['Mod+Shift+G'], run: ungroupSelection },
  { id: 'group.drag', label: 'Move the group with its nodes', group: 'Notes and groups', gestures: ['Drag a group’s name'] },

  { id: 'connect.out', label: 'Connect the selected node to another one: pick it from a list', group: 'Connect', keys: ['C'], run: (ctx) => connectFromKeys(ctx, 'out') },
  { id: 'connect.in', label: 'Connect another node to the selected one', group: 'Connect', keys: ['Shift+C'], run: (ctx) => connectFromKeys(ctx, 'in') },
  { id: 'connect.drag', label: 'Connect with the mouse', group: 'Connect', gestures: ['Drag from a node’s dot'] },

  { id: 'select.click', label: 'Select, add to the selection', group: 'Select and move', gestures: ['Click', 'Shift+Click'] },
  { id: 'focus.next', label: 'Go through the tools, nodes and connections', group: 'Select and move', gestures: ['Tab', 'Shift+Tab'] },
  { id: 'select.focused', label: 'Select the node or connection that has the focus', group: 'Select and move', gestures: ['Space'] },
  { id: 'select.box', label: 'Select with a box', group: 'Select and move', gestures: ['Shift+Drag'] },
  { id: 'select.all', label: 'Select everything', group: 'Select and move', keys: ['Mod+A'], run: selectAll },
  { id: 'move.keys', label: 'Move the selected nodes (Shift: further)', group: 'Select and move', gestures: ['Arrow keys'] },
  {
    id: 'escape',
    label: 'Cancel, or clear the selection',
    group: 'Select and move',
    keys: ['Escape'],
    run: () => {
      design().showHint(null);
      design().select(NOTHING_SELECTED);
      // Dialogs and pickers close on Escape too.
      return false;
    },
  },

  { id: 'fit', label: 'Fit the design in view; again for the whole of a big design', group: 'View', keys: ['F'], viewing: true, run: (ctx) => ctx.frame() },
  { id: 'tidy', label: 'Tidy up: lay the design out left to right, or top to bottom', group: 'View', keys: ['L', 'Shift+L'], run: (ctx) => ctx.tidyUp(ctx.event.shiftKey ? 'DOWN' : 'RIGHT') },
  { id: 'what-if', label: 'What if: selecting a message shows who changes with its schema; a participant, what stops while it is down', group: 'View', keys: ['W'], run: (ctx) => ctx.toggleWhatIf() },
  { id: 'zoom', label: 'Zoom', group: 'View', gestures: ['Scroll', 'Pinch'] },
  { id: 'pan', label: 'Pan', group: 'View', gestures: ['Drag the background'] },
  { id: 'sheet', label: 'Show this sheet', group: 'View', keys: ['?'], viewing: true, run: (ctx) => ctx.openSheet() },
];

function connectFromKeys(ctx: EditorContext, direction: 'out' | 'in'): void {
  const { doc, selection, showHint } = design();
  // Notes and group frames connect to nothing.
  const one = selection.nodes.length === 1 && doc?.nodes.some((n) => n.id === selection.nodes[0]);
  if (one) ctx.openConnect(direction);
  else showHint('Select one node, then press C to connect it to another.');
}

/** What simulation mode's keys may need to know. */
export interface PlaybackContext {
  event: KeyboardEvent;
}

const sim = () => useSimulationStore.getState();

/** Simulation mode's keys (the editor's viewing keys work too). */
export const PLAYBACK_COMMANDS: readonly Command<PlaybackContext>[] = [
  { id: 'play', label: 'Play or pause', group: 'Simulate', keys: ['Space'], run: () => (sim().playing ? sim().pause() : sim().play()) },
  { id: 'step', label: 'Step back, step forward', group: 'Simulate', keys: ['ArrowLeft', 'ArrowRight'], run: ({ event }) => sim().step(event.key === 'ArrowLeft' ? -1 : 1) },
  {
    id: 'seek.ends',
    label: 'Go to the start, to the end',
    group: 'Simulate',
    keys: ['Home', 'End'],
    run: ({ event }) => {
      sim().pause();
      sim().seek(event.key === 'Home' ? 0 : Number.MAX_SAFE_INTEGER);
    },
  },
  { id: 'simulate.leave', label: 'Back to editing', group: 'Simulate', keys: ['Escape'], run: () => sim().stop() },
];

/** The shortcut sheet: every command and gesture, by group. */
export function sheetGroups(): { group: CommandGroup; commands: readonly Command<never>[] }[] {
  const all: readonly Command<never>[] = [...EDITOR_COMMANDS, ...PLAYBACK_COMMANDS];
  return COMMAND_GROUPS.map((group) => ({ group, commands: all.filter((c) => c.group === group) }));
}
