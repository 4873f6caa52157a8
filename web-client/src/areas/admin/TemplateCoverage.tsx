// Which notification templates are written in which language: a template × language table; a missing one
// says so in words, with what readers of that language get instead (the service's fallback).
import { t } from '../../i18n/i18n';
import { LANGUAGE_NAMES, isLanguage } from '../../i18n/languages';
import { Page } from '../../ui/Page';
import { LoadFailed, Loading } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { templateCoverage } from './api';
import { coverageTable, type CoverageCell } from './logic';
import { AdminNav } from './nav';
import { ScrollRegion } from '../../ui/ScrollRegion';

function LanguageName({ code }: { readonly code: string }) {
  return isLanguage(code) ? <span lang={code}>{LANGUAGE_NAMES[code]}</span> : <>{code}</>;
}

function Cell({ cell }: { readonly cell: CoverageCell }) {
  if (cell.complete) return <>{t('admin.templates.complete')}</>;
  return (
    <span class="admin-missing">
      {cell.fallsBackTo ? (
        <>{t('admin.templates.missingFallsBack')} <LanguageName code={cell.fallsBackTo} /></>
      ) : t('admin.templates.missingNoFallback')}
    </span>
  );
}

export function TemplateCoverage() {
  const [loaded, reload] = useLoad(templateCoverage, []);
  return (
    <Page title={t('admin.templates.title')}>
      <AdminNav current="templates" />
      <p>{t('admin.templates.intro')}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <LoadFailed error={loaded.error} retry={reload} />}
      {loaded.state === 'ready' && (() => {
        const table = coverageTable(loaded.data);
        return (
          <ScrollRegion label={t('admin.templates.title')}>
            <table id="template-coverage">
              <caption class="visually-hidden">{t('admin.templates.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('admin.templates.template')}</th>
                  {table.languages.map((code) => <th scope="col" key={code}><LanguageName code={code} /></th>)}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.template}>
                    <th scope="row"><span class="admin-type">{row.template}</span></th>
                    {row.cells.map((cell, i) => <td key={table.languages[i]}><Cell cell={cell} /></td>)}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('admin.templates.total')}</th>
                  {table.totals.map((total, i) => (
                    <td key={table.languages[i]}>{t('admin.templates.totalCell', { complete: total.complete, total: total.total })}</td>
                  ))}
                </tr>
              </tfoot>
            </table>
          </ScrollRegion>
        );
      })()}
    </Page>
  );
}
