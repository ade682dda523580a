import { pinyin } from 'pinyin-pro';
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

describe('namePinyin reads a name once', () => {
  it('its initials are what pinyin-pro’s own first-letter reading gives, across the Han block', () => {
    const surnames = ['单', '曾', '解', '仇', '查', '吕', '张', '欧阳', '长孙', '乐'];
    const names = ['阿依古丽·买买提', 'Tom Lee', '张3丰', 'ZHANG Wei', '吕绿'];
    // Every 17th character of U+4E00..U+9FA5 after a surname, with a second character.
    for (let c = 0x4e00; c <= 0x9fa5; c += 17) {
      const next = 0x4e00 + ((c * 7919) % 20902);
      names.push(`${surnames[c % surnames.length]}${String.fromCodePoint(c, next)}`);
    }
    const firstLetters = (name: string): string =>
      pinyin(name.trim(), {
        mode: 'surname',
        pattern: 'first',
        toneType: 'none',
        type: 'array',
        v: true,
        nonZh: 'spaced',
      })
        .map((s) => s.toLowerCase())
        .filter((s) => /^[a-z]+$/.test(s))
        .join('');
    const differing = names.filter((n) => namePinyin(n).initials !== firstLetters(n));
    expect(names.length).toBeGreaterThan(1200);
    expect(differing).toEqual([]);
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
