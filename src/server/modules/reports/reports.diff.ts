import { diffWords } from 'diff';
import { paragraphsOf } from '../../../shared/reports/report-text';
import type { ReportDiff, ReportSnapshot } from '../../../shared/schemas/reports';

interface Comparable {
  id: string;
  heading: string;
  text: string;
}

function sectionsOf(snapshot: ReportSnapshot, annexHeading: string): Comparable[] {
  const sections = snapshot.sections.map((section) => ({
    id: section.id,
    heading: section.heading,
    text: [section.heading, ...paragraphsOf(section.body)].join('\n\n'),
  }));
  // The annex compares as one more section, so a changed LRG selection shows too.
  const annex = snapshot.annex
    .map((entry) => [entry.entityName, ...entry.items.flatMap((item) => paragraphsOf(item.text))].join('\n\n'))
    .join('\n\n');
  if (annex) sections.push({ id: 'annex', heading: annexHeading, text: annex });
  return sections;
}

/**
 * The difference between two versions, section by section (matched by id, in the newer
 * version's order, removed ones after), word by word.
 */
export function diffSnapshots(
  from: { number: number; snapshot: ReportSnapshot },
  to: { number: number; snapshot: ReportSnapshot },
  annexHeading: string,
): ReportDiff {
  const before = new Map(sectionsOf(from.snapshot, annexHeading).map((section) => [section.id, section]));
  const after = sectionsOf(to.snapshot, annexHeading);
  const seen = new Set<string>();
  const sections: ReportDiff['sections'] = after.map((section) => {
    seen.add(section.id);
    const old = before.get(section.id);
    if (!old)
      return {
        sectionId: section.id,
        heading: section.heading,
        change: 'added' as const,
        parts: [{ value: section.text, added: true, removed: false }],
      };
    const parts = diffWords(old.text, section.text).map((part) => ({
      value: part.value,
      added: Boolean(part.added),
      removed: Boolean(part.removed),
    }));
    const changed = parts.some((part) => part.added || part.removed);
    return { sectionId: section.id, heading: section.heading, change: changed ? 'changed' : 'same', parts };
  });
  for (const [id, old] of before) {
    if (seen.has(id)) continue;
    sections.push({
      sectionId: id,
      heading: old.heading,
      change: 'removed',
      parts: [{ value: old.text, added: false, removed: true }],
    });
  }
  return { from: from.number, to: to.number, sections };
}
