// Adds or replaces message keys in the six catalogues in one read-modify-write per file, so
// several people adding keys at once do not overwrite each other.
// Usage: node scripts/add-messages.mjs keys.json  (keys.json: { "key": { "en": …, "fr": …, … } })
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const locales = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
const input = JSON.parse(readFileSync(process.argv[2], 'utf8'));
for (const [key, texts] of Object.entries(input)) {
  const missing = locales.filter((locale) => typeof texts[locale] !== 'string' || texts[locale] === '');
  if (missing.length > 0) throw new Error(`${process.argv[2]}: key "${key}" lacks ${missing.join(', ')}`);
}
for (const locale of locales) {
  const path = new URL(`../src/shared/i18n/messages/${locale}.json`, import.meta.url);
  const messages = JSON.parse(readFileSync(path, 'utf8'));
  for (const [key, texts] of Object.entries(input)) messages[key] = texts[locale];
  const temporary = new URL(`${path.href}.${process.pid}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(messages, null, 2)}\n`);
  renameSync(temporary, path);
}
console.log(`${Object.keys(input).length} keys written to ${locales.length} catalogues`);
