/**
 * tlib-kit codec entry. Imports nothing but its own files: no packages and
 * no node: modules, so it runs unchanged in browsers, Deno and Bun.
 */
export { encode, encodeInto, type EncodeOptions } from './codec/encode.js';
export { decode, type DecodeOptions } from './codec/decode.js';
export { FrameDecoder, decodeStream } from './codec/frame-decoder.js';
export { toJSON, fromJSON, type JsonMessage } from './codec/json.js';
export { TLibError, isTLibError, type ErrorCode } from './wire/errors.js';
export { DEFAULT_LIMITS, type Limits } from './codec/limits.js';
export type {
  Message,
  KnownMessage,
  UnknownMessage,
  MessageOf,
  Attributes,
  KVList,
  KVValue,
  TimeStamp,
  UnknownAttribute,
  WireKindName,
} from './codec/types.js';
/** One type per message (EventACK, ...) with its Mandatory attributes required; `Message` is what decode() returns. */
export type * from './codec/generated/message-types.js';
export {
  ATTRIBUTES,
  MESSAGES,
  PROJECT_TAG_RANGE,
  SERVER_ROLE,
  REGISTER_MODE,
  ADDRESS_TYPE,
  SUBSCRIPTION_OPERATION,
  messageById,
  messageByName,
  attributeByTag,
  attributeByName,
  type AttributeDef,
  type AttributeKind,
  type MessageDef,
  type MessageName,
  type AttributeName,
  type SpecialEventName,
} from './registry.js';
