// ru, note.
import type { PartCatalogue } from '../parts';
import type { note as english } from '../en/note';

export const note = {
  'note.title': 'Аналитическая записка',
} as const satisfies PartCatalogue<typeof english>;
