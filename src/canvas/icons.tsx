/** Small inline icons for node kinds and tools (iconShapes.ts, stroked with the current colour). */
import { createElement } from 'react';
import { ICON_SHAPES, ICON_STROKE, type IconName } from './iconShapes.ts';

type IconProps = { size?: number };

/** SVG attribute names as React wants them: stroke-dasharray → strokeDasharray. */
const reactProps = (attributes: Readonly<Record<string, number | string>>) =>
  Object.fromEntries(Object.entries(attributes).map(([k, v]) => [k.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), v]));

function Icon({ name, size = 14 }: IconProps & { name: IconName }) {
  return (
    <svg
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={ICON_STROKE.width}
      strokeLinecap={ICON_STROKE.linecap}
      strokeLinejoin={ICON_STROKE.linejoin}
      aria-hidden="true"
      focusable="false"
    >
      {ICON_SHAPES[name].map(([tag, attributes], i) => createElement(tag, { key: i, ...reactProps(attributes) }))}
    </svg>
  );
}

export const PersonIcon = ({ size }: IconProps) => <Icon name="person" size={size} />;
export const ServiceIcon = ({ size }: IconProps) => <Icon name="service" size={size} />;
/** A conductor: one hub that every participant is wired to. */
export const ConductorIcon = ({ size }: IconProps) => <Icon name="conductor" size={size} />;
export const CommandIcon = ({ size }: IconProps) => <Icon name="command" size={size} />;
export const EventIcon = ({ size }: IconProps) => <Icon name="event" size={size} />;
export const FailureIcon = ({ size }: IconProps) => <Icon name="failure" size={size} />;
export const FlagIcon = ({ size }: IconProps) => <Icon name="flag" size={size} />;
export const UndoIcon = ({ size }: IconProps) => <Icon name="undo" size={size} />;
/** A circular arrow coming round again: retried. */
export const RetryIcon = ({ size }: IconProps) => <Icon name="retry" size={size} />;
/** A stopwatch: a timeout. */
export const TimeoutIcon = ({ size }: IconProps) => <Icon name="timeout" size={size} />;
export const NoteIcon = ({ size }: IconProps) => <Icon name="note" size={size} />;
export const GroupIcon = ({ size }: IconProps) => <Icon name="group" size={size} />;
