import type { ColumnType } from 'kysely';
import type { Locale } from '../../shared/i18n/locales';

/**
 * A text column held to a list of values by a CHECK: typed from the shared array that names
 * them, so the union cannot drift from it (db/enum-checks.test.ts compares the CHECK itself).
 */
export type OneOf<Values extends readonly string[]> = Values[number];

/** A JSON column: read as T, written as T or its text. */
export type Json<T> = ColumnType<T, T | string, T | string>;
export type LocalizedText = Partial<Record<Locale, string>>;
export type DateColumn = ColumnType<Date, string | Date, string | Date>;
/** A nullable column added later: optional on insert, so older inserts need not name it. */
export type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
