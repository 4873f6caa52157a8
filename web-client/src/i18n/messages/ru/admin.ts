// ru, admin.
import type { PartCatalogue } from '../parts';
import type { admin as english } from '../en/admin';

export const admin = {
  'admin.title': 'Администрирование',
} as const satisfies PartCatalogue<typeof english>;
