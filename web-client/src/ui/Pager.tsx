// Paging of the services' lists (Spring's {"content", "page": {"number", "size", "totalElements",
// "totalPages"}}): previous / next and where one is, as text.
import { t } from '../i18n/i18n';

export interface PageInfo {
  readonly number: number;
  readonly size: number;
  readonly totalElements: number;
  readonly totalPages: number;
}

export interface Paged<T> {
  readonly content: readonly T[];
  readonly page: PageInfo;
}

export function Pager({ page, onPage, label }: { readonly page: PageInfo; readonly onPage: (n: number) => void; readonly label: string }) {
  if (page.totalPages <= 1) return null;
  return (
    <nav class="pager" aria-label={label}>
      <button type="button" disabled={page.number <= 0} onClick={() => onPage(page.number - 1)}>{t('common.previous')}</button>
      <span>{t('common.pageOf', { page: page.number + 1, pages: page.totalPages })}</span>
      <button type="button" disabled={page.number + 1 >= page.totalPages} onClick={() => onPage(page.number + 1)}>{t('common.next')}</button>
    </nav>
  );
}
