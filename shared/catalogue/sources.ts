import { t, type LocalizedText } from '../text';
import type { FigureSource } from './types';

/**
 * The documents the catalogue's figures come from, and the hall's own settings. Article
 * references name the edition they were read in; where the 2024 edition of 供电营业规则 renumbered
 * or reworded an article and the new text was not checked, the note says so.
 */

export const DOC_RULES_1996 = '《供电营业规则》（电力工业部令第8号，1996年）';
export const DOC_BASIC_TARIFF_2016 =
  '《关于完善两部制电价用户基本电价执行方式的通知》（发改办价格〔2016〕1583号）';
export const DOC_GET_ELECTRICITY_2020 =
  '《关于全面提升“获得电力”服务水平 持续优化用电营商环境的意见》（发改能源规〔2020〕1479号）';
export const DOC_SGCC_COMMITMENTS = '《国家电网有限公司供电服务“十项承诺”》';

const NOT_CHECKED_2024 = t(
  '2024年版《供电营业规则》的对应条文未核对',
  'The matching article of the 2024 edition has not been checked',
);

export const published = (document: string, article: string, note?: LocalizedText): FigureSource =>
  note ? { kind: 'published', document, article, note } : { kind: 'published', document, article };

/** An article of the 1996 rules, flagged as not checked against the 2024 edition. */
export const rules1996 = (article: string): FigureSource =>
  published(DOC_RULES_1996, article, NOT_CHECKED_2024);

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
  return s.note ? t(`${ref}（${s.note.zh}）`, `${ref} (${s.note.en})`) : t(ref, ref);
}

/**
 * What a customer may be shown of a figure: its published basis, or nothing. A hall's own
 * setting is never presented to customers as a rule.
 */
export const forCustomers = <T>(value: T, s: FigureSource | undefined): T | null =>
  s?.kind === 'published' ? value : null;
