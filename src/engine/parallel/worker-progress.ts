/**
 * What a worker is doing, in shared memory the main thread can read while the worker is busy
 * (a message would wait until a stuck worker yields, which it never does).
 * Layout: Int32 [0] a counter bumped at every step, [1] the state, [2] the input being linted,
 * then the rule id in UTF-8.
 */
export const PROGRESS = { idle: 0, reading: 1, rule: 2, config: 3 } as const;
const HEADER = 12;
const ID_BYTES = 244;

export function createProgress(): SharedArrayBuffer {
  return new SharedArrayBuffer(HEADER + ID_BYTES);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes a worker's progress; the views are made once, as this runs for every rule on every file. */
export function progressWriter(buffer: SharedArrayBuffer): (state: number, input: number, ruleId?: string) => void {
  const ints = new Int32Array(buffer, 0, 3);
  const bytes = new Uint8Array(buffer, HEADER, ID_BYTES);
  return (state, input, ruleId = '') => {
    bytes.fill(0);
    encoder.encodeInto(ruleId.slice(0, 120), bytes);
    Atomics.store(ints, 2, input);
    Atomics.store(ints, 1, state);
    Atomics.add(ints, 0, 1);
  };
}

export function readProgress(buffer: SharedArrayBuffer): { step: number; state: number; input: number; ruleId: string } {
  const ints = new Int32Array(buffer, 0, 3);
  const bytes = new Uint8Array(buffer, HEADER, ID_BYTES);
  const end = bytes.indexOf(0);
  return { step: Atomics.load(ints, 0), state: Atomics.load(ints, 1), input: Atomics.load(ints, 2), ruleId: decoder.decode(bytes.slice(0, end === -1 ? ID_BYTES : end)) };
}
