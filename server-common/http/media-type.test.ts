import { describe, expect, it } from 'vitest';
import { isJsonMediaType } from './media-type';

describe('isJsonMediaType', () => {
  it('accepts application/json in any case, with parameters', () => {
    for (const header of [
      'application/json',
      'APPLICATION/JSON',
      'Application/Json; charset=UTF-8',
      'application/json;charset=utf-8',
    ]) {
      expect(isJsonMediaType(header), header).toBe(true);
    }
  });

  it('refuses look-alikes, other types, garbage and a missing header', () => {
    for (const header of [
      'application/jsonx',
      'application/json-patch+json',
      'application/ld+json',
      'text/json',
      'text/plain',
      'json',
      'application/',
      '',
      undefined,
      null,
    ]) {
      expect(isJsonMediaType(header), String(header)).toBe(false);
    }
  });
});
