/**
 * What each side of the Compare view can show: the design on screen, any design saved in this
 * browser, any example — and reading the one picked. A choice is a key: `screen`,
 * `saved:<id>`, `example:<id>`, or `given:<n>` for the n-th design handed to `openCompare` when it
 * is none of these (a conversion, say).
 */
import { listDesigns, savedOnScreen } from '../app/designs/designActions.ts';
import { withLayout } from '../layout/layoutInWorker.ts';
import type { SagaDocument } from '../model/index.ts';
import { EXAMPLES, exampleUrl, isExampleId, type ExampleId } from '../persistence/examples.ts';
import { fetchDesign } from '../persistence/fetchDesign.ts';
import { useDesignStore } from '../store/designStore.ts';
import { withLibrary } from '../store/storage.ts';
import { useCompareStore, type CompareSide } from './compareStore.ts';

const BASE_URL: string = import.meta.env?.BASE_URL ?? '/';

export const SCREEN = 'screen';
const GIVEN = 'given:';

export interface DesignChoice {
  key: string;
  label: string;
}

export interface ChoiceGroups {
  /** Designs the view was opened with that are not among the others. */
  given: DesignChoice[];
  onScreen: DesignChoice | undefined;
  saved: DesignChoice[] | undefined;
  examples: DesignChoice[];
}

/** The examples never change while the page is open: each is downloaded once, and the same document serves both sides. */
const examples = new Map<ExampleId, Promise<SagaDocument | string>>();
const exampleOf = new WeakMap<SagaDocument, ExampleId>();

/** Everything a side can show; `saved` undefined when storage cannot tell. */
export async function designChoices(): Promise<ChoiceGroups> {
  const doc = useDesignStore.getState().doc;
  const here = savedOnScreen();
  const saved = await listDesigns();
  const { opened } = useCompareStore.getState();
  return {
    given: opened.flatMap((side, i) => (choiceOf(side) === `${GIVEN}${i}` ? [{ key: `${GIVEN}${i}`, label: side.doc.name }] : [])),
    onScreen: doc ? { key: SCREEN, label: doc.name } : undefined,
    // The design on screen is offered as it is now, edits not yet saved included.
    saved: saved?.filter((d) => d.id !== here).map((d) => ({ key: `saved:${d.id}`, label: d.name })),
    examples: EXAMPLES.map((e) => ({ key: `example:${e.id}`, label: e.title })),
  };
}

/** The key of the choice a side shows. */
export function choiceOf(side: CompareSide | undefined): string {
  if (!side) return '';
  if (side.doc === useDesignStore.getState().doc) return SCREEN;
  if (side.id) return `saved:${side.id}`;
  const example = exampleOf.get(side.doc);
  if (example) return `example:${example}`;
  const given = useCompareStore.getState().opened.findIndex((o) => o.doc === side.doc);
  return `${GIVEN}${Math.max(0, given)}`;
}

/** Reads the design a choice names, or says in a sentence why it cannot. */
export async function readChoice(key: string): Promise<CompareSide | string> {
  if (key === SCREEN) {
    const doc = useDesignStore.getState().doc;
    if (!doc) return 'There is no design on screen.';
    const id = savedOnScreen();
    return id ? { doc, id } : { doc };
  }
  const [kind, id = ''] = key.split(/:(.*)/s);
  if (kind === 'saved') return readSaved(id);
  if (kind === 'given') return useCompareStore.getState().opened[Number(id)] ?? 'That design is no longer open for comparison.';
  if (kind === 'example' && isExampleId(id)) {
    const doc = await readExample(id);
    return typeof doc === 'string' ? doc : { doc };
  }
  return 'There is no such design.';
}

async function readSaved(id: string): Promise<CompareSide | string> {
  let read;
  try {
    read = await withLibrary((library) => library.read(id), 'read');
  } catch (e) {
    return `The saved design cannot be read: ${(e as Error).message}.`;
  }
  if (read === undefined) return 'This design is no longer saved in this browser.';
  if (!read.ok) return `This saved design is damaged: ${read.message}.`;
  return { doc: await withLayout(read.design.doc), id };
}

function readExample(id: ExampleId): Promise<SagaDocument | string> {
  let doc = examples.get(id);
  if (!doc) {
    doc = fetchDesign(exampleUrl(id, BASE_URL)).then(async (r) => {
      if (!r.ok) {
        examples.delete(id); // a network hiccup: the next pick tries again
        return `The example cannot be downloaded: ${r.error.message}.`;
      }
      const laidOut = await withLayout(r.doc);
      exampleOf.set(laidOut, id);
      return laidOut;
    });
    examples.set(id, doc);
  }
  return doc;
}
