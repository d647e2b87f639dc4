/**
 * The choice of the design on one side: the one on screen, any saved in this browser, any
 * example (and the design the view was opened with, when it is none of these).
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { chooseSide, useCompareStore } from './compareStore.ts';
import { choiceOf, designChoices, readChoice, SCREEN, type ChoiceGroups } from './designChoices.ts';
import type { Side } from './betterMark.tsx';

export function DesignPicker({ side, aside }: { side: Side; aside?: ReactNode }) {
  const design = useCompareStore((s) => s[side.name]);
  const [groups, setGroups] = useState<ChoiceGroups>();
  const [reading, setReading] = useState<string>();
  const [problem, setProblem] = useState<string>();
  // Only the latest pick counts, when an earlier one is still being read.
  const latest = useRef(0);

  useEffect(() => {
    let live = true;
    void designChoices().then((g) => live && setGroups(g));
    return () => {
      live = false;
    };
  }, []);

  const pick = async (key: string) => {
    const ticket = ++latest.current;
    setReading(key);
    setProblem(undefined);
    const read = await readChoice(key);
    if (ticket !== latest.current) return;
    setReading(undefined);
    if (typeof read === 'string') setProblem(read);
    else chooseSide(side.name, read);
  };

  const value = reading ?? choiceOf(design);
  const id = `compare-pick-${side.name}`;
  return (
    <div className="sb-compare-picker">
      <div className="sb-compare-picker__top">
        <label className="sb-compare-picker__label" htmlFor={id}>
          {side.label} design
        </label>
        {aside}
      </div>
      <select id={id} className="sb-select sb-compare-picker__select" value={value} onChange={(e) => void pick(e.target.value)} aria-describedby={problem ? `${id}-problem` : undefined}>
        {value === '' && (
          <option value="" disabled>
            Choose a design to compare…
          </option>
        )}
        {groups && groups.given.length > 0 && (
          <optgroup label="Opened for comparison">
            {groups.given.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </optgroup>
        )}
        {groups?.onScreen && (
          <optgroup label="On screen">
            <option value={SCREEN}>{groups.onScreen.label}</option>
          </optgroup>
        )}
        {groups?.saved && groups.saved.length > 0 && (
          <optgroup label="Saved in this browser">
            {groups.saved.map((c) => (
              <option key={c.key} value={c.key}>
                {c.label}
              </option>
            ))}
          </optgroup>
        )}
        <optgroup label="Examples">
          {(groups?.examples ?? []).map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </optgroup>
      </select>
      {reading && (
        <span className="sb-compare-picker__reading" role="status">
          Opening…
        </span>
      )}
      {problem && (
        <p className="sb-field__error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
