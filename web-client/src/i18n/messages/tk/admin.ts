// tk, admin (to be reviewed by a native speaker).
import type { PartCatalogue } from '../parts';
import type { admin as english } from '../en/admin';

export const admin = {
  'admin.title': 'Dolandyryş',
} as const satisfies PartCatalogue<typeof english>;
