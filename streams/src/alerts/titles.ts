// Bilingual alert titles from the rule's templates: {subject} and {level} are filled per language.
import type { AlertLevel, BilingualText } from '@citybrain/schemas/events';

export const LEVEL_NAMES: Readonly<Record<AlertLevel, BilingualText>> = {
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
};

export function renderTitle(
  template: BilingualText,
  subject: BilingualText,
  level: AlertLevel,
): BilingualText {
  const fill = (text: string, lang: keyof BilingualText): string =>
    text.replaceAll('{subject}', subject[lang]).replaceAll('{level}', LEVEL_NAMES[level][lang]);
  return { zh: fill(template.zh, 'zh'), en: fill(template.en, 'en') };
}
