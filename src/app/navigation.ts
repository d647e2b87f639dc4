/** Opening designs from the address bar and from the example picker, keeping both in step. */
import type { ExampleId } from '../persistence/examples.ts';
import { useDesignStore } from '../store/designStore.ts';
import { openDesign } from '../store/openDesign.ts';
import { requestFromUrl, writeSourceToUrl } from './urlState.ts';

/** Shows an example picked by the user; the address bar follows (and the back button returns). */
export async function showExample(id: ExampleId): Promise<void> {
  const source = { kind: 'example', id } as const;
  if (await openDesign(source)) writeSourceToUrl(source, 'push');
}

/** Opens whatever the address bar names (at start-up, and on back/forward). */
export async function openFromUrl(): Promise<void> {
  const { source, problem } = requestFromUrl(window.location.href);
  const shown = await openDesign(source);
  if (problem) useDesignStore.getState().failLoading(problem);
  if (shown && problem) writeSourceToUrl(source, 'replace');
}
