// A small, safe Markdown renderer: text in, Preact vnodes out, never HTML. Everything a person typed ends up
// as text nodes (Preact escapes them), so "<script>" is shown as written. Links only for http(s) addresses;
// any other scheme (javascript:, data:, vbscript:, a relative path) leaves the link's words as plain text.
// Supported: ATX headings (#…######), paragraphs, "-"/"*"/"+" and "1." lists, ``` fenced code, "> " quotes,
// **strong**/__strong__, *emphasis*/_emphasis_, `code`, [words](https://…) and backslash escapes.
import type { ComponentChildren, VNode } from 'preact';

/** The address of a link if it is an absolute http(s) URL, else null (the words stay, the link goes). */
export function safeHref(raw: string): string | null {
  const address = raw.trim();
  if (!/^https?:\/\/[^\s]/i.test(address)) return null;
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// nesting deeper than this is shown as text: hostile input cannot exhaust the stack
const MAX_DEPTH = 6;
const ESCAPABLE = '\\`*_[]()#+-.!>';

/**
 * Inline Markdown as vnodes. Searches for delimiters are remembered, so text full of unmatched "*" or "["
 * does not scan to its end again at every one.
 */
export function renderInline(text: string, depth = 0): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  const seen = new Map<string, { from: number; at: number }>();
  let plain = '';
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  const find = (delimiter: string, from: number): number => {
    // no occurrence in [cached.from, cached.at): a later search inside that span has the same answer
    const cached = seen.get(delimiter);
    if (cached && from >= cached.from && (cached.at < 0 || from <= cached.at)) return cached.at;
    const at = text.indexOf(delimiter, from);
    seen.set(delimiter, { from, at });
    return at;
  };
  const noCloser = new Map<string, number>();
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length && ESCAPABLE.includes(text[i + 1] as string)) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    if (c === '`') {
      const end = find('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push(<code key={out.length}>{text.slice(i + 1, end)}</code>);
        i = end + 1;
        continue;
      }
    }
    if (depth < MAX_DEPTH && c === '[') {
      const link = linkAt(text, i, find);
      if (link) {
        flush();
        const words = renderInline(link.words, depth + 1);
        const href = safeHref(link.address);
        if (href) {
          out.push(<a key={out.length} href={href} rel="noopener noreferrer nofollow" referrerpolicy="no-referrer">{words}</a>);
        } else {
          out.push(...words);
        }
        i = link.end;
        continue;
      }
    }
    if (depth < MAX_DEPTH && (c === '*' || c === '_')) {
      const double = text[i + 1] === c;
      const delimiter = double ? c + c : c;
      // "_" inside a word (snake_case) is a letter, not emphasis
      const wordBefore = c === '_' && i > 0 && /[\p{L}\p{N}]/u.test(text[i - 1] as string);
      const opensOnText = i + delimiter.length < text.length && !/\s/.test(text[i + delimiter.length] as string);
      if (!wordBefore && opensOnText) {
        const end = closer(text, delimiter, i + delimiter.length, find, noCloser);
        if (end > 0) {
          flush();
          const inner = renderInline(text.slice(i + delimiter.length, end), depth + 1);
          out.push(double ? <strong key={out.length}>{inner}</strong> : <em key={out.length}>{inner}</em>);
          i = end + delimiter.length;
          continue;
        }
      }
      // an unmatched "**" is two literal characters
      plain += delimiter;
      i += delimiter.length;
      continue;
    }
    plain += c;
    i++;
  }
  flush();
  return out;
}

type Finder = (delimiter: string, from: number) => number;

/**
 * The closing delimiter: not preceded by a space; a single "*" is not half of a "**". A search that found
 * none from `from` finds none from any later point either (`noCloser`).
 */
function closer(text: string, delimiter: string, from: number, find: Finder, noCloser: Map<string, number>): number {
  const none = noCloser.get(delimiter);
  if (none !== undefined && from >= none) return -1;
  let at = find(delimiter, from);
  while (at >= 0) {
    const afterSpace = /\s/.test(text[at - 1] as string);
    const partOfDouble = delimiter.length === 1 && (text[at + 1] === delimiter || text[at - 1] === delimiter);
    if (at > from && !afterSpace && !partOfDouble) {
      // "***" closing a "**": the last two close it, the first closes an emphasis inside
      while (delimiter.length === 2 && text[at + 2] === delimiter[0]) at++;
      return at;
    }
    at = find(delimiter, at + (partOfDouble ? 2 : 1));
  }
  noCloser.set(delimiter, Math.min(none ?? from, from));
  return -1;
}

/** [words](address) starting at `start`, or null. */
function linkAt(text: string, start: number, find: Finder): { words: string; address: string; end: number } | null {
  const close = find('](', start + 1);
  if (close < 0) return null;
  // a "[" or newline inside the words: not this link (the later "[" may start one)
  if (text.lastIndexOf('[', close) > start) return null;
  const newline = find('\n', start + 1);
  if (newline >= 0 && newline < close) return null;
  const words = text.slice(start + 1, close);
  const end = find(')', close + 2);
  if (end < 0) return null;
  const address = text.slice(close + 2, end);
  if (/\s/.test(address.trim())) return null;
  return { words, address, end: end + 1 };
}

type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: readonly string[] }
  | { readonly kind: 'code'; readonly text: string }
  | { readonly kind: 'quote'; readonly text: string };

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const BULLET = /^[ \t]{0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]{0,3}\d{1,9}[.)][ \t]+(.*)$/;
const FENCE = /^[ \t]{0,3}```/;
const QUOTE = /^[ \t]{0,3}>[ \t]?(.*)$/;

/** The text's blocks (exported for the tests). */
export function blocksOf(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] as string;
    if (line.trim() === '') {
      i++;
      continue;
    }
    if (FENCE.test(line)) {
      const code: string[] = [];
      i++;
      while (i < lines.length && !FENCE.test(lines[i] as string)) code.push(lines[i++] as string);
      i++; // the closing fence (or the end: an unclosed fence runs to the end)
      blocks.push({ kind: 'code', text: code.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: (heading[1] as string).length, text: heading[2] as string });
      i++;
      continue;
    }
    const listItem = BULLET.test(line) ? BULLET : NUMBERED.test(line) ? NUMBERED : null;
    if (listItem) {
      const items: string[] = [];
      while (i < lines.length) {
        const item = listItem.exec(lines[i] as string);
        if (item) {
          items.push(item[1] as string);
        } else if ((lines[i] as string).trim() !== '' && /^[ \t]+/.test(lines[i] as string) && items.length) {
          // an indented line continues the item above
          items[items.length - 1] += ' ' + (lines[i] as string).trim();
        } else {
          break;
        }
        i++;
      }
      blocks.push({ kind: 'list', ordered: listItem === NUMBERED, items });
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] as string)) quoted.push((QUOTE.exec(lines[i++] as string) as RegExpExecArray)[1] as string);
      blocks.push({ kind: 'quote', text: quoted.join('\n') });
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length) {
      const next = lines[i] as string;
      if (next.trim() === '' || FENCE.test(next) || HEADING.test(next) || BULLET.test(next) || NUMBERED.test(next) || QUOTE.test(next)) break;
      paragraph.push(next.trim());
      i++;
    }
    blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
  }
  return blocks;
}

type HeadingTag = 'h1' | 'h2' | 'h3' | 'h4' | 'h5' | 'h6';

/**
 * Renders Markdown as vnodes. `headingLevel` is the level a "#" heading becomes, so headings in a
 * section under an h2 continue the page's outline (h3…h6, never deeper than h6).
 */
export function Markdown({ source, headingLevel = 3, quoteDepth = 0 }: { readonly source: string; readonly headingLevel?: number; readonly quoteDepth?: number }): VNode {
  const blocks = blocksOf(source);
  return (
    <>
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading': {
            const Tag = `h${Math.min(6, headingLevel + block.level - 1)}` as HeadingTag;
            return <Tag key={index}>{renderInline(block.text)}</Tag>;
          }
          case 'list': {
            const items = block.items.map((item, n) => <li key={n}>{renderInline(item)}</li>);
            return block.ordered ? <ol key={index}>{items}</ol> : <ul key={index}>{items}</ul>;
          }
          case 'code':
            return <pre key={index}><code>{block.text}</code></pre>;
          case 'quote':
            // a quote holds blocks of its own; deep nesting (">>>>…") stops being parsed and is shown as text
            return <blockquote key={index}>{quoteDepth < MAX_DEPTH
              ? <Markdown source={block.text} headingLevel={headingLevel} quoteDepth={quoteDepth + 1} />
              : <p>{block.text}</p>}</blockquote>;
          default:
            return <p key={index}>{renderInline(block.text)}</p>;
        }
      })}
    </>
  );
}
