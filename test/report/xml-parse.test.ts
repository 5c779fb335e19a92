import { describe, expect, it } from 'vitest';
import { findAll, parseXml, textOf } from './xml-parse.js';

// The JUnit tests rely on this parser rejecting what a CI server would reject.
describe('test XML parser', () => {
  it('reads elements, attributes, entities and character references', () => {
    const doc = parseXml('<?xml version="1.0"?>\n<a x="1 &amp; 2"><b>t&lt;&#65;&#x42;</b><b/></a>');
    expect(doc.attrs.x).toBe('1 & 2');
    expect(findAll(doc, 'b')).toHaveLength(2);
    expect(textOf(doc)).toBe('t<AB');
  });

  it.each([
    ['mismatched tags', '<a><b></a></b>'],
    ['unknown entity', '<a>&bogus;</a>'],
    ['bare ampersand', '<a>a & b</a>'],
    ['raw control character', '<a>\u001b[31m</a>'],
    ['reference to a control character', '<a>&#27;</a>'],
    ['lone surrogate', '<a>\ud800</a>'],
    ['< in an attribute', '<a x="<"/>'],
    ['CDATA terminator in text', '<a>]]></a>'],
    ['two roots', '<a/><b/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['unclosed element', '<a><b></b>'],
  ])('rejects %s', (_what, xml) => {
    expect(() => parseXml(xml)).toThrow();
  });
});
