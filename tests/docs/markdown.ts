// Reads a rule doc the way the docs test needs it: its headings and its fenced
// code blocks, each with the line it starts on and the HTML comment before it.

export interface Heading {
  level: number;
  text: string;
  /** 1-based line of the heading in the doc. */
  line: number;
}

export interface CodeBlock {
  /** The fence's info string up to the first space: `ts`, `js`, `text`, … */
  lang: string;
  code: string;
  /** 1-based line of the opening fence; the code starts on the next line. */
  line: number;
  /** The `##` and `###` headings the block sits under (empty when it has none). */
  section: string;
  subsection: string;
  /** The text inside an HTML comment on the last non-blank line before the fence. */
  directive?: string;
}

export interface RuleDoc {
  headings: Heading[];
  blocks: CodeBlock[];
}

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/;
const COMMENT = /^\s*<!--(.*)-->\s*$/;

/** Headings and code blocks of a Markdown document (CommonMark fences; no nested containers). */
export function parseRuleDoc(text: string): RuleDoc {
  const lines = text.split(/\r?\n/);
  const headings: Heading[] = [];
  const blocks: CodeBlock[] = [];
  let section = '';
  let subsection = '';
  let lastNonBlank: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const [, marker = '', lang = ''] = fence;
      const directive = lastNonBlank === undefined ? undefined : COMMENT.exec(lastNonBlank)?.[1]?.trim();
      const body: string[] = [];
      let end = index + 1;
      // A closing fence uses the same character, at least as many times, and nothing after it.
      const closing = new RegExp(`^ {0,3}${marker.startsWith('`') ? '`' : '~'}{${marker.length},}\\s*$`);
      while (end < lines.length && !closing.test(lines[end] ?? '')) body.push(lines[end++] ?? '');
      blocks.push({
        lang,
        code: body.join('\n') + '\n',
        line: index + 1,
        section,
        subsection,
        ...(directive !== undefined && { directive }),
      });
      index = end;
      lastNonBlank = undefined;
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      const [, hashes = '', title = ''] = heading;
      headings.push({ level: hashes.length, text: title, line: index + 1 });
      if (hashes.length <= 2) {
        section = hashes.length === 2 ? title : '';
        subsection = '';
      } else if (hashes.length === 3) {
        subsection = title;
      }
    }
    if (line.trim() !== '') lastNonBlank = line;
  }
  return { headings, blocks };
}
