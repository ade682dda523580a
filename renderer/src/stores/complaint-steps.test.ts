import { describe, expect, it } from 'vitest';
import { complaintStepsOpenTo } from './complaint-steps';

describe('the complaint steps a role is offered', () => {
  it.each([
    ['supervisor', 'taken', ['dispatch', 'contact']],
    ['counter', 'taken', ['contact']],
    ['guide', 'taken', []],
    ['counter', 'contacted', ['answer']],
    ['counter', 'answered', ['visit']],
    ['counter', 'visited', []],
    ['supervisor', 'visited', ['archive']],
    ['supervisor', 'archived', []],
  ] as const)('%s on a %s complaint: %j', (role, state, steps) => {
    expect(complaintStepsOpenTo(state, role)).toEqual(steps);
  });

  it('offers nothing before someone is signed in', () => {
    expect(complaintStepsOpenTo('taken', undefined)).toEqual([]);
  });
});
