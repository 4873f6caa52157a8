// Search across findings, standards and mechanisms; the words that made a result match are marked.
// The query is kept in the screen only (never in the address: it may say what someone is looking into).
import { useState } from 'preact/hooks';
import { hrefOf } from '../../app/router';
import { t } from '../../i18n/i18n';
import { SelectField, TextField } from '../../ui/Field';
import { Pager, type Paged } from '../../ui/Pager';
import { ProblemAlert } from '../../ui/feedback';
import { search, SEARCH_KINDS, type SearchHit, type SearchKind } from './api';
import { highlight } from './logic';

export function Marked({ text, query }: { readonly text: string; readonly query: string }) {
  return <>{highlight(text, query).map((segment, i) => (segment.found ? <mark key={i}>{segment.text}</mark> : segment.text))}</>;
}

/** Where a hit leads: a finding to its page in assignments, a standard or mechanism to its institution. */
function hrefOfHit(hit: SearchHit): string | null {
  if (hit.kind === 'finding' && hit.id) return hrefOf('assignments', 'findings', hit.id);
  return hit.institutionId ? hrefOf('research', 'institutions', hit.institutionId) : null;
}

export function SearchScreen() {
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<SearchKind | ''>('');
  const [asked, setAsked] = useState<{ query: string; kind: SearchKind | '' } | null>(null);
  const [results, setResults] = useState<Paged<SearchHit> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function run(question: { query: string; kind: SearchKind | '' }, page: number) {
    setBusy(true);
    setError(null);
    try {
      setResults(await search(question.query, question.kind, page));
      setAsked(question);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <form
        id="search-form"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (query.trim() !== '') void run({ query: query.trim(), kind }, 0);
        }}
      >
        <TextField id="search-q" label={t('research.search.query')} type="search" value={query} onValue={setQuery}
          maxLength={200} hint={t('research.search.hint')} />
        <SelectField id="search-kind" label={t('research.search.kind')} value={kind} empty={t('research.search.anyKind')}
          choices={SEARCH_KINDS.map((value) => ({ value, label: t(`research.kind.${value}`) }))}
          onValue={(value) => setKind(value as SearchKind | '')} />
        <div class="actions">
          <button type="submit" class="primary" disabled={busy}>{busy ? t('research.search.searching') : t('research.search.submit')}</button>
        </div>
      </form>
      <ProblemAlert error={error} />
      <div aria-live="polite">
        {results && asked && (
          <p id="search-count">{t('research.search.count', { count: results.page.totalElements, query: asked.query })}</p>
        )}
      </div>
      {results && asked && results.content.length > 0 && (
        <>
          <ol id="search-results" class="research-results">
            {results.content.map((hit) => {
              const href = hrefOfHit(hit);
              return (
                <li key={`${hit.kind}:${hit.id}`}>
                  <p class="meta">{t(`research.kind.${(hit.kind ?? 'finding') as SearchKind}`)}</p>
                  <h2 class="research-result-title">
                    {href ? <a href={href}><Marked text={hit.title ?? ''} query={asked.query} /></a> : <Marked text={hit.title ?? ''} query={asked.query} />}
                  </h2>
                  {hit.snippet && <p><Marked text={hit.snippet} query={asked.query} /></p>}
                </li>
              );
            })}
          </ol>
          <Pager page={results.page} onPage={(page) => void run(asked, page)} label={t('research.search.pages')} />
        </>
      )}
    </>
  );
}
