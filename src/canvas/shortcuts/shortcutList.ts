/** Every keyboard shortcut of the editor, for the shortcut sheet (`?`). */
export interface ShortcutEntry {
  keys: string[];
  does: string;
}

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

export const SHORTCUTS: readonly { group: string; entries: ShortcutEntry[] }[] = [
  {
    group: 'Edit',
    entries: [
      { keys: [`${mod}+Z`], does: 'Undo' },
      { keys: [`${mod}+Shift+Z`, 'Ctrl+Y'], does: 'Redo' },
      { keys: ['Delete', 'Backspace'], does: 'Delete the selection (with its connections)' },
      { keys: [`${mod}+C`], does: 'Copy the selection (as JSON, also to another tab)' },
      { keys: [`${mod}+X`], does: 'Cut the selection' },
      { keys: [`${mod}+V`], does: 'Paste' },
      { keys: [`${mod}+D`], does: 'Duplicate the selection' },
      { keys: ['Enter', 'Double-click'], does: 'Rename the selected node or group, write in the selected note' },
    ],
  },
  {
    group: 'Notes and groups',
    entries: [
      { keys: ['Drag “Note” from the palette'], does: 'Add a note; Escape or a click elsewhere ends the writing' },
      { keys: [`${mod}+G`], does: 'Group the selected nodes (named as you type; a node leaves its old group)' },
      { keys: [`${mod}+Shift+G`], does: 'Ungroup the selected group, or the groups of the selected nodes' },
      { keys: ['Drag a group’s name'], does: 'Move the group with its nodes' },
    ],
  },
  {
    group: 'Connect',
    entries: [
      { keys: ['C'], does: 'Connect the selected node to another one: pick it from a list' },
      { keys: ['Shift+C'], does: 'Connect another node to the selected one' },
      { keys: ['Drag from a node’s dot'], does: 'Connect with the mouse' },
    ],
  },
  {
    group: 'Select and move',
    entries: [
      { keys: ['Click', 'Shift+Click'], does: 'Select, add to the selection' },
      { keys: ['Tab', 'Shift+Tab'], does: 'Go through the tools, nodes and connections' },
      { keys: ['Space'], does: 'Select the node or connection that has the focus' },
      { keys: ['Shift+Drag'], does: 'Select with a box' },
      { keys: [`${mod}+A`], does: 'Select everything' },
      { keys: ['Arrow keys'], does: 'Move the selected nodes (Shift: further)' },
      { keys: ['Escape'], does: 'Cancel, or clear the selection' },
    ],
  },
  {
    group: 'View',
    entries: [
      { keys: ['F'], does: 'Fit the design in view; again for the whole of a big design' },
      { keys: ['L', 'Shift+L'], does: 'Tidy up: lay the design out left to right, or top to bottom' },
      { keys: ['W'], does: 'What if: selecting a message shows who changes with its schema; a participant, what stops while it is down' },
      { keys: ['Scroll', 'Pinch'], does: 'Zoom' },
      { keys: ['Drag the background'], does: 'Pan' },
      { keys: ['?'], does: 'Show this sheet' },
    ],
  },
  {
    group: 'Simulate',
    entries: [
      { keys: ['Space'], does: 'Play or pause' },
      { keys: ['←', '→'], does: 'Step back, step forward' },
      { keys: ['Home', 'End'], does: 'Go to the start, to the end' },
      { keys: ['Escape'], does: 'Back to editing' },
    ],
  },
];
