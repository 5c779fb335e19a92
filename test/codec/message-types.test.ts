/**
 * The per-message types (src/codec/generated/message-types.ts): generated
 * from the registry and the committed schemas, and a compile error wherever
 * the schema requires an attribute. The expectTypeOf and @ts-expect-error
 * lines are checked by `npm run typecheck` (part of npm test); the last test
 * compiles one object per Mandatory attribute of every special event with
 * that attribute left out and asserts TypeScript rejects exactly those.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { MESSAGE_TYPES_FILE, buildMessageTypesModule } from '../../scripts/message-types/build.js';
import { encode, decode, type DeliveredEvent, type EventACK, type EventAgentReserved, type EventRestoreConnection, type Message, type RequestRegisterClient, type TypedMessage } from '../../src/index.js';
import { SPECIAL_EVENTS } from '../../src/validate/cardinality.js';
import { EVENT_SCHEMAS } from '../../src/validate/schemas.js';
import type { Schema } from '../../src/validate/schema-ids.js';

const time = { seconds: 1, microseconds: 2 };

describe('per-message types', () => {
  it('are exactly what scripts/gen-message-types.ts writes', () => {
    expect(readFileSync(MESSAGE_TYPES_FILE, 'utf8') === buildMessageTypesModule()).toBe(true);
  });

  it('EventACK needs ReferenceID and time; Server only as delivered', () => {
    const ack: EventACK = { Event: 'EventACK', ReferenceID: 7, time };
    // @ts-expect-error ReferenceID is Mandatory
    const noReference: EventACK = { Event: 'EventACK', time };
    // @ts-expect-error time is Mandatory
    const noTime: EventACK = { Event: 'EventACK', ReferenceID: 7 };
    // @ts-expect-error EventACK's table lists no ThisDN
    const extra: EventACK = { Event: 'EventACK', ReferenceID: 7, time, ThisDN: '7001' };
    // @ts-expect-error the client library sets Server on every delivered EventACK
    const undelivered: DeliveredEvent<'EventACK'> = ack;
    const delivered: DeliveredEvent<'EventACK'> = { ...ack, Server: 'primary' };
    expectTypeOf<DeliveredEvent<'EventRestoreConnection'>>().toBeNever();
    expectTypeOf<EventACK['ReferenceID']>().toEqualTypeOf<number>();
    expect(decode(encode(ack))).toMatchObject({ Event: 'EventACK', ReferenceID: 7 });
    expect([noReference, noTime, extra, undelivered, delivered].length).toBe(5);
  });

  it('an at-least-one rule is a union, an enumeration a literal type, and every type is a Message', () => {
    const byAgent: EventAgentReserved = { Event: 'EventAgentReserved', time, AgentID: 'a1' };
    // @ts-expect-error footnote a: at least one of AgentID, Place, ThisDN
    const byNone: EventAgentReserved = { Event: 'EventAgentReserved', time };
    // @ts-expect-error ServerRole is 0 (Primary) or 1 (Backup)
    const badRole: EventRestoreConnection = { Event: 'EventRestoreConnection', ServerRole: 2, UserData: [] };
    expectTypeOf<TypedMessage>().toExtend<Message>();
    expectTypeOf<RequestRegisterClient>().toExtend<Message>();
    const loose: Message = byAgent;
    expect([byNone, badRole, loose].length).toBe(3);
  });

  it('leaving out any Mandatory attribute of any special event fails to compile, and nothing else does', () => {
    const sample: Record<string, string> = { number: '1', string: "'x'", bigint: '1n', Uint8Array: 'new Uint8Array(0)', KVList: '[]', TimeStamp: '{ seconds: 0, microseconds: 0 }', '0 | 1': '0' };
    const types = readFileSync(MESSAGE_TYPES_FILE, 'utf8');
    const lines: string[] = [`import type * as T from '${new URL('../../src/index.js', import.meta.url).pathname}';`];
    const expected: string[] = [];
    for (const event of SPECIAL_EVENTS) {
      const schema = EVENT_SCHEMAS[event];
      const required = ((schema.allOf ?? []) as Schema[]).flatMap((g) => (Array.isArray(g.required) ? (g.required as string[]) : []));
      const anyOf = ((schema.allOf ?? []) as Schema[]).find((g) => Array.isArray(g.anyOf));
      const needed = [...required, ...(anyOf ? [((anyOf.anyOf as Schema[])[0]!.required as string[])[0]!] : [])];
      const value = (name: string) => {
        if (name === 'Event') return `'${event}'`;
        const declared = new RegExp(`export (?:interface|type) ${event}(?:Attributes)? [^]*?\\n  ${name}\\??: ([^;]+);`).exec(types)?.[1];
        return sample[declared ?? ''] ?? `(() => { throw new Error('no sample for ${event}.${name}: ${declared}') })()`;
      };
      const object = (names: string[]) => `{ ${names.map((n) => `${n}: ${value(n)}`).join(', ')} }`;
      lines.push(`export const ${event}_complete: T.${event} = ${object(needed)};`);
      for (const left of needed) {
        lines.push(`export const ${event}_without_${left}: T.${event} = ${object(needed.filter((n) => n !== left))};`);
        expected.push(`${event}_without_${left}`);
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'tlib-kit-types-'));
    const fixture = join(dir, 'fixture.ts');
    writeFileSync(fixture, `${lines.join('\n')}\n`);
    const program = ts.createProgram([fixture], { strict: true, noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, skipLibCheck: true, types: [] });
    const failed = new Set(
      ts
        .getPreEmitDiagnostics(program)
        .filter((d) => d.file?.fileName === fixture)
        .map((d) => lines[d.file!.getLineAndCharacterOfPosition(d.start!).line]!.replace(/^export const (\w+):.*$/, '$1')),
    );
    expect(lines.join('\n')).not.toContain('no sample for');
    expect(expected).toContain('EventACK_without_ReferenceID');
    expect(expected).toContain('EventRestoreConnection_without_UserData');
    expect([...failed].sort()).toEqual(expected.sort());
  }, 60_000);
});
