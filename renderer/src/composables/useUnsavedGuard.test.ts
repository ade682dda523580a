// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { effectScope, ref } from 'vue';
import { useUnsavedGuard } from './useUnsavedGuard';

/** Fires a cancellable beforeunload as a reload would; true when the page asked to stay. */
const reloadAsks = (): boolean => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('useUnsavedGuard', () => {
  it('asks before unloading only while there is unsaved input, and stops with its scope', () => {
    const scope = effectScope();
    const dirty = ref(false);
    scope.run(() => useUnsavedGuard(() => dirty.value));
    expect(reloadAsks()).toBe(false);
    dirty.value = true;
    expect(reloadAsks()).toBe(true);
    scope.stop();
    expect(reloadAsks()).toBe(false);
  });
});
