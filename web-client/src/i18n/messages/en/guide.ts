// English, guide: the reference for every other language (loaded with the area, see ../parts.ts).
export const guide = {
  'guide.title': 'Guide and translations',
} as const;
