/** A node name that may break between the words of CamelCase ("Payment|Processed"), never overflow. */
import { Fragment } from 'react';

const WORD_BOUNDARY = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])|(?<=[_\-/.:])/;

export function WrappedName({ text }: { text: string }) {
  const words = text.split(WORD_BOUNDARY);
  return (
    <>
      {words.map((word, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {word}
        </Fragment>
      ))}
    </>
  );
}
