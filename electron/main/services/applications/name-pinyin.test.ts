import { describe, expect, it } from 'vitest';
import { namePinyin, pinyinQuery } from './name-pinyin';

describe('namePinyin: the keys written beside the name', () => {
  it.each([
    ['单雄信', 'sxx', 'shanxiongxin'],
    ['曾国藩', 'zgf', 'zengguofan'],
    ['解缙', 'xj', 'xiejin'],
    ['仇英', 'qy', 'qiuying'],
    ['查良镛', 'zly', 'zhaliangyong'],
    ['张伟', 'zw', 'zhangwei'],
  ])('%s reads its surname as a surname: %s / %s', (name, initials, full) => {
    expect(namePinyin(name)).toEqual({ initials, full });
  });

  it('writes ü as v, drops marks and digits, keeps Latin letters lower case', () => {
    expect(namePinyin('吕绿')).toEqual({ initials: 'll', full: 'lvlv' });
    expect(namePinyin('阿依古丽·买买提')).toEqual({
      initials: 'ayglmmt',
      full: 'ayigulimaimaiti',
    });
    expect(namePinyin('  ')).toEqual({ initials: '', full: '' });
  });
});

describe('pinyinQuery: what a typed query is compared as', () => {
  it('lower-cases, drops separators and folds full-width letters and ü', () => {
    expect(pinyinQuery('Shan Xiong')).toBe('shanxiong');
    expect(pinyinQuery("xi'an")).toBe('xian');
    expect(pinyinQuery('ＺＷ')).toBe('zw');
    expect(pinyinQuery('lü')).toBe('lv');
  });
  it('is no pinyin query with digits, Han characters or wildcards in it', () => {
    for (const q of ['138', 'C01', '张w', 'z%', 'z_w', '']) expect(pinyinQuery(q)).toBeUndefined();
  });
});
