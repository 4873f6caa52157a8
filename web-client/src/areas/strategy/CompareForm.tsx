// The choice of two versions to compare (#/strategy/compare/<a>/<b>).
import { useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import { SelectField } from '../../ui/Field';
import type { VersionSummary } from './api';
import { comparedPair } from './logic';

/** Two versions to compare (the previous and the latest by default); any two can be chosen. */
export function CompareForm({ versions, from, to }: { readonly versions: readonly VersionSummary[]; readonly from?: number; readonly to?: number }) {
  const pair = comparedPair(versions, from === undefined ? undefined : String(from), to === undefined ? undefined : String(to));
  const [older, setOlder] = useState(String(pair?.[0] ?? ''));
  const [newer, setNewer] = useState(String(pair?.[1] ?? ''));
  const choices = versions.map((v) => ({ value: String(v.version), label: t('strategy.versionName', { number: v.version ?? 0 }) }));
  return (
    <section aria-labelledby="strategy-compare-title">
      <h2 id="strategy-compare-title">{t('strategy.compare')}</h2>
      <form
        id="strategy-compare-form"
        class="compare-form"
        onSubmit={(event) => {
          event.preventDefault();
          window.location.hash = hrefOf('strategy', 'compare', older, newer);
        }}
      >
        <SelectField id="compare-from" label={t('strategy.compareFrom')} value={older} choices={choices} onValue={setOlder} />
        <SelectField id="compare-to" label={t('strategy.compareTo')} value={newer} choices={choices} onValue={setNewer} />
        <div class="actions"><button type="submit" class="primary">{t('strategy.compareButton')}</button></div>
      </form>
    </section>
  );
}
