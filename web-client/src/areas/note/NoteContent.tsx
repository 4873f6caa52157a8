// A note's content as a reader sees it: institutions, their countries, the accepted findings with citations and the
// catalogue facts they rest on (sources, confidence, UNVERIFIED in words). Plain text only: what people typed is
// never taken as markup.
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { safeHref } from '../../ui/markdown';
import type { Citation, Fact, InstitutionPart, NoteFinding } from './api';

const STRAND: Readonly<Record<string, MessageKey>> = {
  STANDARDS_AND_RULES: 'note.strand.STANDARDS_AND_RULES',
  LEGAL_AND_POLITICAL_RELATIONS: 'note.strand.LEGAL_AND_POLITICAL_RELATIONS',
  ADVOCACY_TOOLS_AND_PRACTICES: 'note.strand.ADVOCACY_TOOLS_AND_PRACTICES',
};

const LEVEL: Readonly<Record<string, MessageKey>> = { high: 'note.level.high', medium: 'note.level.medium', low: 'note.level.low' };

/** "Confidence: high" in the person's language (an unknown level as written). */
export function confidence(level: string): string {
  const key = LEVEL[level.toLowerCase()];
  return t('note.confidence', { level: key ? t(key) : level });
}

function Link({ url, children }: { readonly url: string | undefined; readonly children: string }) {
  const href = url ? safeHref(url) : null;
  return href ? <a href={href} rel="noopener noreferrer" target="_blank">{children}</a> : <>{children}</>;
}

function FactLine({ label, fact }: { readonly label: string; readonly fact: Fact | undefined }) {
  if (!fact?.text) return null;
  return (
    <p class="note-fact">
      <strong>{label}: </strong>
      <Link url={fact.url}>{fact.text}</Link>
      {fact.detail && ` — ${fact.detail}`}
      {fact.confidence && ` (${confidence(fact.confidence)})`}
      {fact.unverified && <> <strong class="note-unverified">{t('note.unverified')}</strong></>}
    </p>
  );
}

function CitationItem({ citation }: { readonly citation: Citation }) {
  const title = [citation.document, citation.section].filter(Boolean).join(', ') || citation.link || '';
  return (
    <li>
      <Link url={citation.link}>{title}</Link>
      {citation.accessedOn && ` (${t('note.accessed', { date: citation.accessedOn })})`}
      {citation.quote && <blockquote class="note-quote">{citation.quote}</blockquote>}
    </li>
  );
}

function FindingItem({ finding }: { readonly finding: NoteFinding }) {
  return (
    <li class="note-finding">
      <p class="meta">
        {finding.strand && STRAND[finding.strand] ? t(STRAND[finding.strand]!) : finding.strand}
        {finding.confidence && ` · ${confidence(finding.confidence)}`}
        {` · ${t('note.findingVersion', { id: finding.findingId ?? '', version: finding.version ?? 1 })}`}
      </p>
      <p class="note-statement">{finding.statement}</p>
      {(finding.standards?.length ?? 0) > 0 && (
        <ul class="note-standards">
          {finding.standards?.map((standard) => (
            <li key={standard.id}>
              {standard.found === false ? t('note.unknownStandard', { id: standard.id ?? '' }) : (
                <>
                  <Link url={standard.url}>{`${standard.title ?? standard.id ?? ''}${standard.year ? ` (${standard.year})` : ''}`}</Link>
                  {standard.unverified && <> <strong class="note-unverified">{t('note.unverified')}</strong></>}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {(finding.evidence?.length ?? 0) > 0 && (
        <>
          <p class="note-label">{t('note.citations')}</p>
          <ul class="note-citations">{finding.evidence?.map((citation, i) => <CitationItem key={i} citation={citation} />)}</ul>
        </>
      )}
    </li>
  );
}

export function NoteContent({ parts }: { readonly parts: readonly InstitutionPart[] | undefined }) {
  if (!parts?.length) return <p>{t('note.emptyContent')}</p>;
  return (
    <div class="note-content">
      {parts.map((part) => (
        <section key={part.id} aria-labelledby={`note-part-${part.id}`}>
          <h3 id={`note-part-${part.id}`}>{part.name ?? part.id}</h3>
          <FactLine label={t('note.mechanism')} fact={part.mechanism} />
          {part.countries?.map((country) => (
            <section key={country.code} aria-labelledby={`note-part-${part.id}-${country.code}`}>
              <h4 id={`note-part-${part.id}-${country.code}`}>{country.name ?? country.code}</h4>
              <FactLine label={t('note.relation')} fact={country.relation} />
              <ol class="note-findings">{country.findings?.map((finding) => <FindingItem key={finding.findingId} finding={finding} />)}</ol>
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}
