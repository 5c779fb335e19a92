/**
 * A strict, minimal XML 1.0 parser for the JUnit tests: elements, attributes,
 * text and the five entities plus character references. It throws on
 * anything not well-formed, so a test that parses a report proves the report
 * would not be rejected by a CI server's parser.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: Array<XmlElement | string>;
}

const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const NAME = /[A-Za-z_:][\w.:-]*/y;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeRefs(raw: string): string {
  return raw.replace(/&([^;&]*)(;?)/g, (whole, ref: string, semi: string) => {
    if (!semi) throw new Error(`bare & in ${JSON.stringify(raw.slice(0, 60))}`);
    if (ref in ENTITIES) return ENTITIES[ref]!;
    const m = /^#(?:(\d+)|x([0-9a-fA-F]+))$/.exec(ref);
    if (!m) throw new Error(`unknown entity ${whole}`);
    const ch = String.fromCodePoint(m[1] ? parseInt(m[1], 10) : parseInt(m[2]!, 16));
    if (NOT_XML_CHAR.test(ch)) throw new Error(`reference to a non-XML character ${whole}`);
    return ch;
  });
}

export function parseXml(xml: string): XmlElement {
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) throw new Error(`non-XML character U+${bad[0].codePointAt(0)!.toString(16)} at ${bad.index}`);
  let pos = 0;
  const fail = (msg: string): never => {
    throw new Error(`${msg} at ${pos}: ${JSON.stringify(xml.slice(pos, pos + 40))}`);
  };
  const skipWs = () => {
    while (/\s/.test(xml[pos] ?? '')) pos++;
  };
  const expect = (s: string) => {
    if (!xml.startsWith(s, pos)) fail(`expected ${s}`);
    pos += s.length;
  };
  const readName = () => {
    NAME.lastIndex = pos;
    const m = NAME.exec(xml);
    if (!m) return fail('expected a name');
    pos += m[0].length;
    return m[0];
  };

  function attributes(into: Record<string, string>): boolean {
    for (;;) {
      const before = pos;
      skipWs();
      if (xml.startsWith('/>', pos)) return (pos += 2), true;
      if (xml[pos] === '>') return (pos += 1), false;
      if (pos === before) fail('expected whitespace before an attribute');
      const name = readName();
      skipWs();
      expect('=');
      skipWs();
      const quote = xml[pos];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = xml.indexOf(quote!, pos + 1);
      if (end < 0) fail('unterminated attribute value');
      const raw = xml.slice(pos + 1, end);
      if (raw.includes('<')) fail('< in an attribute value');
      if (name in into) fail(`duplicate attribute ${name}`);
      into[name] = decodeRefs(raw);
      pos = end + 1;
    }
  }

  function element(): XmlElement {
    expect('<');
    const el: XmlElement = { name: readName(), attrs: {}, children: [] };
    if (attributes(el.attrs)) return el;
    for (;;) {
      if (xml.startsWith('</', pos)) {
        pos += 2;
        if (readName() !== el.name) fail(`mismatched end tag for ${el.name}`);
        skipWs();
        expect('>');
        return el;
      }
      if (xml[pos] === '<') {
        el.children.push(element());
        continue;
      }
      const end = xml.indexOf('<', pos);
      if (end < 0) fail(`unclosed element ${el.name}`);
      const raw = xml.slice(pos, end);
      if (raw.includes(']]>')) fail(']]> in text');
      el.children.push(decodeRefs(raw));
      pos = end;
    }
  }

  if (xml.startsWith('<?xml', pos)) pos = xml.indexOf('?>') + 2;
  skipWs();
  const root = element();
  skipWs();
  if (pos !== xml.length) fail('content after the root element');
  return root;
}

/** Every descendant element with this name, in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  return el.children.flatMap((c) => (typeof c === 'string' ? [] : [...(c.name === name ? [c] : []), ...findAll(c, name)]));
}

export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
