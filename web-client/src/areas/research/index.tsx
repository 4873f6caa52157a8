// Research: the institution catalogue with its sources, countries' relations, the coverage heat map and search.
// #/research, #/research/institutions/<id>, #/research/countries/<code>, #/research/coverage, #/research/search
import { routeArgs } from '../../app/router';
import { t } from '../../i18n/i18n';
import { Page } from '../../ui/Page';
import { hrefOf } from '../../app/router';
import { Catalogue, CountryPage, InstitutionPage } from './Catalogue';
import { CoverageMatrix } from './Coverage';
import { SearchScreen } from './Search';
import './research.css';

type View = 'catalogue' | 'coverage' | 'search';

function ResearchNav({ current }: { readonly current: View | null }) {
  const links: readonly [View, string][] = [['catalogue', ''], ['coverage', 'coverage'], ['search', 'search']];
  return (
    <nav aria-label={t('research.sections')} class="research-nav">
      <ul>
        {links.map(([view, arg]) => (
          <li key={view}>
            <a href={arg ? hrefOf('research', arg) : hrefOf('research')} aria-current={current === view ? 'page' : undefined}>
              {t(`research.view.${view}`)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function Research() {
  const [first, second] = routeArgs.value;
  if (first === 'institutions' && second) return <InstitutionPage id={second} nav={<ResearchNav current={null} />} />;
  if (first === 'countries' && second) return <CountryPage code={second} nav={<ResearchNav current={null} />} />;
  if (first === 'coverage') {
    return <Page title={t('research.coverage.title')}><ResearchNav current="coverage" /><CoverageMatrix /></Page>;
  }
  if (first === 'search') {
    return <Page title={t('research.search.title')}><ResearchNav current="search" /><SearchScreen /></Page>;
  }
  return <Page title={t('research.title')}><ResearchNav current="catalogue" /><Catalogue /></Page>;
}
