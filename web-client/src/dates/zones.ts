// IANA time zones for pickers: the plan's Central Asian zones first, then every other zone the browser knows.

export const CENTRAL_ASIAN_ZONES = [
  'Asia/Almaty',
  'Asia/Bishkek',
  'Asia/Dushanbe',
  'Asia/Ashgabat',
  'Asia/Tashkent',
] as const;

function knownZones(): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'timeZone') => string[] };
  return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC'];
}

/** Central Asian zones first (in the plan's order), then the others alphabetically, each once. */
export function zoneChoices(others: readonly string[] = knownZones()): string[] {
  const first: readonly string[] = CENTRAL_ASIAN_ZONES;
  const rest = [...new Set(others)].filter((zone) => !first.includes(zone)).sort();
  return [...first, ...rest];
}

/** 'Asia/Bishkek' → 'Bishkek', 'America/Argentina/Buenos_Aires' → 'Buenos Aires' */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

export function viewerZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
