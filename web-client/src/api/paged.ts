// A page of a list as the services answer it (Spring's PagedModel: {content, page}) → the Paged<T> the
// screens and the Pager use. The documents mark both parts optional (the services leave out nulls), so
// an absent part reads as an empty page rather than crashing the list.
import type { Paged } from '../ui/Pager';

export interface PageAnswer<T> {
  readonly content?: readonly T[];
  readonly page?: {
    readonly number?: number;
    readonly size?: number;
    readonly totalElements?: number;
    readonly totalPages?: number;
  };
}

export function pagedOf<T>(answer: PageAnswer<T>): Paged<T> {
  const content = answer.content ?? [];
  const page = answer.page;
  const totalElements = page?.totalElements ?? content.length;
  return {
    content,
    page: {
      number: page?.number ?? 0,
      size: page?.size ?? content.length,
      totalElements,
      totalPages: page?.totalPages ?? (totalElements > 0 ? 1 : 0),
    },
  };
}
