// The comment box: a section, the quoted words and the comment. Words selected in a section's text (mouse,
// touch, or the keyboard's caret browsing) fill the quote and the section; the quote can also be typed: it
// must be words of the section (any spacing or case: what is sent is the section's own passage).
import { useEffect } from 'preact/hooks';
import { t } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/messages/en';
import { SelectField, TextArea, TextField } from '../../ui/Field';
import { ProblemAlert } from '../../ui/feedback';
import { useAction } from '../../ui/useAction';
import { useState } from 'preact/hooks';
import { addComment, type CommentBody, type ReadRound } from './api';
import { matchQuote, MAX_QUOTE, quoteProblem } from './logic';
import { sectionHeading } from './words';

interface Props {
  readonly round: ReadRound;
  readonly sections: readonly { readonly key: string; readonly text: string }[];
  readonly section: string;
  readonly quote: string;
  readonly onSection: (key: string) => void;
  readonly onQuote: (quote: string) => void;
  readonly onDone: (message: string) => void;
}

/** The section (its text element's data-section) and the selected words, when a selection lies within one section's text. */
export function selectionInSection(selection: Selection | null): { key: string; words: string } | null {
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const holder = (node: Node | null) => (node instanceof Element ? node : node?.parentElement ?? null)?.closest<HTMLElement>('[data-section]') ?? null;
  const start = holder(selection.anchorNode);
  if (!start || start !== holder(selection.focusNode)) return null;
  const key = start.dataset['section'];
  const words = selection.toString().trim();
  return key && words ? { key, words } : null;
}

export function CommentForm({ round, sections, section, quote, onSection, onQuote, onDone }: Props) {
  const [text, setText] = useState('');
  const [local, setLocal] = useState<{ quote?: MessageKey; text?: MessageKey }>({});
  const [picked, setPicked] = useState('');
  const action = useAction(async (body: CommentBody) => {
    await addComment(round.id, body);
    setText('');
    setLocal({});
    onDone(t('consultations.commented'));
  });
  const sectionText = sections.find((s) => s.key === section)?.text ?? '';

  // a selection inside a section's text becomes the quote (mouse, touch, or keyboard selection)
  useEffect(() => {
    const listener = () => {
      const found = selectionInSection(document.getSelection());
      if (!found) return;
      const text = sections.find((s) => s.key === found.key)?.text ?? '';
      const passage = matchQuote(text, found.words);
      if (passage === null || passage.length > MAX_QUOTE) return;
      onSection(found.key);
      onQuote(passage);
      setLocal({});
      setPicked(t('consultations.quotePicked', { section: sectionHeading(round, found.key, text) }));
    };
    document.addEventListener('selectionchange', listener);
    return () => document.removeEventListener('selectionchange', listener);
  }, [sections, round]);

  function submit(event: Event) {
    event.preventDefault();
    const problems: { quote?: MessageKey; text?: MessageKey } = {};
    const problem = quoteProblem(sectionText, quote);
    if (problem) problems.quote = problem === 'tooLong' ? 'consultations.quoteTooLong' : 'consultations.quoteNotInSection';
    if (!text.trim()) problems.text = 'field.required';
    setLocal(problems);
    if (problems.quote || problems.text) {
      document.getElementById(problems.quote ? 'comment-quote' : 'comment-text')?.focus();
      return;
    }
    const passage = quote.trim() ? matchQuote(sectionText, quote) : null;
    void action.run({ sectionKey: section, ...(passage ? { quote: passage } : {}), text: text.trim() });
  }

  return (
    <form id="comment-form" noValidate onSubmit={submit}>
      <SelectField id="comment-section" label={t('consultations.section')} value={section} required
        choices={sections.map(({ key, text }) => ({ value: key, label: sectionHeading(round, key, text) }))}
        onValue={(value) => {
          onSection(value);
          setLocal({});
        }} error={action.fields['sectionKey']} />
      <TextField id="comment-quote" label={t('consultations.quote')} hint={t('consultations.quoteHint')} value={quote}
        onValue={(value) => {
          onQuote(value);
          setPicked('');
        }} maxLength={MAX_QUOTE} error={local.quote ?? action.fields['quote']} />
      <p class="hint" aria-live="polite" id="comment-quote-picked">{picked}</p>
      <TextArea id="comment-text" label={t('consultations.commentText')} value={text} onValue={setText} required rows={5}
        maxLength={10000} error={local.text ?? action.fields['text']} />
      <ProblemAlert error={action.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={action.busy}>
          {action.busy ? t('consultations.sending') : t('consultations.sendComment')}
        </button>
      </div>
    </form>
  );
}
