// ru, consultations.
import type { PartCatalogue } from '../parts';
import type { consultations as english } from '../en/consultations';

export const consultations = {
  'consultations.title': 'Консультации',
} as const satisfies PartCatalogue<typeof english>;
