import type { ColumnType } from 'kysely';

/** A JSON column: read as T, written as T or its text. */
export type Json<T> = ColumnType<T, T | string, T | string>;
export type LocalizedText = Partial<Record<'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es', string>>;
export type DateColumn = ColumnType<Date, string | Date, string | Date>;
/** A nullable column added later: optional on insert, so older inserts need not name it. */
export type Optional<T> = ColumnType<T | null, T | null | undefined, T | null>;
