/** Keys of simulation mode, from the command table (actions/commands.ts): Space plays or pauses, ← and → step, Home and End, Escape goes back to editing. */
import { useEffect } from 'react';
import { PLAYBACK_COMMANDS } from '../../actions/commands.ts';
import { pressed } from '../../actions/keys.ts';
import { isTyping } from '../../canvas/shortcuts/useShortcuts.ts';

export function usePlaybackKeys(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const command = PLAYBACK_COMMANDS.find((c) => c.keys?.some((k) => pressed(k, event)));
      if (!command?.run) return;
      // Buttons and the timeline handle Space and arrows themselves when focused.
      const target = event.target as HTMLElement | null;
      if ((event.key === ' ' && target?.closest('button, [role="tab"]')) || (event.key.startsWith('Arrow') && target?.matches('input[type="range"], select'))) return;
      event.preventDefault();
      command.run({ event });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
