// English, consultations: the reference for every other language (loaded with the area, see ../parts.ts).
export const consultations = {
  'consultations.title': 'Consultations',
} as const;
