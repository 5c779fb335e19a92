/**
 * binary-parser ships types for its CommonJS build only; its ESM entry (what
 * NodeNext resolves for `import`) has none. The two builds share one API.
 */
declare module 'binary-parser' {
  export { Parser } from 'binary-parser/dist/binary_parser.js';
}
