// ky, guide (to be reviewed by a native speaker).
import type { PartCatalogue } from '../parts';
import type { guide as english } from '../en/guide';

export const guide = {
  'guide.title': 'Колдонмо жана котормолор',
} as const satisfies PartCatalogue<typeof english>;
