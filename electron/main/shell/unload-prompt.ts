/** What the window's contents offer: the event Electron raises when a page cancels an unload. */
export interface UnloadSource {
  on(event: 'will-prevent-unload', listener: (event: { preventDefault(): void }) => void): unknown;
}

export const LEAVE_QUESTION = {
  title: '未保存的输入 / Unsaved input',
  message:
    '有尚未保存的输入，离开后将丢失。确定离开吗？\nUnsaved input will be lost. Leave anyway?',
  buttons: ['离开 / Leave', '留下 / Stay'],
} as const;

/**
 * A form with unsaved input cancels `beforeunload` (the renderer's useUnsavedGuard). A browser
 * then asks the user; Electron keeps the window as it is without a word, so a clerk could neither
 * reload nor close it. Ask as a browser would: `leave()` shows the question and says whether the
 * user chose to leave, and only then is the page's refusal overridden.
 */
export function askBeforeLeavingUnsaved(contents: UnloadSource, leave: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    // preventDefault() here ignores the page's beforeunload: the page unloads.
    if (leave()) event.preventDefault();
  });
}
