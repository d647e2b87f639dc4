/**
 * Live boards in the app: Share live makes a board of the design on screen (the server makes the
 * room and its keys, the design is written into a new shared document, the page joins the room),
 * and a link (`/?live=<room>#edit=<key>` or `#view=<key>`) joins one. The design on screen is the
 * shared document's (store/sharedDesign.ts); presence goes through the provider's awareness; a copy
 * of the board stays in this browser. Opening any other design leaves the board.
 */
import * as Y from 'yjs';
import { writeDesign } from '../../collab/applyDiff.ts';
import { LiveConnection } from '../../collab/connection.ts';
import { peersOf, type Presence } from '../../collab/presence.ts';
import { liveLinkHref, viewKeyOf, type LiveLink } from '../../collab/rooms.ts';
import { SharedEditor, UNTRACKED } from '../../collab/sharedEditor.ts';
import { collectionRoot, COLLECTIONS, designRoot } from '../../collab/sharedDesign.ts';
import type { Viewport } from '../../persistence/design-library.ts';
import { useDesignStore, type DesignSource } from '../../store/designStore.ts';
import { useLiveStore, type LiveLinks } from '../../store/liveStore.ts';
import { showSharedDesign } from '../../store/sharedDesign.ts';
import { flushTyping } from '../../store/typing.ts';
import { currentViewport } from '../designs/saving.ts';
import { copyText } from '../clipboard.ts';

/** Where the collaboration server makes rooms and takes WebSockets: this page's own origin. */
const COLLABORATION = '/collaboration';

/** How long a link to a board this browser has no copy of waits for the server before saying so. */
const JOIN_TIMEOUT_MS = 10_000;

interface Session {
  link: LiveLink;
  connection: LiveConnection;
  editor: SharedEditor;
}

let session: Session | null = null;

const socketUrl = (): string => `${window.location.origin.replace(/^http/, 'ws')}${COLLABORATION}`;

/** The board's links, for the dialog: the edit link only for whoever has it. */
function linksOf(link: LiveLink): LiveLinks {
  const { origin } = window.location;
  if (link.access === 'view') return { view: liveLinkHref(origin, link) };
  return { edit: liveLinkHref(origin, link), view: liveLinkHref(origin, { room: link.room, access: 'view', key: viewKeyOf(link.key) }) };
}

/** True when the shared document holds nothing yet (a board this browser has never had). */
function isEmpty(ydoc: Y.Doc): boolean {
  return designRoot(ydoc).size === 0 && COLLECTIONS.every((c) => collectionRoot(ydoc, c).size === 0);
}

/**
 * Makes a live board of the design on screen, joins it, shows its links and copies the edit link.
 * The design as it was stays where it was (a saved design stays saved, unchanged).
 */
export async function shareLive(): Promise<void> {
  flushTyping();
  const doc = useDesignStore.getState().doc;
  if (!doc) return;
  useLiveStore.setState({ sharing: 'making', dialogOpen: true });
  let made: { room: string; edit: string; view: string };
  try {
    const response = await fetch(`${COLLABORATION}/rooms`, { method: 'POST' });
    if (response.status !== 201) throw new Error(response.status === 403 ? 'the server refuses boards from this page' : `the server answered ${response.status}`);
    made = (await response.json()) as typeof made;
  } catch (e) {
    const reason = e instanceof TypeError ? 'the live server cannot be reached' : (e as Error).message;
    useLiveStore.setState({ sharing: { failed: `No live board was made: ${reason}. The design is unchanged.` } });
    return;
  }
  const ydoc = new Y.Doc();
  writeDesign(ydoc, useDesignStore.getState().doc ?? doc, UNTRACKED);
  const link: LiveLink = { room: made.room, access: 'edit', key: made.edit };
  window.history.pushState(null, '', new URL(liveLinkHref(window.location.origin, link)).href.slice(window.location.origin.length));
  open(link, ydoc, new LiveConnection({ url: socketUrl(), room: link.room, key: link.key, ydoc, localCopy: true, ...callbacks() }), currentViewport());
  useLiveStore.setState({ sharing: null });
  void copyText(linksOf(link).edit!);
}

/**
 * Joins the board a link names (at start-up, on back and forward). Shows the copy this browser
 * keeps at once, if any; otherwise waits for the server. Resolves to true when the board is on screen.
 */
export async function joinLive(link: LiveLink): Promise<boolean> {
  if (session && session.link.room === link.room && session.link.access === link.access) return true;
  const source: DesignSource = { kind: 'live', room: link.room, access: link.access };
  useDesignStore.getState().startLoading(source);
  const ydoc = new Y.Doc();
  const connection = new LiveConnection({ url: socketUrl(), room: link.room, key: link.key, ydoc, localCopy: true, ...callbacks() });
  await connection.localCopyLoaded.catch(() => undefined);
  if (isEmpty(ydoc)) {
    const refused = new Promise<void>((resolve) => {
      const check = setInterval(() => connection.status === 'refused' && (clearInterval(check), resolve()), 100);
      void connection.firstSync.then(() => clearInterval(check));
    });
    await Promise.race([connection.firstSync, refused, new Promise((resolve) => setTimeout(resolve, JOIN_TIMEOUT_MS))]);
  }
  const store = useDesignStore.getState();
  if (store.pending !== source) {
    connection.destroy();
    return false;
  }
  if (isEmpty(ydoc)) {
    connection.destroy();
    const message =
      connection.status === 'refused'
        ? (connection.problem ?? 'the server refused this link')
        : 'the live server cannot be reached, and this browser has no copy of the board yet; try again when online';
    store.failLoading({ what: 'live board', message });
    return false;
  }
  open(link, ydoc, connection);
  return true;
}

/** The link's board on screen: the design, presence, the state of the connection. */
function open(link: LiveLink, ydoc: Y.Doc, connection: LiveConnection, viewport?: Viewport): void {
  const editor = new SharedEditor(ydoc);
  const mine: Session = { link, connection, editor };
  session = mine;
  const { awareness } = connection;
  const { me } = useLiveStore.getState();
  awareness.setLocalState({ user: me, ...(link.access === 'view' && { viewer: true }) } satisfies Presence);
  const onPresence = () => useLiveStore.setState({ peers: peersOf(awareness) });
  awareness.on('change', onPresence);
  useLiveStore.setState({
    board: { room: link.room, access: link.access, links: linksOf(link) },
    status: connection.status,
    problem: connection.problem ?? null,
    unsynced: 0,
    peers: peersOf(awareness),
    following: null,
    publish: (presence) => awareness.setLocalState({ ...awareness.getLocalState(), ...presence }),
  });
  const leave = () => {
    awareness.off('change', onPresence);
    connection.destroy();
    editor.destroy();
    ydoc.destroy();
    // Another board opened in its place: the live store is already that board's.
    if (session !== mine) return;
    session = null;
    useLiveStore.setState({ board: null, status: null, problem: null, unsynced: 0, peers: [], following: null, dialogOpen: false, publish: () => {} });
  };
  showSharedDesign(editor, { kind: 'live', room: link.room, access: link.access }, leave, viewport);
}

/** The connection's news, into the live store. */
function callbacks(): Pick<ConstructorParameters<typeof LiveConnection>[0], 'onStatus' | 'onUnsynced'> {
  return {
    onStatus: (status, problem) => useLiveStore.setState({ status, problem: problem ?? null }),
    onUnsynced: (unsynced) => useLiveStore.setState({ unsynced }),
  };
}
