/** Nothing selected: the design itself (name, description, declared style) and its design-wide problems. */
import { DECLARED_STYLES, documentSchema, type DeclaredStyle } from '../../model/index.ts';
import { useDesignStore } from '../../store/designStore.ts';
import { FieldGroup, SelectField } from './ChoiceFields.tsx';
import { DraftField } from './DraftField.tsx';
import { patchDesign } from './edits.ts';
import { InspectorHeading } from './InspectorHeading.tsx';
import { parseLongTextField, parseTextField } from './parseField.ts';
import { SelectionProblems } from './SelectionProblems.tsx';

const STYLE_LABEL: Readonly<Record<DeclaredStyle, string>> = {
  auto: 'Auto (detect it)',
  orchestration: 'Orchestration',
  choreography: 'Choreography',
};
const STYLE_OPTIONS = (['auto', ...DECLARED_STYLES.filter((s) => s !== 'auto')] as const).map((value) => ({ value, label: STYLE_LABEL[value] }));

export function DesignInspector() {
  const name = useDesignStore((s) => s.doc?.name);
  const description = useDesignStore((s) => s.doc?.description);
  const declaredStyle = useDesignStore((s) => s.doc?.declaredStyle);
  const nodeCount = useDesignStore((s) => s.doc?.nodes.length ?? 0);
  const edgeCount = useDesignStore((s) => s.doc?.edges.length ?? 0);
  if (name === undefined) return null;
  const style = declaredStyle ?? 'auto';
  return (
    <>
      <InspectorHeading
        glyph={
          <span className="sb-glyph sb-glyph--design" aria-hidden="true">
            <svg width="14" height="14" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
              <rect x="3" y="3" width="18" height="18" rx="3" />
              <path d="M7.5 9h4M7.5 15h9M14.5 9h2" />
            </svg>
          </span>
        }
        title="Design"
      />
      <div className="sb-inspector__body">
        <p className="sb-inspector__facts" data-testid="design-counts">
          {count(nodeCount, 'node')} · {count(edgeCount, 'connection')}
          <span className="sb-inspector__tip">Select a node or a connection to edit it.</span>
        </p>
        <DraftField
          label="Name"
          value={name}
          parse={(t) => parseTextField(t, documentSchema.shape.name)}
          onCommit={(value) => value !== undefined && patchDesign({ name: value })}
          className="sb-field--name"
        />
        <DraftField
          label="Description"
          value={description}
          parse={(t) => parseLongTextField(t, documentSchema.shape.description)}
          onCommit={(value) => patchDesign({ description: value })}
          placeholder="What the process achieves, and for whom"
          multiline
        />
        <FieldGroup title="Style">
          <SelectField
            label="Declared style"
            value={style}
            options={STYLE_OPTIONS}
            onChange={(value) => patchDesign({ declaredStyle: value === 'auto' ? undefined : value })}
            help={
              style === 'auto'
                ? 'The rules of the style Sagaboard detects are checked.'
                : `The ${style} rules are checked even where the design reads otherwise, and X001 says when it does.`
            }
          />
        </FieldGroup>
      </div>
      <SelectionProblems concern={{ design: true }} what="the design as a whole" />
    </>
  );
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
