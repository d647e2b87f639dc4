/**
 * Making and joining live boards, with their code loaded on demand: Yjs, the collaboration
 * provider and the local copy (liveBoard.ts) are 128 KB of script, a sixth of what the page
 * loaded at start-up, which every page would otherwise read and compile before it shows a design.
 */
import type { LiveLink } from '../../collab/rooms.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { useLiveStore } from '../../store/liveStore.ts';

type LiveBoard = typeof import('./liveBoard.ts');

/** Why a board could not start when its code did not load (offline, or a newer version of the app was put up meanwhile). */
const NOT_LOADED = 'this page could not load the code for live boards (offline, or Sagaboard was updated meanwhile): reload the page and try again';

async function liveBoard(): Promise<LiveBoard | null> {
  try {
    return await import('./liveBoard.ts');
  } catch {
    return null;
  }
}

/** Makes a live board of the design on screen (liveBoard.ts `shareLive`). */
export async function shareLive(): Promise<void> {
  const board = await liveBoard();
  if (board) return board.shareLive();
  useLiveStore.setState({ dialogOpen: true, sharing: { failed: `No live board was made: ${NOT_LOADED}. The design is unchanged.` } });
}

/** Joins the board a link names (liveBoard.ts `joinLive`); resolves to true when it is on screen. */
export async function joinLive(link: LiveLink): Promise<boolean> {
  const board = await liveBoard();
  if (board) return board.joinLive(link);
  useDesignStore.getState().failLoading({ what: 'live board', message: NOT_LOADED });
  return false;
}
