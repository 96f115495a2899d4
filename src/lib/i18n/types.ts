export const LANGUAGES = ['en', 'ru', 'uz'] as const;
export type Language = (typeof LANGUAGES)[number];

/** One area's messages: the same keys in every language. `{name}` marks a parameter. */
export type Messages = Record<string, string>;
export type Catalog = Record<Language, Messages>;
