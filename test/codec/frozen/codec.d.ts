/** The frozen codec's surface (codec.js, generated): the present API's types, which it was built from. */
export { encode, encodeInto, decode, FrameDecoder, TLibError, toJSON, fromJSON } from '../../../src/index.js';
