/** What each side of Compare can show, and which choice a side is on. */
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_COMPARE_RUNS } from '../analysis/compare.ts';
import { example } from '../model/testing/builder.ts';
import { useDesignStore } from '../store/designStore.ts';
import { closeCompare, openCompare, useCompareStore } from './compareStore.ts';
import { choiceOf, designChoices, readChoice } from './designChoices.ts';

describe('the choices of a side', () => {
  const onScreen = example('order-orchestrated');
  const conversion = { ...example('order-choreographed'), name: 'Order fulfilment (converted)' };

  afterEach(() => {
    closeCompare();
    useDesignStore.setState({ doc: null, source: null });
  });

  it('opens with the design on screen on the left and asks for the right', () => {
    // given the example on screen, opened from the Designs menu
    useDesignStore.setState({ doc: onScreen, source: { kind: 'example', id: 'order-orchestrated' } });
    openCompare({ doc: onScreen });
    const { open, left, right, runs } = useCompareStore.getState();
    expect({ open, left: choiceOf(left), right: choiceOf(right), runs }).toEqual({ open: true, left: 'screen', right: '', runs: 1000 });
    // As many sagas as the command line's compare by default.
    expect(runs).toBe(DEFAULT_COMPARE_RUNS);
  });

  it('offers the design on screen, every example, and a design handed over (a conversion) that is none of these', async () => {
    useDesignStore.setState({ doc: onScreen, source: { kind: 'example', id: 'order-orchestrated' } });
    openCompare({ doc: onScreen }, { doc: conversion });
    expect(choiceOf(useCompareStore.getState().right)).toBe('given:1');
    const groups = await designChoices();
    expect(groups.onScreen).toEqual({ key: 'screen', label: 'Order fulfilment (orchestrated)' });
    expect(groups.given).toEqual([{ key: 'given:1', label: 'Order fulfilment (converted)' }]);
    expect(groups.examples.map((c) => c.key)).toContain('example:order-choreographed');
    // No storage here (Node has no IndexedDB): the saved designs cannot be told.
    expect(groups.saved).toBeUndefined();
  });

  it('reads the design on screen, with its id when it is saved, and a handed-over design back', async () => {
    useDesignStore.setState({ doc: onScreen, source: { kind: 'saved', id: 'abc123abc123' } });
    openCompare({ doc: onScreen, id: 'abc123abc123' }, { doc: conversion });
    expect(await readChoice('screen')).toEqual({ doc: onScreen, id: 'abc123abc123' });
    expect(await readChoice('given:1')).toEqual({ doc: conversion });
    expect(await readChoice('given:7')).toBe('That design is no longer open for comparison.');
    expect(await readChoice('nonsense')).toBe('There is no such design.');
  });

  it('closing forgets both sides', () => {
    openCompare({ doc: onScreen }, { doc: conversion });
    closeCompare();
    expect(useCompareStore.getState()).toMatchObject({ open: false, left: undefined, right: undefined, opened: [] });
  });
});
