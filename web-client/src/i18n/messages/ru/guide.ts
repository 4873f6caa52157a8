// ru, guide.
import type { PartCatalogue } from '../parts';
import type { guide as english } from '../en/guide';

export const guide = {
  'guide.title': 'Руководство и переводы',
} as const satisfies PartCatalogue<typeof english>;
