import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNode, addNote, emptyDocument, removeElements, updateNode, updateNote } from '../model/operations.ts';
import { localHistory, redo, undo, useDesignStore } from './designStore.ts';
import { cancelTyping, continueLastStep, finishTyping, finishTypingRemoving, flushTyping, typeInto, TYPING_DELAY_MS } from './typing.ts';

const store = () => useDesignStore.getState();
const name = () => store().doc!.nodes[0]!.name;
const steps = () => localHistory().past.length;
const typeName = (field: string, text: string) => typeInto(field, () => store().apply((d) => updateNode(d, 'service-1', { name: text })));

describe('typing into a field', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    store().showDesign(emptyDocument(), { kind: 'example', id: 'order-orchestrated' });
    store().apply((d) => addNode(d, 'service', { x: 0, y: 0 }).doc);
  });
  afterEach(() => {
    finishTyping('name');
    finishTyping('other');
    vi.useRealTimers();
  });

  it('reaches the document a moment after each keystroke, without leaving the field', () => {
    typeName('name', 'P');
    expect(name()).toBe('NewService');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    expect(name()).toBe('P');
    typeName('name', 'Pa');
    typeName('name', 'Pay');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    expect(name()).toBe('Pay');
  });

  it('makes one undo step of one field edit, however many pauses it had', () => {
    const before = steps();
    for (const text of ['P', 'Pa', 'Pay', 'Paym']) {
      typeName('name', text);
      vi.advanceTimersByTime(TYPING_DELAY_MS);
    }
    finishTyping('name');
    expect(steps()).toBe(before + 1);
    undo();
    expect(name()).toBe('NewService');
    redo();
    expect(name()).toBe('Paym');
  });

  it('starts another step for the next field edit, or after another change of the document', () => {
    const before = steps();
    typeName('name', 'A');
    finishTyping('name');
    typeName('name', 'AB');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    store().apply((d) => addNode(d, 'command', { x: 0, y: 0 }).doc);
    typeName('name', 'ABC');
    flushTyping();
    expect(steps()).toBe(before + 4);
    undo();
    expect(name()).toBe('AB');
  });

  it('applies what is pending at once when flushed (before a save)', () => {
    typeName('name', 'Payments');
    flushTyping();
    expect(name()).toBe('Payments');
  });

  it('moving to another field ends the first edit with what was typed', () => {
    typeName('name', 'Payments');
    typeInto('other', () => store().apply((d) => updateNode(d, 'service-1', { description: 'Takes money' })));
    expect(name()).toBe('Payments');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    expect(store().doc!.nodes[0]!.description).toBe('Takes money');
  });

  it('Escape brings back the value from before the edit and drops what is pending', () => {
    typeName('name', 'Pay');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    typeName('name', 'Payments');
    cancelTyping('name');
    vi.advanceTimersByTime(TYPING_DELAY_MS * 2);
    expect(name()).toBe('NewService');
  });

  it('records no step for typing that changes nothing', () => {
    const before = steps();
    typeName('name', 'NewService');
    flushTyping();
    expect(steps()).toBe(before);
  });
});

describe('a node added and named at once', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    store().showDesign(emptyDocument(), { kind: 'example', id: 'order-orchestrated' });
  });
  afterEach(() => {
    finishTyping('name');
    vi.useRealTimers();
  });

  it('is one undo step: undo removes the node, not only its name', () => {
    store().apply((d) => addNode(d, 'service', { x: 0, y: 0 }).doc);
    continueLastStep('name');
    typeName('name', 'Payments');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    finishTyping('name');
    expect(name()).toBe('Payments');
    expect(steps()).toBe(1);
    undo();
    expect(store().doc!.nodes).toHaveLength(0);
    redo();
    expect(name()).toBe('Payments');
  });

  it('Escape keeps the node and brings back its first name', () => {
    store().apply((d) => addNode(d, 'service', { x: 0, y: 0 }).doc);
    continueLastStep('name');
    typeName('name', 'Payments');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    cancelTyping('name', () => store().apply((d) => updateNode(d, 'service-1', { name: 'NewService' })));
    expect(name()).toBe('NewService');
    expect(steps()).toBe(1);
  });

  it('does not join a step when something else changed the document in between', () => {
    store().apply((d) => addNode(d, 'service', { x: 0, y: 0 }).doc);
    continueLastStep('name');
    store().apply((d) => addNode(d, 'command', { x: 0, y: 0 }).doc);
    typeName('name', 'Payments');
    flushTyping();
    expect(steps()).toBe(3);
  });
});

describe('writing a note, and leaving it empty (spec §1.2a)', () => {
  const notes = () => store().doc!.notes ?? [];
  const write = (id: string, text: string) => typeInto(`note:${id}`, () => store().apply((d) => updateNote(d, id, { text })));
  const remove = (id: string) => () => store().apply((d) => removeElements(d, [id]));

  beforeEach(() => {
    vi.useFakeTimers();
    store().showDesign(emptyDocument(), { kind: 'example', id: 'order-orchestrated' });
  });
  afterEach(() => vi.useRealTimers());

  /** A note added the way the palette adds one: writing it continues the step that added it. */
  const placeNote = () => {
    const placed = addNote(store().doc!, { x: 0, y: 0 });
    store().apply(() => placed.doc);
    continueLastStep(`note:${placed.id}`);
    return placed.id;
  };

  it('adding a note and writing it is one undo step', () => {
    const id = placeNote();
    write(id, 'Refunds');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    write(id, 'Refunds take 3 days');
    finishTyping(`note:${id}`);
    expect(notes()[0]!.text).toBe('Refunds take 3 days');
    undo();
    expect(notes()).toEqual([]);
  });

  it('a new note left empty (or written and wiped) is gone, with no undo step left behind', () => {
    const before = steps();
    const id = placeNote();
    write(id, 'x');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    write(id, '');
    finishTypingRemoving(`note:${id}`, remove(id));
    expect(notes()).toEqual([]);
    expect(steps()).toBe(before);
  });

  it('an existing note wiped is removed in the same step as the wiping: undo brings back its text', () => {
    const id = placeNote();
    write(id, 'Keep me');
    finishTyping(`note:${id}`);
    const before = steps();
    write(id, '');
    vi.advanceTimersByTime(TYPING_DELAY_MS);
    finishTypingRemoving(`note:${id}`, remove(id));
    expect(notes()).toEqual([]);
    expect(steps()).toBe(before + 1);
    undo();
    expect(notes()[0]!.text).toBe('Keep me');
  });
});
