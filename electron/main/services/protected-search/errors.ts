import { apiError } from '../../../../shared/api/errors';

/** Searches by a protected column allowed per staff member (every session of theirs) and minute. */
export const SEARCHES_PER_MINUTE = 30;

export const guideMayNotSearch = (field: string) =>
  apiError(
    'FORBIDDEN',
    '导购台不能按身份证号、手机号或统一社会信用代码查询，请按姓名或申请编号查询',
    'The guide desk cannot search by ID number, phone or credit code; search by name or application number',
    { field },
  );

/**
 * A guide's query with a wildcard (% _ * ? [ ]): refused like a protected search, but saying
 * what is wrong with it; the guide typed a pattern, not a phone or ID number.
 */
export const guideWildcardQuery = (field: string) =>
  apiError(
    'FORBIDDEN',
    '查询内容不能含有通配符（% _ * ? [ ]），请输入姓名或申请编号的开头部分',
    'A search cannot contain wildcards (% _ * ? [ ]); type the start of a name or an application number',
    { field },
  );

export const searchRateLimited = () =>
  apiError(
    'RATE_LIMITED',
    `按身份证号、手机号或信用代码的查询过于频繁（每分钟最多${SEARCHES_PER_MINUTE}次），请稍后再试`,
    `Too many searches by ID number, phone or credit code (at most ${SEARCHES_PER_MINUTE} a minute); please wait and retry`,
  );
