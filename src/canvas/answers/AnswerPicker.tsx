/**
 * Right after an output is drawn from a participant that consumes several messages: “PaymentService
 * → PaymentFailed answers…” with the inputs as checkboxes, the likeliest already ticked (the
 * connection is drawn with it, so nothing is left to fix). Space ticks, Enter or Escape closes,
 * and so does drawing on; every change is part of the connection's undo step.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useDesignStore } from '../../store/designStore.ts';
import { focusNode } from '../editing/focusNode.ts';
import { placeBeside } from '../editing/placeBeside.ts';
import { chooseAnswer, closeAnswer, useAnswerStore } from './answerStore.ts';
import './answers.css';

const WIDTH = 280;
const MAX_HEIGHT = 320;

export function AnswerPicker() {
  const asking = useAnswerStore((s) => s.asking);
  return asking ? <Picker key={asking.edge} /> : null;
}

function Picker() {
  const asking = useAnswerStore((s) => s.asking)!;
  const edge = useDesignStore((s) => s.doc?.edges.find((e) => e.id === asking.edge));
  const names = useDesignStore((s) => s.doc?.nodes);
  const [place] = useState(() => placeBeside(asking.output, WIDTH, MAX_HEIGHT));
  const box = useRef<HTMLDivElement>(null);
  const [chosen, setChosen] = useState<string[]>(asking.guess);

  // The connection went away (undo, delete): nothing to ask about.
  useEffect(() => {
    if (!edge) closeAnswer();
  }, [edge]);
  // After the drag has let go of the canvas (which takes the focus back as it ends).
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const inputs = box.current?.querySelectorAll<HTMLInputElement>('input');
      if (inputs) ([...inputs].find((i) => i.checked) ?? inputs[0])?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, []);
  // A click anywhere else on the page (drawing on) closes it, keeping the choice.
  useEffect(() => {
    const away = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) closeAnswer();
    };
    document.addEventListener('pointerdown', away, true);
    return () => document.removeEventListener('pointerdown', away, true);
  }, []);
  if (!edge || !names) return null;
  const name = (id: string) => names.find((n) => n.id === id)?.name ?? id;

  const toggle = (id: string) => {
    const next = chosen.includes(id) ? chosen.filter((x) => x !== id) : asking.inputs.map((i) => i.id).filter((x) => x === id || chosen.includes(x));
    if (next.length === 0) return; // an output answers at least one input
    setChosen(next);
    chooseAnswer(asking.edge, next);
  };
  const done = () => {
    closeAnswer();
    focusNode(asking.output);
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' || (e.key === 'Enter' && !(e.target instanceof HTMLButtonElement))) {
      e.preventDefault();
      e.stopPropagation();
      done();
    }
  };
  const titleId = `answer-${asking.edge}`;
  return (
    <div ref={box} className="sb-answer" role="dialog" aria-labelledby={titleId} style={{ ...place, width: WIDTH }} onKeyDown={onKeyDown} data-testid="answer-picker">
      <p className="sb-answer__title" id={titleId}>
        <strong>{name(asking.participant)}</strong> emits <strong>{name(asking.output)}</strong> when it handles
      </p>
      <ul className="sb-answer__list" style={{ maxHeight: place.maxHeight - 84 }}>
        {asking.inputs.map((input) => (
          <li key={input.id}>
            <label className="sb-answer__option">
              <input type="checkbox" checked={chosen.includes(input.id)} onChange={() => toggle(input.id)} />
              <span>{name(input.id)}</span>
            </label>
          </li>
        ))}
      </ul>
      <div className="sb-answer__footer">
        <span className="sb-answer__help">Space ticks · Enter closes</span>
        <button type="button" className="sb-button sb-button--primary sb-answer__done" onClick={done}>
          Done
        </button>
      </div>
    </div>
  );
}
