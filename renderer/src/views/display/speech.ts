/** The browser's speech synthesis, when this screen has it (Electron and Chromium do). */
export const speechAvailable = (): boolean =>
  typeof window !== 'undefined' &&
  typeof (window.speechSynthesis as SpeechSynthesis | undefined)?.speak === 'function' &&
  typeof window.SpeechSynthesisUtterance === 'function';

/** Speaks `text` in Mandarin; does nothing where speech is not available. */
export function speak(text: string): void {
  if (!speechAvailable()) return;
  try {
    const u = new SpeechSynthesisUtterance(text);
    u.lang = 'zh-CN';
    u.rate = 0.9;
    const voice = window.speechSynthesis.getVoices().find((v) => v.lang.startsWith('zh'));
    if (voice) u.voice = voice;
    window.speechSynthesis.speak(u);
  } catch {
    // A screen without a voice still shows the call.
  }
}
