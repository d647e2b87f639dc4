import { beforeEach, describe, expect, it } from 'vitest';
import { addNode, emptyDocument } from '../model/operations.ts';
import { lastStep, localHistory, redo, undo, useDesignStore } from '../store/designStore.ts';
import { perform } from './action.ts';
import { EDITOR_COMMANDS, PLAYBACK_COMMANDS, sheetGroups } from './commands.ts';
import * as design from './design.ts';
import { keyText, pressed } from './keys.ts';

const store = () => useDesignStore.getState();
const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('the command table', () => {
  it('names every command once, and binds no key to two editor commands', () => {
    const ids = [...EDITOR_COMMANDS, ...PLAYBACK_COMMANDS].map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const keys = EDITOR_COMMANDS.flatMap((c) => c.keys ?? []);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('is what the shortcut sheet lists: every command, with its keys or gestures, in its group', () => {
    const listed = sheetGroups().flatMap((g) => g.commands.map((c) => c.id));
    expect(listed.sort()).toEqual([...EDITOR_COMMANDS, ...PLAYBACK_COMMANDS].map((c) => c.id).sort());
    for (const c of [...EDITOR_COMMANDS, ...PLAYBACK_COMMANDS]) expect((c.keys?.length ?? 0) + (c.gestures?.length ?? 0)).toBeGreaterThan(0);
  });

  it('finds the command a key press runs as the keyboard handler does', () => {
    const find = (e: ReturnType<typeof key>) => EDITOR_COMMANDS.find((c) => c.run && c.keys?.some((k) => pressed(k, e)))?.id;
    expect(find(key('z', { ctrlKey: true }))).toBe('undo');
    expect(find(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(find(key('y', { metaKey: true }))).toBe('redo');
    expect(find(key('l'))).toBe('tidy');
    expect(find(key('L', { shiftKey: true }))).toBe('tidy');
    expect(find(key('c'))).toBe('connect.out');
    expect(find(key('C', { shiftKey: true }))).toBe('connect.in');
    expect(find(key('?', { shiftKey: true }))).toBe('sheet');
    expect(find(key('Delete', { shiftKey: true }))).toBe('delete');
    // Ctrl+C is the clipboard's; W with Shift and Alt+F are nothing.
    expect(find(key('c', { ctrlKey: true }))).toBeUndefined();
    expect(find(key('W', { shiftKey: true }))).toBeUndefined();
    expect(find(key('f', { altKey: true }))).toBeUndefined();
  });

  it('writes keys the way the platform does', () => {
    expect(keyText('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(keyText('Mod+Shift+Z', true)).toBe('⌘+Shift+Z');
    expect(keyText('ArrowLeft')).toBe('←');
  });
});

describe('performing actions', () => {
  beforeEach(() => store().showDesign(emptyDocument(), { kind: 'example', id: 'order-orchestrated' }));

  it('names each undo step after what it did, and redo after what it would do again', () => {
    perform(design.addNode, { preset: 'service', position: { x: 0, y: 0 } });
    perform(design.addNode, { preset: 'event', position: { x: 200, y: 0 } });
    perform(design.rename, { id: 'service-1', name: 'PaymentService' });
    perform(design.rename, { id: 'event-2', name: 'PaymentProcessed' });
    perform(design.connect, { source: 'service-1', target: 'event-2' });
    expect(store().undoLabel).toBe('connect PaymentService → PaymentProcessed');
    undo();
    expect(store().undoLabel).toBe('rename SomethingHappened');
    expect(store().redoLabel).toBe('connect PaymentService → PaymentProcessed');
    redo();
    expect(store().doc!.edges).toHaveLength(1);
    expect(localHistory().past.map((s) => s.label)).toEqual(['add a service', 'add an event', 'rename NewService', 'rename SomethingHappened', 'connect PaymentService → PaymentProcessed']);
  });

  it('squashes what continues a step into it while it is the last one, and records it otherwise', () => {
    perform(design.addNode, { preset: 'service', position: { x: 0, y: 0 } });
    const added = lastStep();
    store().continueStep(added, () => perform(design.rename, { id: 'service-1', name: 'Payments' }));
    expect(localHistory().past).toHaveLength(1);
    expect(store().undoLabel).toBe('add a service');
    perform(design.addNode, { preset: 'event', position: { x: 0, y: 0 } });
    // The step it would continue is no longer the last: a step of its own.
    store().continueStep(added, () => perform(design.rename, { id: 'service-1', name: 'Pay' }));
    expect(localHistory().past).toHaveLength(3);
    undo();
    undo();
    undo();
    expect(store().doc!.nodes).toEqual([]);
  });

  it('changes nothing, and records nothing, on a design that cannot be changed here', () => {
    store().showDesign(addNode(emptyDocument(), 'service', { x: 0, y: 0 }).doc, { kind: 'live', room: 'r', access: 'view' });
    expect(perform(design.remove, { nodes: ['service-1'], edges: [] })).toBe(false);
    expect(store().doc!.nodes).toHaveLength(1);
    expect(store().undoLabel).toBeNull();
  });
});
