import { describe, expect, it } from 'vitest';
import { buildOutline } from './reports.outline';
import type { ConcernedRow, ValidatedUpdateRow } from './reports.sources.repo';

// The demo's call: three municipalities sent the same sentence on one recommendation.
const recommendation = {
  id: 'r1',
  number: '140.159',
  theme_ids: [],
  follow_up: false,
  text: 'Combat domestic violence',
} as ConcernedRow;
const update = (id: string, entity: string, narrative: string): ValidatedUpdateRow => ({
  id,
  entity_id: entity,
  entity_name: entity,
  lrg_level: 1,
  period_start: null,
  period_end: null,
  narrative,
  narrative_format: 'text',
  recommendation_ids: ['r1'],
});

describe('the outline', () => {
  it('quotes a text several entities sent once, under one marker, and keeps every entity as a source', () => {
    const shared = 'The municipality co-finances a safe house with 12 places.';
    const [section] = buildOutline({
      grouping: 'theme',
      language: 'en',
      recommendations: [recommendation],
      themes: [],
      memberships: [],
      updates: [
        update('u1', 'Celje', shared),
        update('u2', 'Maribor', shared),
        update('u3', 'Ljubljana', 'Ljubljana opened a second safe house.'),
      ],
      otherHeading: 'Other recommendations',
    });
    const body = section?.body ?? '';
    expect(body.split('safe house with 12 places').length).toBe(2);
    expect(body).toContain('Ljubljana opened a second safe house.');
    expect(body.match(/\[140\.159\]/g)).toHaveLength(1);
    expect(JSON.parse(String(section?.sources)).map((source: { updateId: string }) => source.updateId)).toEqual([
      'u1',
      'u2',
      'u3',
    ]);
  });
});
