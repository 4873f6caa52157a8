// ky, consultations (to be reviewed by a native speaker).
import type { PartCatalogue } from '../parts';
import type { consultations as english } from '../en/consultations';

export const consultations = {
  'consultations.title': 'Консультациялар',
} as const satisfies PartCatalogue<typeof english>;
