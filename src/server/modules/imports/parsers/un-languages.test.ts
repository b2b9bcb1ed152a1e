import { describe, expect, it } from 'vitest';
import {
  addendumWord,
  coTitle,
  coTitleCountry,
  lineForParsing,
  matchLang,
  paragraphNumber,
  recommendVerbs,
  subChapterTitle,
  subItemKey,
  subItemLabel,
  uprName,
  uprWgTitle,
} from './un-languages.js';

/**
 * The per-language layout tables on UN strings. Arabic strings are those of CRPD/C/KAZ/CO/1 (the
 * fixture) as read on its page images; Russian and Chinese follow the titles, numbering and verbs
 * of the UN's Russian and Chinese concluding observations and UPR reports (OHCHR document
 * store): no Russian or Chinese document is among the fixtures, so these are the only tests
 * of those layouts.
 */
describe('document titles', () => {
  it('recognise concluding observations in the six languages', () => {
    expect(matchLang(coTitle, 'Concluding observations on the initial report of Kazakhstan*')).toBe('en');
    expect(matchLang(coTitle, 'Observations finales concernant le rapport initial de la Norvège')).toBe('fr');
    expect(matchLang(coTitle, 'Observaciones finales sobre el informe inicial de Grecia')).toBe('es');
    expect(matchLang(coTitle, 'الملاحظات الختامية بشأن التقرير الأولي لكازاخستان*')).toBe('ar');
    expect(matchLang(coTitle, 'المالحظات الختامية بشأن التقرير األولي لكازاخستان*')).toBe('ar'); // its text layer
    expect(matchLang(coTitle, 'Заключительные замечания по первоначальному докладу Казахстана*')).toBe('ru');
    expect(matchLang(coTitle, '关于哈萨克斯坦初次报告的结论性意见*')).toBe('zh');
    expect(matchLang(coTitle, 'Report of the Working Group on the Universal Periodic Review')).toBeUndefined();
  });

  it('recognise the UPR Working Group report and its addendum', () => {
    expect(matchLang(uprWgTitle, 'تقرير الفريق العامل المعني بالاستعراض الدوري الشامل*')).toBe('ar');
    expect(matchLang(uprWgTitle, 'Доклад Рабочей группы по универсальному периодическому обзору*')).toBe('ru');
    expect(matchLang(uprWgTitle, '普遍定期审议工作组报告*')).toBe('zh');
    expect(matchLang(uprName, 'الاستعراض الدوري الشامل')).toBe('ar');
    expect(matchLang(uprName, 'универсального периодического обзора')).toBe('ru');
    for (const line of ['إضافة', 'Добавление', '增编', 'Addendum']) expect(matchLang(addendumWord, line)).toBeDefined();
    // "in addition to" in Arabic running text is not an addendum
    expect(matchLang(addendumWord, 'بالإضافة إلى ذلك، توصي اللجنة')).toBeUndefined();
  });

  it('read the State from an Arabic or Chinese title', () => {
    expect(coTitleCountry('الملاحظات الختامية بشأن التقرير الأولي لكازاخستان*')).toBe('كازاخستان');
    expect(coTitleCountry('الملاحظات الختامية بشأن التقرير الأولي للبرازيل')).toBe('البرازيل');
    expect(coTitleCountry('关于塞舌尔初次报告的结论性意见*')).toBe('塞舌尔');
    expect(coTitleCountry('关于萨尔瓦多第二次和第三次合并定期报告的结论性意见*')).toBe('萨尔瓦多');
    expect(coTitleCountry('Заключительные замечания по первоначальному докладу Казахстана')).toBeUndefined();
  });
});

describe('paragraph numbers', () => {
  it('reads Arabic "7-", "-7" (pdf.js order) and Arabic-Indic digits', () => {
    expect(paragraphNumber('7- تلاحظ اللجنة بقلق ما يلي:', 'ar')).toEqual({
      number: 7,
      rest: 'تلاحظ اللجنة بقلق ما يلي:',
    });
    expect(paragraphNumber('-7 تلاحظ', 'ar')?.number).toBe(7);
    expect(paragraphNumber(lineForParsing('\u202a٧-\u202c تلاحظ', 'ar'), 'ar')?.number).toBe(7);
    expect(paragraphNumber('2023 آذار/مارس', 'ar')).toBeUndefined();
    expect(paragraphNumber('16-3 من أهداف التنمية المستدامة', 'ar')).toBeUndefined();
  });

  it('reads Russian "1." and Chinese "1." with or without a space', () => {
    expect(paragraphNumber('1. Комитет рассмотрел первоначальный доклад', 'ru')).toEqual({
      number: 1,
      rest: 'Комитет рассмотрел первоначальный доклад',
    });
    expect(paragraphNumber('7.委员会建议缔约国:', 'zh')).toEqual({ number: 7, rest: '委员会建议缔约国:' });
    expect(paragraphNumber('12． 委员会关切地注意到', 'zh')?.number).toBe(12);
    expect(paragraphNumber('2018年3月6日', 'zh')).toBeUndefined();
    expect(paragraphNumber('1.25美元', 'zh')).toBeUndefined();
  });
});

describe('sub-item labels', () => {
  it('reads Arabic labels in any glyph map and writes the marker from the position', () => {
    // CRPD/C/KAZ/CO/1 reads (أ) as (م) and sometimes puts the parenthesis first: ")(ه".
    expect(subItemLabel('(م) خطة العمل', 'ar', 0)).toEqual({ index: 0, marker: '(أ)', rest: 'خطة العمل' });
    expect(subItemLabel('(ب) المعايير', 'ar', 1)?.marker).toBe('(ب)');
    expect(subItemLabel(')(ه إدراج', 'ar', 4)).toEqual({ index: 4, marker: '(هـ)', rest: 'إدراج' });
    expect(subItemLabel('(المادة 26)', 'ar', 0)).toBeUndefined();
  });

  it('reads Russian Latin and Cyrillic letters and Chinese (a) / (一)', () => {
    expect(subItemLabel('a) Закона «О правах инвалидов»', 'ru', 0)).toMatchObject({ index: 0, marker: 'a)' });
    expect(subItemLabel('б) принять меры', 'ru', 1)).toMatchObject({ index: 1, marker: 'б)' });
    expect(subItemLabel('(a)缔约国的立法', 'zh', 0)).toMatchObject({ index: 0, rest: '缔约国的立法' });
    expect(subItemLabel('（二）加紧努力', 'zh', 1)).toMatchObject({ index: 1, rest: '加紧努力' });
    expect(subItemKey(1)).toBe('b');
  });
});

describe('sub-chapters and verbs', () => {
  it('reads lettered sub-chapters', () => {
    expect(subChapterTitle('ألف- المبادئ والالتزامات العامة (المواد 1-4)', 'ar')).toBe(
      'المبادئ والالتزامات العامة (المواد 1-4)',
    );
    expect(subChapterTitle('А. Общие принципы и обязательства (статьи 1–4)', 'ru')).toBe(
      'Общие принципы и обязательства (статьи 1–4)',
    );
    expect(subChapterTitle('A.一般原则和义务(第一至第四条)', 'zh')).toBe('一般原则和义务(第一至第四条)');
    expect(subChapterTitle('ثالثاً- دواعي القلق الرئيسية والتوصيات', 'ar')).toBeUndefined();
  });

  it('tells recommendations from observations', () => {
    expect(recommendVerbs.ar.test('توصي اللجنة الدولة الطرف بما يلي:')).toBe(true);
    expect(recommendVerbs.ar.test('وتحث اللجنة الدولة الطرف على')).toBe(true);
    expect(recommendVerbs.ar.test('تلاحظ اللجنة بقلق ما يلي:')).toBe(false);
    expect(recommendVerbs.ar.test('وترحب اللجنة بما تبذله الدولة الطرف')).toBe(false);
    expect(recommendVerbs.ru.test('Комитет рекомендует государству-участнику:')).toBe(true);
    expect(recommendVerbs.ru.test('Комитет настоятельно призывает государство-участник')).toBe(true);
    expect(recommendVerbs.ru.test('Комитет приветствует первоначальный доклад')).toBe(false);
    expect(recommendVerbs.zh.test('委员会建议缔约国:')).toBe(true);
    expect(recommendVerbs.zh.test('委员会促请缔约国')).toBe(true);
    expect(recommendVerbs.zh.test('委员会关切地注意到:')).toBe(false);
    expect(recommendVerbs.zh.test('三.关注的主要领域及建议')).toBe(false);
  });
});
