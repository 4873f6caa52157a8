// ru, assignments.
import type { PartCatalogue } from '../parts';
import type { assignments as english } from '../en/assignments';

export const assignments = {
  'assignments.title': 'Задания',
} as const satisfies PartCatalogue<typeof english>;
