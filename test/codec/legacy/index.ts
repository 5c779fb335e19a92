/**
 * The codec as it stood before issue 14's hot-path work (commit 8a2d334),
 * frozen: src/codec and src/wire copied verbatim, only their imports of the
 * registry repointed. The differential test (test/codec/differential.test.ts)
 * runs it beside the present codec on a generated corpus; nothing else may
 * import it, and it is never edited (a bug fixed here would hide the same
 * bug's return in src/).
 */
export { encode } from './codec/encode.js';
export { decode } from './codec/decode.js';
export { FrameDecoder } from './wire/frame-decoder.js';
export { TLibError } from './codec/errors.js';
