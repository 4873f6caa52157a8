// The catalogue: institutions with their standards and accountability mechanism, every fact with its source,
// confidence and an UNVERIFIED mark in words; the countries and their relations with the institutions.
import type { ComponentChildren } from 'preact';
import { hrefOf } from '../../app/router';
import { t, translator } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { Page } from '../../ui/Page';
import { LoadFailed, Loading } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { countryName } from '../people/display';
import {
  countryRelations, getInstitution, listCountries, listInstitutions, type Mechanism, type Source, type Standard,
} from './api';
import { safeHref } from '../../ui/markdown';

const CONFIDENCE: Readonly<Record<string, MessageKey>> = {
  high: 'research.confidence.high',
  medium: 'research.confidence.medium',
  low: 'research.confidence.low',
};

/** "high" → the word for it in the person's language (an unknown level as written). */
function confidenceWords(level: string): string {
  const key = CONFIDENCE[level.toLowerCase()];
  return t('research.confidence', { level: key ? t(key) : level });
}

/** Where a fact comes from: the link, how sure the catalogue is, and UNVERIFIED in words when it is. */
export function SourceLine({ source }: { readonly source: Source | undefined }) {
  if (!source) return null;
  const href = source.url ? safeHref(source.url) : null;
  return (
    <p class="research-source">
      {href ? (
        <a href={href} rel="noopener noreferrer" target="_blank">{t('research.source', { host: new URL(href).host })}</a>
      ) : source.url && <span>{source.url}</span>}
      {source.confidence && (
        <span class="research-confidence">{confidenceWords(source.confidence)}</span>
      )}
      {source.unverified && <strong class="research-unverified">{t('research.unverified')}</strong>}
    </p>
  );
}

export function Catalogue() {
  const [institutions, reloadInstitutions] = useLoad(listInstitutions, []);
  const [countries, reloadCountries] = useLoad(listCountries, []);
  const language = translator.value.language;
  return (
    <>
      <h2>{t('research.institutions')}</h2>
      {institutions.state === 'loading' && <Loading />}
      {institutions.state === 'failed' && <LoadFailed error={institutions.error} retry={reloadInstitutions} />}
      {institutions.state === 'ready' && (
        <div class="table-scroll">
          <table id="institutions-table">
            <caption class="visually-hidden">{t('research.institutions')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('research.institution')}</th>
                <th scope="col">{t('research.standardsCount')}</th>
                <th scope="col">{t('research.mechanism')}</th>
              </tr>
            </thead>
            <tbody>
              {institutions.data.content.map((institution) => (
                <tr key={institution.id}>
                  <th scope="row"><a href={hrefOf('research', 'institutions', institution.id ?? '')}>{institution.name ?? institution.id}</a></th>
                  <td>{institution.standards ?? 0}</td>
                  <td>{institution.mechanism ?? t('research.none')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t('research.countries')}</h2>
      {countries.state === 'loading' && <Loading />}
      {countries.state === 'failed' && <LoadFailed error={countries.error} retry={reloadCountries} />}
      {countries.state === 'ready' && (
        <ul class="research-countries" id="countries-list">
          {countries.data.map((country) => (
            <li key={country.code}>
              <a href={hrefOf('research', 'countries', country.code ?? '')}>
                {countryName(country.code ?? '', language, country.name)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function StandardItem({ standard }: { readonly standard: Standard }) {
  return (
    <li class="research-fact">
      <h3>{standard.title}{standard.year ? ` (${standard.year})` : ''}</h3>
      {standard.summary && <p>{standard.summary}</p>}
      {standard.note && <p class="hint">{standard.note}</p>}
      <SourceLine source={standard.source} />
      {standard.version !== undefined && standard.version > 1 && (
        <p class="meta">{t('research.corrected', { version: standard.version, reason: standard.correctionReason ?? '' })}</p>
      )}
    </li>
  );
}

function MechanismFacts({ mechanism }: { readonly mechanism: Mechanism }) {
  return (
    <section aria-labelledby="mechanism-title" class="research-fact">
      <h2 id="mechanism-title">{t('research.mechanismOf', { name: mechanism.name ?? '' })}</h2>
      <dl class="research-details">
        {mechanism.established && <><dt>{t('research.established')}</dt><dd>{mechanism.established}</dd></>}
        {mechanism.functions && mechanism.functions.length > 0 && (
          <><dt>{t('research.functions')}</dt><dd>{mechanism.functions.join(', ')}</dd></>
        )}
        {mechanism.howToFile && <><dt>{t('research.howToFile')}</dt><dd>{mechanism.howToFile}</dd></>}
        {mechanism.eligibilityNote && (
          <>
            <dt>{t('research.eligibility')}</dt>
            <dd>
              {mechanism.eligibilityNote}
              {mechanism.eligibilityConfidence && ` (${confidenceWords(mechanism.eligibilityConfidence)})`}
            </dd>
          </>
        )}
      </dl>
      {mechanism.note && <p class="hint">{mechanism.note}</p>}
      <SourceLine source={mechanism.source} />
    </section>
  );
}

export function InstitutionPage({ id, nav }: { readonly id: string; readonly nav: ComponentChildren }) {
  const [institution, reload] = useLoad(() => getInstitution(id), [id]);
  const title = institution.state === 'ready' ? institution.data.name ?? id : t('research.title');
  return (
    <Page title={title}>
      {nav}
      {institution.state === 'loading' && <Loading />}
      {institution.state === 'failed' && <LoadFailed error={institution.error} retry={reload} />}
      {institution.state === 'ready' && (
        <>
          <h2>{t('research.standards')}</h2>
          {!institution.data.standards?.length ? <p>{t('research.none')}</p> : (
            <ul class="research-facts" id="standards-list">
              {institution.data.standards.map((standard) => <StandardItem key={standard.id} standard={standard} />)}
            </ul>
          )}
          {institution.data.mechanism && <MechanismFacts mechanism={institution.data.mechanism} />}
        </>
      )}
    </Page>
  );
}

export function CountryPage({ code, nav }: { readonly code: string; readonly nav: ComponentChildren }) {
  const [relations, reload] = useLoad(async () => {
    const [found, institutions] = await Promise.all([countryRelations(code), listInstitutions()]);
    const names = new Map(institutions.content.map((institution) => [institution.id, institution.name]));
    return found.map((relation) => ({ relation, name: names.get(relation.institutionId) ?? relation.institutionId ?? '' }));
  }, [code]);
  return (
    <Page title={t('research.relationsOf', { country: countryName(code, translator.value.language, code) })}>
      {nav}
      {relations.state === 'loading' && <Loading />}
      {relations.state === 'failed' && <LoadFailed error={relations.error} retry={reload} />}
      {relations.state === 'ready' && (relations.data.length === 0 ? <p>{t('research.none')}</p> : (
        <ul class="research-facts" id="relations-list">
          {relations.data.map(({ relation, name }) => (
            <li key={relation.institutionId} class="research-fact">
              <h2 class="research-fact-title">
                <a href={hrefOf('research', 'institutions', relation.institutionId ?? '')}>{name}</a>
              </h2>
              <p>{relation.status}{relation.since ? ` — ${t('research.since', { year: String(relation.since) })}` : ''}</p>
              <SourceLine source={relation.source} />
            </li>
          ))}
        </ul>
      ))}
    </Page>
  );
}
