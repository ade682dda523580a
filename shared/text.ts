/** Text shown to people: Chinese first, English second. */
export interface LocalizedText {
  zh: string;
  en: string;
}

export const t = (zh: string, en: string): LocalizedText => ({ zh, en });
