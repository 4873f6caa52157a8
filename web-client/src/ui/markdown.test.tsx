import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import { Markdown, blocksOf, safeHref } from './markdown';

afterEach(cleanup);

function html(source: string, headingLevel?: number): HTMLElement {
  const props = headingLevel === undefined ? { source } : { source, headingLevel };
  return render(<div data-testid="md"><Markdown {...props} /></div>).container.firstElementChild as HTMLElement;
}

describe('safe link addresses', () => {
  it('keeps absolute http and https addresses', () => {
    expect(safeHref('https://www.ebrd.com/policies')).toBe('https://www.ebrd.com/policies');
    expect(safeHref('  HTTP://example.org/a?b=c ')).toBe('http://example.org/a?b=c');
  });

  it.each([
    'javascript:alert(1)', 'JavaScript:alert(1)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)', '/relative/path', '//evil.example/x', 'mailto:a@b.c', 'file:///etc/passwd', 'https://', 'http:/x', '',
  ])('refuses %j', (address) => {
    expect(safeHref(address)).toBeNull();
  });
});

describe('blocks', () => {
  it('splits headings, paragraphs, lists, code and quotes', () => {
    expect(blocksOf('# Title\n\nOne\ntwo\n\n- a\n- b\n\n1. x\n2) y\n\n```\n<b>\n```\n> q')).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'One two' },
      { kind: 'list', ordered: false, items: ['a', 'b'] },
      { kind: 'list', ordered: true, items: ['x', 'y'] },
      { kind: 'code', text: '<b>' },
      { kind: 'quote', text: 'q' },
    ]);
  });

  it('runs an unclosed fence to the end and reads Windows line ends', () => {
    expect(blocksOf('a\r\n```\ncode\nmore')).toEqual([{ kind: 'paragraph', text: 'a' }, { kind: 'code', text: 'code\nmore' }]);
  });

  it('does not take "#word" (no space) for a heading', () => {
    expect(blocksOf('#hashtag')).toEqual([{ kind: 'paragraph', text: '#hashtag' }]);
  });
});

describe('rendering', () => {
  it('draws headings below the given level, paragraphs, emphasis, code and lists', () => {
    const root = html('# Context\n\nThe **EBRD** and *IFC* use `ESS10`.\n\n## Goals\n\n- open budgets\n- safe participation');
    expect(root.querySelector('h3')?.textContent).toBe('Context');
    expect(root.querySelector('h4')?.textContent).toBe('Goals');
    expect(root.querySelector('p strong')?.textContent).toBe('EBRD');
    expect(root.querySelector('p em')?.textContent).toBe('IFC');
    expect(root.querySelector('p code')?.textContent).toBe('ESS10');
    expect([...root.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['open budgets', 'safe participation']);
  });

  it('never goes deeper than h6', () => {
    expect(html('###### deep', 4).querySelector('h6')?.textContent).toBe('deep');
    expect(html('# top', 1).querySelector('h1')?.textContent).toBe('top');
  });

  it('links http(s) addresses without sending a referrer', () => {
    const link = html('See [the policy](https://www.ebrd.com/esp).').querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://www.ebrd.com/esp');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer nofollow');
    expect(link?.textContent).toBe('the policy');
  });

  it('keeps the words of a link to any other scheme as text, with no link', () => {
    const root = html('[click me](javascript:alert(document.cookie)) and [x](data:text/html;base64,PHNjcmlwdD4=) and [y](/admin)');
    expect(root.querySelectorAll('a')).toHaveLength(0);
    expect(root.textContent).toContain('click me');
    const hrefs = [...root.querySelectorAll('[href]')].map((el) => el.getAttribute('href'));
    expect(hrefs).toEqual([]);
  });

  it('shows HTML as the characters typed, never as elements', () => {
    const root = html('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> **<b>bold</b>**\n\n- <iframe src="https://evil.example"></iframe>\n\n```\n<script>x()</script>\n```');
    expect(root.querySelectorAll('script, img, iframe, b')).toHaveLength(0);
    expect(root.textContent).toContain('<script>alert(1)</script>');
    expect(root.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(root.querySelector('strong')?.textContent).toBe('<b>bold</b>');
    expect(root.querySelector('pre code')?.textContent).toBe('<script>x()</script>');
    // every attribute in the output is one the renderer wrote
    const attributes = [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].map((a) => a.name));
    expect(attributes.filter((name) => name !== 'data-testid')).toEqual([]);
  });

  it('does not let a link address break out of its attribute', () => {
    const link = html('[x](https://example.org/"onmouseover="alert(1))').querySelector('a');
    expect(link?.getAttributeNames().sort()).toEqual(['href', 'referrerpolicy', 'rel']);
    expect(link?.getAttribute('href')).toBe('https://example.org/%22onmouseover=%22alert(1');
  });

  it('treats escapes, unmatched delimiters and snake_case as text', () => {
    const root = html('\\*not emphasis\\* a ** b * c snake_case_name [open');
    expect(root.querySelectorAll('em, strong')).toHaveLength(0);
    expect(root.textContent).toBe('*not emphasis* a ** b * c snake_case_name [open');
  });

  it('nests emphasis inside strong and inside link words', () => {
    const root = html('**very *important*** and [a *b*](https://x.example)');
    expect(root.querySelector('strong em')?.textContent).toBe('important');
    expect(root.querySelector('a em')?.textContent).toBe('b');
  });

  it('renders quotes, and stops parsing deeply nested ones', () => {
    expect(html('> quoted **word**').querySelector('blockquote p strong')?.textContent).toBe('word');
    const deep = html('>'.repeat(50) + ' deep');
    expect(deep.querySelectorAll('blockquote').length).toBeLessThanOrEqual(8);
    expect(deep.textContent).toContain('deep');
  });

  it('stays fast on hostile text (unmatched delimiters, deep nesting), 20 000 characters', () => {
    const hostile = ['*a '.repeat(7000), '**b '.repeat(5000), '['.repeat(20000) + '](x)', '_'.repeat(20000), 'a`'.repeat(10000), '[a]('.repeat(5000), '*'.repeat(10000) + 'x' + '*'.repeat(10000)];
    for (const text of hostile) {
      const started = performance.now();
      const root = html(text);
      expect(root.textContent?.length, text.slice(0, 10)).toBeGreaterThan(0);
      expect(performance.now() - started, text.slice(0, 10)).toBeLessThan(1500);
    }
  });

  it('renders nothing for empty or blank text', () => {
    expect(html('').childElementCount).toBe(0);
    expect(html('  \n\n \n').childElementCount).toBe(0);
  });
});
