import { describe, expect, it } from 'vitest';
import { askBeforeLeavingUnsaved, type UnloadSource } from './unload-prompt';

/** Window contents reduced to the one event, raised as Electron raises it. */
function fakeContents() {
  let listener: ((event: { preventDefault(): void }) => void) | undefined;
  const contents: UnloadSource = {
    on: (_event, l) => {
      listener = l;
    },
  };
  /** A page cancelled its unload: did the shell let it unload anyway? */
  const pageRefusesUnload = (): boolean => {
    let unloaded = false;
    listener?.({ preventDefault: () => (unloaded = true) });
    return unloaded;
  };
  return { contents, pageRefusesUnload };
}

describe('a page with unsaved input in the Electron window', () => {
  it('unloads only when the user chooses to leave', () => {
    const asked: boolean[] = [];
    let answer = false;
    const { contents, pageRefusesUnload } = fakeContents();
    askBeforeLeavingUnsaved(contents, () => {
      asked.push(answer);
      return answer;
    });
    expect(pageRefusesUnload()).toBe(false); // "留下 / Stay": the input stays
    answer = true;
    expect(pageRefusesUnload()).toBe(true); // "离开 / Leave"
    expect(asked).toEqual([false, true]);
  });
});
