// ru, research.
import type { PartCatalogue } from '../parts';
import type { research as english } from '../en/research';

export const research = {
  'research.title': 'Исследование',
} as const satisfies PartCatalogue<typeof english>;
