/**
 * Fuzz inputs as JSON, for corpus files: bigint -> {"$bigint": "..."},
 * Uint8Array -> {"$bytes": "<hex>"}, undefined dropped. Lone surrogates
 * survive (JSON.stringify escapes them as \udXXX).
 */
export function serializeInput(value: unknown): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === 'bigint') return { $bigint: v.toString() };
      if (v instanceof Uint8Array) return { $bytes: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex') };
      return v;
    },
    1,
  );
}

export function deserializeInput(text: string): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && typeof o.$bigint === 'string') return BigInt(o.$bigint);
      if (keys.length === 1 && typeof o.$bytes === 'string') return new Uint8Array(Buffer.from(o.$bytes, 'hex'));
    }
    return v;
  });
}
