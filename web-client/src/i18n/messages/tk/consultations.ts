// tk, consultations (to be reviewed by a native speaker).
import type { PartCatalogue } from '../parts';
import type { consultations as english } from '../en/consultations';

export const consultations = {
  'consultations.title': 'Maslahatlaşmalar',
} as const satisfies PartCatalogue<typeof english>;
