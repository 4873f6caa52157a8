// tg, strategy (to be reviewed by a native speaker).
import type { PartCatalogue } from '../parts';
import type { strategy as english } from '../en/strategy';

export const strategy = {
  'strategy.title': 'Стратегия',
} as const satisfies PartCatalogue<typeof english>;
