// English, research: the reference for every other language (loaded with the area, see ../parts.ts).
export const research = {
  'research.title': 'Research',
} as const;
