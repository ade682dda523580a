import { t, type LocalizedText } from '../text';
import type { FigureSource } from './types';

/**
 * The documents the catalogue's figures come from, and the hall's own settings. Article
 * references name the edition they were read in. A citation not yet checked against the text in
 * force says so in its note (docs/domain.md, "Sources of the figures", lists what was checked):
 * the 1996 articles against the 2024 edition, and the 1583号 / 1479号 clauses cited by topic.
 */

export const DOC_RULES_1996 = '《供电营业规则》（电力工业部令第8号，1996年）';
export const DOC_BASIC_TARIFF_2016 =
  '《关于完善两部制电价用户基本电价执行方式的通知》（发改办价格〔2016〕1583号）';
export const DOC_GET_ELECTRICITY_2020 =
  '《关于全面提升“获得电力”服务水平 持续优化用电营商环境的意见》（发改能源规〔2020〕1479号）';
export const DOC_SGCC_COMMITMENTS = '《国家电网有限公司供电服务“十项承诺”》';

/** The documents' titles in English, for the English screens (catalogue texts have both). */
const DOCUMENT_EN: Readonly<Record<string, string>> = {
  [DOC_RULES_1996]:
    'Rules for Power Supply Business (Ministry of Electric Power Order No. 8, 1996)',
  [DOC_BASIC_TARIFF_2016]:
    'Notice on Improving How the Basic Charge of Two-Part Tariffs Is Applied (NDRC Pricing Office [2016] No. 1583)',
  [DOC_GET_ELECTRICITY_2020]:
    'Opinions on Improving "Getting Electricity" Services and the Business Environment for Electricity Use (NDRC Energy Regulation [2020] No. 1479)',
  [DOC_SGCC_COMMITMENTS]:
    'State Grid Corporation of China, "Ten Commitments" of Power Supply Service',
};

const NOT_CHECKED_2024 = t(
  '2024年版《供电营业规则》（国家发展和改革委员会令2024年第14号）的对应条文未核对',
  'The matching article of the 2024 edition (NDRC Order No. 14 of 2024) has not been checked',
);

/** What every unchecked citation's note contains (the sources test looks for it). */
export const NOT_CHECKED_MARK = '未核对';

const BY_TOPIC = t(
  `按主题引用，原文条款${NOT_CHECKED_MARK}`,
  'Cited by topic; the clause has not been checked against the text',
);

/**
 * A published source: the document (one of the DOC_* titles, which have English titles) and the
 * article, in Chinese only (an article number) or in both languages.
 */
export function published(
  document: string,
  article: string | LocalizedText,
  note?: LocalizedText,
): FigureSource {
  const zh = typeof article === 'string' ? article : article.zh;
  const docEn = DOCUMENT_EN[document];
  const en =
    docEn && (typeof article === 'string' ? `${docEn} ${article}` : `${docEn} ${article.en}`);
  return {
    kind: 'published',
    document,
    article: zh,
    ...(en ? { en } : {}),
    ...(note ? { note } : {}),
  };
}

/** An article of the 1996 rules, flagged as not checked against the 2024 edition. */
export const rules1996 = (article: string): FigureSource =>
  published(DOC_RULES_1996, article, NOT_CHECKED_2024);

/**
 * A notice cited by the topic of a clause ("（…）") rather than its number, flagged as not checked
 * against the text; `extra` adds what else the supervisor must know (zh and en joined with "；").
 */
export const byTopic = (document: string, topic: string, extra?: LocalizedText): FigureSource =>
  published(
    document,
    topic,
    extra ? t(`${extra.zh}；${BY_TOPIC.zh}`, `${extra.en}; ${BY_TOPIC.en}`) : BY_TOPIC,
  );

export const hall = (zh: string, en: string): FigureSource => ({ kind: 'hall', note: t(zh, en) });

/** Bounds that only catch typing mistakes (a capacity of 10⁹ kVA): no policy behind them. */
export const INPUT_BOUND = hall(
  '本厅设置：录入范围，仅防止输入错误',
  "Hall's own setting: an input range that only catches typing mistakes",
);

export const isHallSetting = (s: FigureSource | undefined): boolean => s?.kind !== 'published';

/** "《供电营业规则》…第二十五条" / the hall-setting note: how a supervisor sees a source. */
export function describeSource(s: FigureSource | undefined): LocalizedText {
  if (!s) return t('本厅设置（未注明出处）', "Hall's own setting (no source given)");
  if (s.kind === 'hall') return s.note;
  const ref = `${s.document}${s.article}`;
  const refEn = s.en ?? ref;
  return s.note ? t(`${ref}（${s.note.zh}）`, `${refEn} (${s.note.en})`) : t(ref, refEn);
}

/**
 * What a customer may be shown of a figure: its published basis, or nothing. A hall's own
 * setting is never presented to customers as a rule.
 */
export const forCustomers = <T>(value: T, s: FigureSource | undefined): T | null =>
  s?.kind === 'published' ? value : null;

/**
 * A figure of an earlier version published with no source (2026.1): shown to supervisors as
 * such, never to customers (it is not `published`).
 */
export const NO_SOURCE_GIVEN = hall(
  '未注明出处：本版本发布时未引用依据',
  'No source given: this version was published without citing one',
);
