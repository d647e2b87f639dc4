/**
 * The node under the pointer, as React Flow reports it from the node's wrapper: at rest a node
 * paints nothing of its own (its face is in the face layer), so its content cannot see the
 * pointer arrive; the wrapper always can.
 */
import { create } from 'zustand';

export const usePointedNode = create<{ id: string | null }>(() => ({ id: null }));

export const pointAt = (id: string | null): void => usePointedNode.setState({ id });
