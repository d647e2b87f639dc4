/**
 * A selected note or group (spec §1.2a). A note: its text and width. A group: its name, its
 * colour from a small palette, its nodes (each can leave it), and Ungroup. Neither matters to the
 * rules or the simulator, so neither has problems to show.
 */
import type { CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { GroupIcon, NoteIcon } from '../../canvas/icons.tsx';
import { DEFAULT_GROUP_COLOUR, GROUP_PALETTE, groupColours } from '../../layout/annotations.ts';
import { groupSchema, LIMITS, noteSchema } from '../../model/index.ts';
import { perform } from '../../actions/action.ts';
import * as design from '../../actions/design.ts';
import { NOTE_WIDTH } from '../../model/operations.ts';
import { NOTHING_SELECTED, useDesignStore } from '../../store/designStore.ts';
import { DraftField } from './DraftField.tsx';
import { InspectorHeading } from './InspectorHeading.tsx';
import { NodeGlyphOf } from './nodeLook.tsx';
import { parseNumberField, parseTextField, type Parsed } from './parseField.ts';
import { countText } from '../../model/countText.ts';

const store = () => useDesignStore.getState();

const mod = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

/** A note's text: kept exactly as written (blank included: the note shows “Empty note”). */
function parseNoteText(text: string): Parsed<string> {
  return noteSchema.shape.text.safeParse(text).success ? { ok: true, value: text } : { ok: false, message: `At most ${countText(LIMITS.maxNoteLength)} characters.` };
}

/** The heading of a note's or a group's inspector: its glyph, what it is, its id. */
function AnnotationHeading({ kind, id }: { kind: 'note' | 'group'; id: string }) {
  const Icon = kind === 'note' ? NoteIcon : GroupIcon;
  return (
    <InspectorHeading
      glyph={
        <span className={`sb-glyph sb-glyph--${kind}`} aria-hidden="true">
          <Icon size={14} />
        </span>
      }
      title={kind === 'note' ? 'Note' : 'Group'}
      id={id}
    />
  );
}

export function NoteInspector({ id }: { id: string }) {
  const note = useDesignStore((s) => s.doc?.notes?.find((n) => n.id === id));
  if (!note) return null;
  return (
    <>
      <AnnotationHeading kind="note" id={id} />
      <div className="sb-inspector__body">
        <DraftField
          label="Text"
          value={note.text}
          parse={parseNoteText}
          onCommit={(text) => perform(design.patchNote, { id, patch: { text: text ?? '' } })}
          placeholder="What the diagram does not say"
          help="Double-click the note on the canvas to write in it there."
          multiline
        />
        <DraftField
          label="Width"
          value={note.width}
          parse={(t) => parseNumberField(t, noteSchema.shape.width, 'px')}
          onCommit={(width) => perform(design.patchNote, { id, patch: { width } })}
          placeholder={`${NOTE_WIDTH} (default)`}
          unit="px"
          numeric
        />
        <p className="sb-field__help">Notes are for people: the rules and the simulator ignore them.</p>
        <div className="sb-actions">
          <DeleteButton
            label="Delete note"
            onClick={() => {
              perform(design.remove, { nodes: [id], edges: [] });
              store().select(NOTHING_SELECTED);
            }}
          />
        </div>
      </div>
    </>
  );
}

export function GroupInspector({ id }: { id: string }) {
  const group = useDesignStore((s) => s.doc?.groups?.find((g) => g.id === id));
  const names = useDesignStore(
    useShallow((s) => {
      const members = s.doc?.groups?.find((g) => g.id === id)?.nodes ?? [];
      const byId = new Map(s.doc?.nodes.map((n) => [n.id, n.name]));
      return members.map((m) => byId.get(m) ?? m);
    }),
  );
  if (!group) return null;
  const current = (group.color ?? DEFAULT_GROUP_COLOUR).toLowerCase();
  const known = GROUP_PALETTE.some((p) => p.color === current);
  return (
    <>
      <AnnotationHeading kind="group" id={id} />
      <div className="sb-inspector__body">
        <DraftField
          label="Name"
          value={group.name}
          parse={(t) => parseTextField(t, groupSchema.shape.name)}
          onCommit={(name) => name !== undefined && perform(design.patchGroup, { id, patch: { name } })}
          placeholder="A bounded context, a team, a deployment unit"
          className="sb-field--name"
        />
        <fieldset className="sb-swatches">
          <legend className="sb-field__label">Colour</legend>
          <div className="sb-swatches__row">
            {GROUP_PALETTE.map((p) => (
              <button
                key={p.color}
                type="button"
                className="sb-swatch"
                style={{ '--sb-swatch': p.color, '--sb-swatch-fill': groupColours(p.color).fill } as CSSProperties}
                aria-label={p.name}
                aria-pressed={p.color === current}
                title={p.name}
                data-testid={`group-colour-${p.name.toLowerCase()}`}
                onClick={() => perform(design.patchGroup, { id, patch: { color: p.color === DEFAULT_GROUP_COLOUR ? undefined : p.color } })}
              />
            ))}
          </div>
          {!known && <p className="sb-field__help">The design file says {JSON.stringify(group.color)}; pick a colour to replace it.</p>}
        </fieldset>
        <div className="sb-field">
          <span className="sb-field__label" id={`${id}-members`}>
            Nodes ({names.length})
          </span>
          <ul className="sb-members" aria-labelledby={`${id}-members`}>
            {group.nodes.map((nodeId, i) => (
              <li key={nodeId} className="sb-members__item">
                <NodeGlyphOf id={nodeId} />
                <span className="sb-members__name">{names[i]}</span>
                <button
                  type="button"
                  className="sb-members__remove"
                  aria-label={`Take ${names[i]} out of the group`}
                  title="Take out of the group"
                  onClick={() => perform(design.leaveGroup, { nodes: [nodeId] })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <p className="sb-field__help">
            To add nodes, select them with the group’s nodes and press {mod}+G. A node is in one group at most. The rules and the simulator ignore groups.
          </p>
        </div>
        <div className="sb-actions">
          <button type="button" className="sb-button" onClick={() => store().select({ nodes: group.nodes, edges: [] })}>
            Select its nodes
          </button>
          <button
            type="button"
            className="sb-button"
            title={`Remove the frame, keep the nodes (${mod}+Shift+G)`}
            onClick={() => {
              perform(design.ungroup, { groups: [id] });
              store().select({ nodes: group.nodes, edges: [] });
            }}
          >
            Ungroup
          </button>
        </div>
      </div>
    </>
  );
}

/** One node's group, under its attributes: which group, and a way out of it. */
export function NodeGroupLine({ id }: { id: string }) {
  const group = useDesignStore(useShallow((s) => {
    const g = s.doc?.groups?.find((gr) => gr.nodes.includes(id));
    return g ? { id: g.id, name: g.name } : undefined;
  }));
  if (!group) return null;
  return (
    <p className="sb-node-group">
      <GroupIcon size={13} />
      <span>
        In group{' '}
        <button type="button" className="sb-inline-link" onClick={() => store().select({ nodes: [group.id], edges: [] })}>
          {group.name}
        </button>
      </span>
      <button type="button" className="sb-inline-link sb-node-group__leave" onClick={() => perform(design.leaveGroup, { nodes: [id] })}>
        Leave group
      </button>
    </p>
  );
}

function DeleteButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="sb-button sb-button--danger" onClick={onClick}>
      <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3" />
      </svg>
      {label}
    </button>
  );
}
