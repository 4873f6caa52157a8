// Formats a message by key: the first catalogue of the language's fallback chain that has the key wins,
// and the message is formatted with that catalogue's language (its plural rules).
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { en, type Catalogue, type MessageKey } from './messages/en';
import { fallbackChain, type Language } from './languages';

export type MessageValues = Record<string, PrimitiveType>;

export class Translator {
  private readonly formats = new Map<MessageKey, IntlMessageFormat>();

  constructor(
    readonly language: Language,
    private readonly catalogues: Partial<Record<Language, Catalogue>>,
  ) {}

  /** The language whose message is used for the key. */
  sourceOf(key: MessageKey): Language {
    return fallbackChain(this.language).find((language) => this.messageIn(language, key) !== undefined) ?? 'en';
  }

  t(key: MessageKey, values?: MessageValues): string {
    let format = this.formats.get(key);
    if (!format) {
      const source = this.sourceOf(key);
      const message = this.messageIn(source, key) ?? key;
      try {
        format = new IntlMessageFormat(message, source);
      } catch {
        return message; // a broken message shows as written rather than breaking the screen (tests forbid it)
      }
      this.formats.set(key, format);
    }
    const formatted = format.format(values);
    return typeof formatted === 'string' ? formatted : String(formatted);
  }

  private messageIn(language: Language, key: MessageKey): string | undefined {
    // English is always there (the shell's part statically, the areas' parts once loaded)
    return this.catalogues[language]?.[key] ?? (language === 'en' ? (en as Catalogue)[key] : undefined);
  }
}
