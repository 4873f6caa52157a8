// English, admin: the reference for every other language (loaded with the area, see ../parts.ts).
export const admin = {
  'admin.title': 'Back office',
} as const;
