/**
 * Keys as the command table writes them — `Mod+Shift+Z`, `Delete`, `?`, `ArrowLeft` — matched
 * against key presses and shown on the shortcut sheet. `Mod` is Ctrl, or ⌘ on a Mac.
 */

interface Chord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** Lower case, as `KeyboardEvent.key` gives it lowered; `Space` is `' '`. */
  key: string;
}

function chordOf(spec: string): Chord {
  const parts = spec.split('+');
  // `+` itself would be the last, empty part; no shortcut uses it.
  const key = parts.pop()!;
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key: key === 'Space' ? ' ' : key.toLowerCase() };
}

const LETTER = /^[a-z]$/;

/**
 * True when the key press is `spec`. Ctrl (or ⌘) and Alt must be as written; Shift too for a
 * letter (`L` and `Shift+L` differ), while other keys ignore it (`?` needs it on most layouts,
 * Shift+Delete still deletes).
 */
export function pressed(spec: string, e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  const chord = chordOf(spec);
  if (e.key.toLowerCase() !== chord.key) return false;
  if ((e.ctrlKey || e.metaKey) !== chord.mod || e.altKey !== chord.alt) return false;
  return !LETTER.test(chord.key) || e.shiftKey === chord.shift;
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const SHOWN: Readonly<Record<string, string>> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓' };

/** How the sheet writes a key: `Ctrl+Shift+Z` (`⌘+Shift+Z` on a Mac), `←`. */
export function keyText(spec: string, mac = isMac): string {
  return spec
    .split('+')
    .map((part) => (part === 'Mod' ? (mac ? '⌘' : 'Ctrl') : (SHOWN[part] ?? part)))
    .join('+');
}
