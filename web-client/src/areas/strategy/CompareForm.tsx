// The choice of two versions to compare (#/strategy/compare/<a>/<b>).
import { useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import { SelectField } from '../../ui/Field';
import type { VersionSummary } from './api';
import { comparedPair } from './logic';

/**
 * Two versions to compare (the previous and the latest by default); any two can be chosen. Under the list it is a
 * section of its own; on the comparison screen, whose h1 says "Compare versions" already, the form is named by it.
 */
export function CompareForm({ versions, from, to }: { readonly versions: readonly VersionSummary[]; readonly from?: number; readonly to?: number }) {
  const pair = comparedPair(versions, from === undefined ? undefined : String(from), to === undefined ? undefined : String(to));
  const [older, setOlder] = useState(String(pair?.[0] ?? ''));
  const [newer, setNewer] = useState(String(pair?.[1] ?? ''));
  const choices = versions.map((v) => ({ value: String(v.version), label: t('strategy.versionName', { number: v.version ?? 0 }) }));
  const onScreen = from !== undefined;
  const form = (
    <form
      id="strategy-compare-form"
      class="compare-form"
      aria-labelledby={onScreen ? 'area-title' : 'strategy-compare-title'}
      onSubmit={(event) => {
        event.preventDefault();
        window.location.hash = hrefOf('strategy', 'compare', older, newer);
      }}
    >
      <SelectField id="compare-from" label={t('strategy.compareFrom')} value={older} choices={choices} onValue={setOlder} />
      <SelectField id="compare-to" label={t('strategy.compareTo')} value={newer} choices={choices} onValue={setNewer} />
      <div class="actions"><button type="submit" class="primary">{t('strategy.compareButton')}</button></div>
    </form>
  );
  if (onScreen) return form;
  return (
    <section aria-labelledby="strategy-compare-title">
      <h2 id="strategy-compare-title">{t('strategy.compare')}</h2>
      {form}
    </section>
  );
}
