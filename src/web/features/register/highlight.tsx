const open = String.fromCharCode(2);
const close = String.fromCharCode(3);

/** The search marks each hit with U+0002 … U+0003; they become <mark> by splitting, never by HTML. */
export function Highlighted(props: { text: string }) {
  const parts: { text: string; hit: boolean }[] = [];
  let rest = props.text;
  while (rest) {
    const start = rest.indexOf(open);
    const end = start < 0 ? -1 : rest.indexOf(close, start + 1);
    if (start < 0 || end < 0) {
      parts.push({ text: rest.replaceAll(open, '').replaceAll(close, ''), hit: false });
      break;
    }
    if (start > 0) parts.push({ text: rest.slice(0, start).replaceAll(close, ''), hit: false });
    parts.push({ text: rest.slice(start + 1, end), hit: true });
    rest = rest.slice(end + 1);
  }
  return (
    <>
      {parts.map((part, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never move.
        part.hit ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </>
  );
}
