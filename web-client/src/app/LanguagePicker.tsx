import { LANGUAGES, LANGUAGE_NAMES, isLanguage, type Language } from '../i18n/languages';
import { t, translator } from '../i18n/i18n';

export interface LanguagePickerProps {
  readonly onChange: (language: Language) => void;
}

/** Each language named in itself (and marked with its lang), so everyone finds their own. */
export function LanguagePicker({ onChange }: LanguagePickerProps) {
  return (
    <div class="language-picker">
      <label for="language">{t('shell.language')}</label>
      <select
        id="language"
        value={translator.value.language}
        onChange={(event) => {
          const value = event.currentTarget.value;
          if (isLanguage(value)) onChange(value);
        }}
      >
        {LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {LANGUAGE_NAMES[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
