/**
 * The small vocabulary scenarios judge with. Each failed check names the
 * rule in words, gives Expected and Actual, and marks the message to blame.
 */
import type { Message } from '../../src/codec/types.js';
import { isConformanceError, refusalBreaks, violation } from '../model/failure.js';
import { describe } from '../message-path/inbox.js';
import type { Expectation, Receiver } from '../model/scenario.js';

export function event(name: string, also?: (m: Message) => boolean, detail?: string, sentence?: string): Expectation {
  return { what: detail ? `${name} ${detail}` : name, match: (m) => m.Event === name && (also ? also(m) : true), ...(sentence ? { sentence } : {}) };
}

/** Fails, blaming message `m` as `from` received it, quoting the sentence of the check (the scenario's when absent). */
export function blame(from: Receiver, m: Message, message: string, expected: string, actual = describe(m), sentence?: string): never {
  throw violation(message, expected, actual, from.recordOf(m), sentence);
}

function attrOf(m: Message, attr: string): unknown {
  return (m as unknown as Record<string, unknown>)[attr];
}

function show(v: unknown): string {
  return v === undefined ? 'absent' : JSON.stringify(v);
}

export function mustEqual(from: Receiver, m: Message, attr: keyof Message & string, expected: unknown, why: string, sentence?: string): void {
  const actual = attrOf(m, attr);
  if (actual !== expected) blame(from, m, `${m.Event}.${attr} ${why}`, `${attr} = ${show(expected)}`, `${attr} = ${show(actual)} in ${describe(m)}`, sentence);
}

export function mustHave(from: Receiver, m: Message, attr: keyof Message & string, why: string, sentence?: string): void {
  if (attrOf(m, attr) === undefined) blame(from, m, `${m.Event} has no ${attr}: ${why}`, `${attr} present`, `${attr} absent in ${describe(m)}`, sentence);
}

export function mustLack(from: Receiver, m: Message, attr: keyof Message & string, why: string, sentence?: string): void {
  const actual = attrOf(m, attr);
  if (actual !== undefined) blame(from, m, `${m.Event} carries ${attr}: ${why}`, `no ${attr}`, `${attr} = ${show(actual)}`, sentence);
}

/** Where the sentence itself requires an answer, an EventError in its place breaks it: a violation, not a refusal. */
export async function answered<T>(call: Promise<T>, sentence: string): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (isConformanceError(e) && e.code === 'REFUSED') throw refusalBreaks(e, sentence);
    throw e;
  }
}
