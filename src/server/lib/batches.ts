/**
 * PostgreSQL's wire protocol counts a statement's parameters in 16 bits: an insert of more than
 * 65,535 values fails ("bind message has 54712 parameter formats but 0 parameters": the count
 * wrapped). Inserts of lists whose length the data decides (calendar events of every review,
 * members of a cluster, a call's recommendations) go in slices that stay under it.
 */
const maxParameters = 65_535;

/** `rows` in slices whose insert of `columns` values a row stays under the protocol's limit. */
export function* slicesFor<T>(rows: readonly T[], columns: number): Generator<T[]> {
  const size = Math.max(1, Math.floor(maxParameters / columns));
  for (let start = 0; start < rows.length; start += size) yield rows.slice(start, start + size);
}
