// @vitest-environment happy-dom
/// <reference types="vite/client" />
import { createApp } from 'vue';
import { describe, expect, it } from 'vitest';
import { installElementPlus } from './element-plus';

// Every template's source, read through Vite (the renderer layer has no node:fs).
const SOURCES = import.meta.glob<string>('../**/*.vue', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const pascal = (tag: string) =>
  tag.replace(/(^|-)([a-z0-9])/g, (_m, _dash: string, c: string) => c.toUpperCase());

describe('Element Plus registration', () => {
  it('registers every el-* component a template uses (a production build does not warn)', () => {
    const used = new Set<string>();
    expect(Object.keys(SOURCES).length).toBeGreaterThan(10);
    for (const source of Object.values(SOURCES)) {
      for (const m of source.matchAll(/<(el-[a-z0-9-]+)/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(10);
    const app = createApp({});
    installElementPlus(app);
    const missing = [...used].filter((tag) => !app.component(pascal(tag)));
    expect(missing).toEqual([]);
  });
});
