/**
 * What is wrong with a command's input, as data: a code, where (frame or
 * message index, byte offset, line) and a sentence. The verbs print it and
 * exit 2; nothing here throws a bare Error at a person.
 */
type InputErrorCode = 'UNREADABLE' | 'BAD_JSON' | 'BAD_HEX' | 'BAD_FRAME' | 'BAD_MESSAGE' | 'EMPTY';

export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly code: InputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
