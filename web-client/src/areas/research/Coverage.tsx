// The coverage matrix as a heat map: institutions × countries, the number of accepted findings in each cell with
// a shade that grows with it (the number is always written, so nothing depends on seeing the colour), gaps marked
// in words. A screen reader reads it as the table it is.
import { useState } from 'preact/hooks';
import { t, translator } from '../../i18n/i18n';
import { SelectField } from '../../ui/Field';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { LoadFailed, Loading } from '../../ui/feedback';
import { useLoad } from '../../ui/useLoad';
import { countryName } from '../people/display';
import { getCoverage, listInstitutions, STRANDS, type Strand } from './api';
import { coverageMatrix } from './logic';

export function CoverageMatrix() {
  const [strand, setStrand] = useState<Strand | ''>('');
  const [loaded, reload] = useLoad(async () => {
    const [coverage, institutions] = await Promise.all([getCoverage(), listInstitutions()]);
    return { coverage, names: new Map(institutions.content.map((institution) => [institution.id, institution.name])) };
  }, []);
  const language = translator.value.language;
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <LoadFailed error={loaded.error} retry={reload} />;
  const matrix = coverageMatrix(loaded.data.coverage, strand);
  return (
    <>
      <p>{t('research.coverage.intro')}</p>
      <SelectField
        id="coverage-strand"
        label={t('research.strand')}
        value={strand}
        empty={t('research.strand.all')}
        choices={STRANDS.map((value) => ({ value, label: t(`research.strand.${value}`) }))}
        onValue={(value) => setStrand(value as Strand | '')}
      />
      {matrix.rows.length === 0 ? <p>{t('research.coverage.empty')}</p> : (
        <>
          <ScrollRegion label={t('research.coverage.title')}>
            <table id="coverage-table" class="heat-map">
              <caption>{t('research.coverage.caption', { gaps: loaded.data.coverage.gaps ?? 0 })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('research.institution')}</th>
                  {matrix.countries.map((country) => <th scope="col" key={country}>{countryName(country, language, country)}</th>)}
                </tr>
              </thead>
              <tbody>
                {matrix.rows.map((row) => (
                  <tr key={row.institutionId}>
                    <th scope="row">{loaded.data.names.get(row.institutionId) ?? row.institutionId}</th>
                    {row.cells.map((cell) => (
                      <td key={cell.country} class={`heat-${cell.level}`} data-count={cell.count}>
                        <span class="heat-count">{cell.count}</span>
                        {cell.gap && <span class="heat-gap">{t('research.coverage.gap')}</span>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <p class="heat-legend" id="coverage-legend">
            <span>{t('research.coverage.legend')}</span>
            {[0, 1, 2, 3, 4].map((level) => <span key={level} class={`heat-swatch heat-${level}`} aria-hidden="true" />)}
            <span>{t('research.coverage.legendMax', { max: matrix.max })}</span>
          </p>
        </>
      )}
    </>
  );
}
