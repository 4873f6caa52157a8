// uz, note (to be reviewed by a native speaker).
import type { PartCatalogue } from '../parts';
import type { note as english } from '../en/note';

export const note = {
  'note.title': 'Tahliliy xat',
} as const satisfies PartCatalogue<typeof english>;
