// Participation (GET …/participation): organisations and independent experts who commented against the
// plan's 20–30, countries against its 4, as bars (plain HTML/CSS, hidden from screen readers) with a table of
// the same numbers beside them, and the countries with how many people from each commented.
import { t } from '../../i18n/i18n';
import { LoadFailed, Loading } from '../../ui/feedback';
import type { Loaded } from '../../ui/useLoad';
import type { Participation, ReadRound } from './api';
import { commentersByCountry, participationBars } from './logic';
import { countryName } from './words';

export function ParticipationChart({ loaded, round, retry }: { readonly loaded: Loaded<Participation>; readonly round: ReadRound; readonly retry?: () => void }) {
  return (
    <section id="participation" aria-labelledby="participation-title">
      <h2 id="participation-title">{t('consultations.participation')}</h2>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={retry ?? (() => undefined)} />}
      {loaded.state === 'ready' && <Chart participation={loaded.data} round={round} />}
    </section>
  );
}

function Chart({ participation, round }: { readonly participation: Participation; readonly round: ReadRound }) {
  const bars = participationBars(participation);
  const countries = commentersByCountry(round, participation.byCountry ?? []);
  const label = (key: 'organisations' | 'countries') => t(key === 'organisations' ? 'consultations.organisationsAndExperts' : 'consultations.countries');
  return (
    <div class="consult-participation">
      <div class="consult-chart" aria-hidden="true">
        {bars.map((bar) => (
          <div key={bar.key} class="consult-bar-row">
            <span class="consult-bar-label">{label(bar.key)}</span>
            <span class="consult-bar-track">
              <span class={bar.met ? 'consult-bar met' : 'consult-bar'} style={{ width: `${bar.percent}%` }} />
              <span class="consult-bar-target" style={{ insetInlineStart: `${bar.targetPercent}%` }} />
            </span>
            <span class="consult-bar-value">{bar.value}</span>
          </div>
        ))}
      </div>
      <div class="table-scroll">
        <table id="participation-table">
          <caption class="visually-hidden">{t('consultations.participation')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consultations.measure')}</th>
              <th scope="col">{t('consultations.taken')}</th>
              <th scope="col">{t('consultations.target')}</th>
              <th scope="col">{t('consultations.reached')}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.key}>
                <th scope="row">{label(bar.key)}</th>
                <td id={`participation-value-${bar.key}`}>{bar.value}</td>
                <td>{bar.key === 'organisations' ? t('consultations.range', { min: bar.target, max: bar.max }) : bar.target}</td>
                <td>{t(bar.met ? 'common.yes' : 'common.no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="meta">{t('consultations.peopleCommented', { count: participation.people ?? 0, organisations: participation.organisations ?? 0 })}</p>
      {countries.length > 0 && (
        <div class="table-scroll">
          <table id="participation-countries">
            <caption>{t('consultations.byCountry')}</caption>
            <thead>
              <tr><th scope="col">{t('consultations.country')}</th><th scope="col">{t('consultations.commenters')}</th></tr>
            </thead>
            <tbody>
              {countries.map(({ country, people }) => (
                <tr key={country}><th scope="row">{countryName(country)}</th><td>{people}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
