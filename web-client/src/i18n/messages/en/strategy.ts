// English, strategy: the reference for every other language (loaded with the area, see ../parts.ts).
export const strategy = {
  'strategy.title': 'Strategy',
} as const;
