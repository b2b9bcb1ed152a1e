/**
 * Measures language detectors on real UN texts in the six UN languages (decision 019): the SDG
 * goal, target and indicator titles of the UN's lists, and the recommendations the project's own
 * parsers read from the real documents in tests/fixtures (English, French and Spanish concluding
 * observations, the UPR Info export). Prints one table per minimum text length.
 *
 * The candidates are not dependencies of the project: install them in a folder of their own and
 * name it, e.g.
 *   mkdir /tmp/langeval && cd /tmp/langeval && npm init -y && npm install tinyld@1.3.4 franc-min@6.2.0 \
 *     franc@6.2.0 eld@2.1.0 cld3-asm@4.0.0 languagedetect@2.0.0 lande@1.0.10
 *   npx tsx scripts/measure-language-detection.ts --data ../shared/data --candidates /tmp/langeval
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { parseSource } from '../src/server/modules/imports/parsers/index.ts';
import { languageDetector } from '../src/server/modules/imports/parsers/language.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: '../shared/data' },
    candidates: { type: 'string', default: '/tmp/langeval' },
  },
});
const data = values.data as string;
const candidates = join(values.candidates as string, 'node_modules');
const six = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];

interface Sample {
  lang: string;
  text: string;
}

async function texts(): Promise<Sample[]> {
  const out: Sample[] = [];
  for (const lang of six) {
    for (const file of ['global_goals', 'global_targets', 'global_indicators']) {
      const folder = lang === 'zh' ? 'zh-Hans' : lang;
      const list = parse(readFileSync(join(data, 'sdg', folder, `${file}.yml`), 'utf8')) as Record<string, unknown>;
      for (const [key, text] of Object.entries(list)) {
        if (key.endsWith('-title') && typeof text === 'string' && text.trim())
          out.push({ lang, text: text.replace(/\s+/g, ' ').trim() });
      }
    }
  }
  const documents: [string, string][] = [
    ['concluding-observations/CRPD_C_GRC_CO_1_es.pdf', 'es'],
    ['concluding-observations/CRPD_C_NOR_CO_1_fr.pdf', 'fr'],
    ['concluding-observations/CRPD_C_DEU_CO_2-3_en.pdf', 'en'],
    ['concluding-observations/CERD_C_BRA_CO_18-20_en.pdf', 'en'],
    ['upr-info/upr-info-sessions-10-13.sample.csv', 'en'],
  ];
  for (const [path, lang] of documents) {
    const parsed = await parseSource(readFileSync(join('tests/fixtures', path)), path.split('/')[1] as string);
    for (const rec of parsed.recommendations) {
      if (rec.text.trim()) out.push({ lang, text: rec.text });
      for (const item of rec.subItems) out.push({ lang, text: item.text });
    }
  }
  return out;
}

/** A candidate's module by its package.json (ESM `exports` or CommonJS `main`). */
async function load(name: string, subpath = '.'): Promise<Record<string, unknown>> {
  const folder = join(candidates, name);
  const pkg = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  // CommonJS packages through require, as their authors ship them to Node.
  if (pkg.type !== 'module' && !pkg.exports) {
    const required = createRequire(join(folder, 'package.json'))(folder);
    return { ...required, default: required };
  }
  const entry = pkg.exports?.[subpath];
  const file =
    typeof entry === 'string' ? entry : (entry?.import ?? entry?.default ?? pkg.module ?? pkg.main ?? 'index.js');
  return import(pathToFileURL(join(folder, file)).href);
}

type Detect = (text: string) => string;
const fromIso3: Record<string, string> = { arb: 'ar', eng: 'en', spa: 'es', fra: 'fr', rus: 'ru', cmn: 'zh' };
/** lande names Arabic by the macrolanguage. */
const landeIso3: Record<string, string> = { ...fromIso3, ara: 'ar', zho: 'zh' };

async function detectors(): Promise<[string, Detect][]> {
  const only3 = Object.keys(fromIso3);
  const tinyld = (await load('tinyld')) as { detect: (t: string, o: object) => string };
  const francMin = ((await load('franc-min')) as { franc: (t: string, o: object) => string }).franc;
  const franc = ((await load('franc')) as { franc: (t: string, o: object) => string }).franc;
  type Eld = { eld: { detect: (t: string) => { language: string }; setLanguageSubset: (l: string[]) => void } };
  const eldOf = async (size: string) => {
    const { eld } = (await load('eld', `./${size}`)) as Eld;
    eld.setLanguageSubset(six);
    return eld;
  };
  const [large, medium, small, extrasmall] = await Promise.all(['large', 'medium', 'small', 'extrasmall'].map(eldOf));
  const cld3 = await (
    (await load('cld3-asm')) as {
      loadModule: () => Promise<{
        create: (a: number, b: number) => { findLanguage: (t: string) => { language: string } };
      }>;
    }
  ).loadModule();
  const cld = cld3.create(0, 1000);
  const LanguageDetect = (
    (await load('languagedetect')) as {
      default: new () => { setLanguageType: (t: string) => void; detect: (t: string) => [string, number][] };
    }
  ).default;
  const ld = new LanguageDetect();
  ld.setLanguageType('iso2');
  const chosen = await languageDetector();
  const lande = ((await load('lande')) as { default: (t: string) => [string, number][] }).default;
  return [
    ['tinyld 1.3.4', (t) => tinyld.detect(t, { only: six })],
    ['franc-min 6.2.0', (t) => fromIso3[francMin(t, { only: only3, minLength: 1 })] ?? ''],
    ['franc 6.2.0', (t) => fromIso3[franc(t, { only: only3, minLength: 1 })] ?? ''],
    ['eld 2.1.0 large', (t) => large!.detect(t).language],
    ['eld 2.1.0 medium', (t) => medium!.detect(t).language],
    ['eld 2.1.0 small', (t) => small!.detect(t).language],
    ['eld 2.1.0 small, first 64 characters', (t) => small!.detect(t.slice(0, 64)).language],
    ['chosen: parsers/language.ts (eld small, 64 characters, plain-English shortcut)', (t) => chosen.detect(t) ?? ''],
    ['eld 2.1.0 extrasmall', (t) => extrasmall!.detect(t).language],
    ['cld3-asm 4.0.0', (t) => cld.findLanguage(t).language.replace(/^zh.*/, 'zh')],
    ['languagedetect 2.0.0', (t) => (ld.detect(t).find(([lang]) => six.includes(lang)) ?? [''])[0]],
    ['lande 1.0.10', (t) => landeIso3[(lande(t).find(([lang]) => landeIso3[lang]) ?? [''])[0]] ?? ''],
  ];
}

const all = await texts();
const list = await detectors();
for (const min of [0, 40]) {
  const subset = all.filter((t) => t.text.length >= min);
  const counts = six.map((lang) => `${lang} ${subset.filter((t) => t.lang === lang).length}`).join(', ');
  console.log(`\nTexts of ${min} characters or more: ${subset.length} (${counts})\n`);
  console.log(`| library | ${six.join(' | ')} | all | ms per 1,000 texts |`);
  console.log(`|---|${six.map(() => '---:|').join('')}---:|---:|`);
  for (const [name, detect] of list) {
    for (const t of subset.slice(0, 100)) detect(t.text); // warm-up
    const start = performance.now();
    const found = subset.map((t) => detect(t.text));
    const ms = ((performance.now() - start) / subset.length) * 1000;
    const accuracy = (lang?: string) => {
      const of = subset.map((t, i) => [t, found[i]] as const).filter(([t]) => !lang || t.lang === lang);
      return ((100 * of.filter(([t, got]) => got === t.lang).length) / of.length).toFixed(2);
    };
    console.log(`| ${name} | ${six.map(accuracy).join(' | ')} | ${accuracy()} | ${ms.toFixed(0)} |`);
  }
}
