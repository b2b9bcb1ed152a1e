import type { ImportOptions } from '../../../shared/schemas/imports';

/** The user's choices between previews, as typed (strings); toOptions makes the API payload. */
export interface WizardChoices {
  /** State name as written → ISO code typed ('' keeps the name as text). Only names the user touched. */
  stateMapping: Record<string, string>;
  /** field → column header, for generic spreadsheets; undefined lets the server suggest. */
  columnMapping: Record<string, string> | undefined;
  saveMappingAs: string;
  review: { bodyCode: string; symbol: string; countryIso2: string; cycle: string; date: string };
  /** The user ticked the box: the file's other States' documents may be applied. */
  confirmForeignState: boolean;
}

export const initialChoices: WizardChoices = {
  stateMapping: {},
  columnMapping: undefined,
  saveMappingAs: '',
  review: { bodyCode: '', symbol: '', countryIso2: '', cycle: '', date: '' },
  confirmForeignState: false,
};

/** Not yet checked: the form's zod schema (importOptionsSchema) checks the result. */
export function toOptions(choices: WizardChoices): Record<string, unknown> {
  const review: Record<string, unknown> = {};
  const { bodyCode, symbol, countryIso2, cycle, date } = choices.review;
  if (bodyCode.trim()) review.bodyCode = bodyCode.trim();
  if (symbol.trim()) review.symbol = symbol.trim();
  if (countryIso2.trim()) review.countryIso2 = countryIso2.trim().toUpperCase();
  if (cycle.trim()) review.cycle = Number(cycle);
  if (date.trim()) review.date = date.trim();
  const options: Record<string, unknown> = {
    stateMapping: Object.fromEntries(
      Object.entries(choices.stateMapping).map(([name, code]) => [
        name,
        code.trim() ? code.trim().toUpperCase() : null,
      ]),
    ),
    review,
  };
  if (choices.confirmForeignState) options.confirmForeignState = true;
  if (choices.columnMapping) {
    options.columnMapping = Object.fromEntries(Object.entries(choices.columnMapping).filter(([, header]) => header));
    if (choices.saveMappingAs.trim()) options.saveMappingAs = choices.saveMappingAs.trim();
  }
  return options;
}

export type { ImportOptions };
