// tk, assignments (to be reviewed by a native speaker).
import type { PartCatalogue } from '../parts';
import type { assignments as english } from '../en/assignments';

export const assignments = {
  'assignments.title': 'Tabşyryklar',
} as const satisfies PartCatalogue<typeof english>;
