// A progress answer as membership-service gives it, for the dashboard's tests.
import type { Progress } from './api';

export const PROGRESS: Progress = {
  experts: {
    total: 4,
    target: { min: 10, max: 15 },
    withinTarget: false,
    perCountry: [
      { country: 'KZ', experts: 2, target: { min: 1, max: 3 }, withinTarget: true },
      { country: 'KG', experts: 0, target: { min: 1, max: 3 }, withinTarget: false },
      { country: 'TJ', experts: 0, target: { min: 1, max: 3 }, withinTarget: false },
      { country: 'TM', experts: 0, target: { min: 1, max: 3 }, withinTarget: false },
      { country: 'UZ', experts: 4, target: { min: 1, max: 3 }, withinTarget: false },
    ],
    withoutCountry: 0,
  },
  countries: { covered: 2, codes: ['KZ', 'UZ'], target: { min: 2, max: 4 }, withinTarget: true },
  discussion: { tracked: true, organisations: 7, countries: 3, organisationsTarget: { min: 20, max: 30 }, countriesTarget: 4, withinTarget: false },
  pendingInvitations: { people: 3, organisations: 1 },
};
