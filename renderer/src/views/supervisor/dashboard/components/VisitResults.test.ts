// @vitest-environment happy-dom
import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../i18n';
import VisitResults from './VisitResults.vue';

const shown = (locale: 'zh-CN' | 'en') =>
  mount(VisitResults, {
    props: { visits: { satisfied: 3, basically_satisfied: 2, dissatisfied: 1 } },
    global: { plugins: [createAppI18n(locale)] },
  }).text();

describe('VisitResults', () => {
  it('shows each follow-up result under its own label, 基本满意 apart from 满意', () => {
    expect(shown('zh-CN').replace(/\s+/g, ' ')).toBe('投诉回访: 满意 3 · 基本满意 2 · 不满意 1');
    expect(shown('en').replace(/\s+/g, ' ')).toBe(
      'Complaint follow-ups: Satisfied 3 · Mostly satisfied 2 · Dissatisfied 1',
    );
  });
});
