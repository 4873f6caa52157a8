// English, assignments: the reference for every other language (loaded with the area, see ../parts.ts).
export const assignments = {
  'assignments.title': 'Assignments',
} as const;
