/**
 * The themes cell of an OHCHR thematic list, read as labelled blocks. The cell lists human rights
 * themes, then blocks each opened by a label line: "Affected persons:" / "Groups of Persons:"
 * (cycles 2 and 4), and in some lists "SDGs:" with one goal a line ("- 16 - PEACE, JUSTICE AND
 * STRONG INSTITUTIONS" or "16. Peace, justice…") before "Affected persons:". A block runs to
 * the next label; an SDG block is read into goals and targets, never into theme terms. The labels
 * are matched in the six UN languages, as OHCHR's lists in French ("ODD", "Groupes de
 * personnes") and Spanish ("ODS", "Grupos de personas") write them.
 */

export interface ThemeCell {
  themes: string[];
  affectedPersons: string[];
  sdgGoals: string[];
  sdgTargets: string[];
}

type Block = 'themes' | 'affected' | 'sdg';

const labels: [Block, RegExp][] = [
  [
    'sdg',
    /^(?:SDGs?|ODD|ODS|ЦУР|Sustainable Development Goals?|Objectifs? de développement durable|Objetivos? de Desarrollo Sostenible|Цели в области устойчивого развития|可持续发展目标|أهداف التنمية المستدامة)$/i,
  ],
  [
    'affected',
    /^(?:Affected persons|Groups? of persons|Personnes concernées|Groupes? de personnes|Personas afectadas|Grupos? de personas|Затрагиваемые лица|Группы лиц|受影响者|受影响人员|群体|الأشخاص المتضررون|فئات الأشخاص)$/i,
  ],
  ['themes', /^(?:Themes?|Human rights themes|Thèmes?|Temas?|Темы|主题|المواضيع)$/i],
];

/**
 * "SDGs:", "Groupes de personnes :", "Affected persons: - general", or a label alone on its line
 * without the colon: the block and what follows the colon.
 */
function labelOf(line: string): { block: Block; rest: string } | undefined {
  const parts = /^([^:：]{2,60}?)\s*[:：]\s*(.*)$/.exec(line) ?? [line, line, ''];
  const [, label = '', rest = ''] = parts;
  const block = labels.find(([, re]) => re.test(label.trim()))?.[0];
  return block ? { block, rest } : undefined;
}

const unbullet = (s: string) => s.replace(/^[-–•]\s*/, '').trim();

/**
 * The SDG goal ("16") or target ("16.3", "16.a") a line names: "- 16 - PEACE…", "16. Peace…",
 * "16 Peace", "SDG 16", "Goal 16: …", "16.3 - Reduce…"; undefined for anything else.
 */
export function sdgCodeOf(line: string): string | undefined {
  const parts =
    /^(?:[-–•]\s*)?(?:(?:SDG|ODD|ODS|ЦУР|Goal|Objectif|Objetivo)\s*)?(\d{1,2})(?:\.(\d{1,2}|[a-j]))?(?=$|[\s.:)\-–])/i.exec(
      line.trim(),
    );
  if (!parts) return undefined;
  const goal = Number(parts[1]);
  if (goal < 1 || goal > 17) return undefined;
  return parts[2] ? `${goal}.${parts[2].toLowerCase()}` : String(goal);
}

/** Goals and targets of an SDG block's text, one per line or comma-separated ("5, 16"). */
function sdgCodesOf(text: string): string[] {
  const list = /^[\d\s.,;a-j]+$/i.test(text) ? text.split(/[,;]/) : [text];
  return list.map(sdgCodeOf).filter((code): code is string => !!code);
}

export function readThemeCell(paragraphs: string[]): ThemeCell {
  const cell: ThemeCell = { themes: [], affectedPersons: [], sdgGoals: [], sdgTargets: [] };
  const sdg = new Set<string>();
  let block: Block = 'themes';
  for (const paragraph of paragraphs) {
    const label = labelOf(paragraph);
    const line = label ? label.rest : paragraph;
    if (label) block = label.block;
    if (!line.trim()) continue;
    if (block === 'sdg') for (const code of sdgCodesOf(unbullet(line))) sdg.add(code);
    else {
      const term = unbullet(line);
      if (term) (block === 'themes' ? cell.themes : cell.affectedPersons).push(term);
    }
  }
  for (const code of sdg) (code.includes('.') ? cell.sdgTargets : cell.sdgGoals).push(code);
  return cell;
}
