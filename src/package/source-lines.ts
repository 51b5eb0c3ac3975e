// Line numbers for problems found after parsing. fast-xml-parser's object output carries no positions
// (capturing them would slow every parse), so when an error or a warning names an element by identifier,
// its line is looked up in the source text, once, only on that path.

const ELEMENT_WITH_ID = /<(?:[\w.-]+:)?([\w.-]+)\s[^>]*?\bidentifier\s*=\s*(["'])(.*?)\2/g;
const NAMED = /^([\w.-]+)\[identifier=(.*)\]$/;

export class SourceLines {
  private index: Map<string, number> | undefined;

  constructor(private readonly text: string) {}

  /** The line of an element described as `item[identifier=intro]` (or the first `organizations`), if found. */
  lineOf(element: string | undefined): number | undefined {
    if (element === undefined) return undefined;
    if (/^[\w.-]+$/.test(element)) return this.firstTag(element);
    const named = NAMED.exec(element);
    if (named === null) return undefined;
    this.index ??= this.build();
    return this.index.get(`${named[1]}|${named[2]}`);
  }

  /**
   * The first start tag of that name without an identifier attribute: bare names describe elements that
   * have none (organizations, or an item that lacks its identifier).
   */
  private firstTag(name: string): number | undefined {
    const tag = new RegExp(`<(?:[\\w.-]+:)?${name.replace(/\./g, '\\.')}(?=[\\s/>])[^>]*>`, 'g');
    for (const m of this.text.matchAll(tag)) {
      if (!/\sidentifier\s*=/.test(m[0])) return lineAt(this.text, m.index ?? 0);
    }
    return undefined;
  }

  private build(): Map<string, number> {
    const index = new Map<string, number>();
    let line = 1;
    let at = 0;
    for (const m of this.text.matchAll(ELEMENT_WITH_ID)) {
      const start = m.index ?? 0;
      for (let i = this.text.indexOf('\n', at); i >= 0 && i < start; i = this.text.indexOf('\n', i + 1))
        line++;
      at = start;
      const key = `${m[1]}|${m[3]}`;
      if (!index.has(key)) index.set(key, line);
    }
    return index;
  }
}

/** The 1-based line of a character index. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
