// Two versions compared (pure): each section written out as text in the viewer's words, then diffed word by
// word. Its own module so that the diff is loaded with the comparison screen only.
import { wordDiff, type DiffPart } from '../../ui/diff';
import type { ActionStatus } from './api';
import { SECTIONS, type FullContent, type SectionKey } from './logic';

/** The words used when a section is written out as text for a comparison. */
export interface TextWords {
  readonly owner: (id: string) => string;
  readonly status: (status: ActionStatus) => string;
  readonly due: string;
  readonly reprisal: string;
  readonly mitigation: string;
}

/** Each section as plain text, the way the service anchors comments (StrategyContent.sectionTexts), in the viewer's words. */
export function sectionTexts(content: FullContent, words: TextWords): Record<SectionKey, string> {
  return {
    context: content.context,
    goals: content.goals.join('\n'),
    targetInstitutions: content.targetInstitutions.join('\n'),
    objectives: content.objectives.join('\n'),
    actions: content.actions.map((a) => `${a.text} (${words.owner(a.ownerId)}; ${words.due} ${a.due}; ${words.status(a.status)})`).join('\n'),
    indicators: content.indicators.join('\n'),
    risks: content.risks.map((r) => `${r.reprisal ? `[${words.reprisal}] ` : ''}${r.description} (${words.mitigation}: ${r.mitigation})`).join('\n'),
    evidence: content.evidence.join('\n'),
  };
}

export interface SectionDiff {
  readonly key: SectionKey;
  readonly parts: readonly DiffPart[];
  readonly changed: boolean;
}

/** The word diff of every section between an older and a newer version. */
export function compareVersions(older: FullContent, newer: FullContent, words: TextWords): SectionDiff[] {
  const a = sectionTexts(older, words);
  const b = sectionTexts(newer, words);
  return SECTIONS.map((key) => {
    const parts = wordDiff(a[key], b[key]);
    return { key, parts, changed: parts.some((p) => p.op !== 'same') };
  });
}

