// English, note: the reference for every other language (loaded with the area, see ../parts.ts).
export const note = {
  'note.title': 'Analytical note',
} as const;
