/**
 * XML text for JUnit consumers. Wire data may hold anything; XML 1.0 cannot
 * represent some characters at all (most C0 controls, lone surrogates,
 * U+FFFE/U+FFFF), and a CI parser rejects the whole file on one of them, so
 * those are removed. Terminal escape sequences are removed whole first, since
 * CI logs often print failure text to a terminal.
 */
import { sanitizeForTerminal } from './sanitize.js';

// Anything outside XML 1.0's Char production (lone surrogates included: they fall between the ranges).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlClean(s: string): string {
  return sanitizeForTerminal(s).replace(NOT_XML_CHAR, '');
}

/** Element content. ">" is escaped too, so "]]>" can never appear. */
export function xmlText(s: string): string {
  return xmlClean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A double-quoted attribute value; whitespace escaped so attribute normalisation keeps it. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function element(name: string, attrs: Record<string, string | number>, children: string[] | string = []): string {
  const attrText = Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
  const body = typeof children === 'string' ? children : children.join('\n');
  return body === '' ? `<${name}${attrText}/>` : `<${name}${attrText}>${body}</${name}>`;
}
