// The progress answer as chart rows: each row a number against the plan's target range, with the
// scale its bar is drawn on and where it stands in words (never in colour only).
import type { MessageKey } from '../../i18n/messages/en';
import type { Progress, Range } from './api';

export type Standing = 'below' | 'within' | 'above';

export interface ChartRow {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  readonly min: number;
  /** null: "at least min" */
  readonly max: number | null;
  readonly standing: Standing;
}

export interface Chart {
  readonly id: string;
  readonly title: MessageKey;
  readonly rows: readonly ChartRow[];
  /** the value at the bar's full width: room for the largest value and the whole target */
  readonly scale: number;
}

export function standingOf(value: number, min: number, max: number | null): Standing {
  if (value < min) return 'below';
  if (max !== null && value > max) return 'above';
  return 'within';
}

function row(key: string, label: string, value: number | undefined, target: Range | undefined): ChartRow {
  return rowAgainst(key, label, value ?? 0, target?.min ?? 0, target?.max ?? null);
}

function rowAgainst(key: string, label: string, value: number, min: number, max: number | null): ChartRow {
  return { key, label, value, min, max, standing: standingOf(value, min, max) };
}

function chart(id: string, title: MessageKey, rows: readonly ChartRow[]): Chart {
  const ends = rows.flatMap((r) => [r.value, r.max ?? Math.ceil(r.min * 1.25)]);
  return { id, title, rows, scale: Math.max(1, ...ends) };
}

/**
 * Five charts: active experts per country (1–3 each), experts in total (10–15), countries covered
 * (2–4), organisations at discussions (20–30) and their countries (at least 4; only once the
 * service tracks discussions).
 */
export function chartsOf(progress: Progress, countryLabel: (code: string) => string, label: (key: MessageKey) => string): Chart[] {
  // the service leaves out nulls, so every part may be missing: a missing number counts 0, a missing
  // maximum reads "at least the minimum", a part not there has no rows
  const { experts, countries, discussion } = progress;
  const charts = [
    chart('experts-per-country', 'dashboard.chart.perCountry',
      (experts?.perCountry ?? []).flatMap((c) => c.country ? [row(c.country, countryLabel(c.country), c.experts, c.target)] : [])),
    chart('experts-total', 'dashboard.chart.experts',
      [row('total', label('dashboard.row.experts'), experts?.total, experts?.target)]),
    chart('countries-covered', 'dashboard.chart.countries',
      [row('covered', label('dashboard.row.countries'), countries?.covered, countries?.target)]),
  ];
  if (discussion?.tracked) {
    charts.push(
      chart('discussion-organisations', 'dashboard.chart.discussionOrganisations',
        [row('organisations', label('dashboard.row.organisations'), discussion.organisations, discussion.organisationsTarget)]),
      chart('discussion-countries', 'dashboard.chart.discussionCountries',
        [rowAgainst('countries', label('dashboard.row.countries'), discussion.countries ?? 0, discussion.countriesTarget ?? 0, null)]),
    );
  }
  return charts;
}

/** Percent of the bar's width, kept within 0–100. */
export function percent(value: number, scale: number): number {
  return Math.max(0, Math.min(100, (value / scale) * 100));
}
