/**
 * The objects a loaded YAML mapping becomes. They end with no prototype, so a key such as
 * `__proto__` or `constructor` is ordinary data, but are built as ordinary objects first: V8
 * keeps those in its fast form (shared shapes, cached property reads), where an object made
 * with Object.create(null) is a hash table from the start and every rule's read of it is slower.
 */
export function newRecord(): Record<string, unknown> {
  return {};
}

/** Sets a field; `__proto__` is defined as a field of its own rather than replacing the prototype. */
export function setField(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

/** Cuts a finished record loose from Object.prototype. */
export function finishRecord<T extends object>(record: T): T {
  return Object.setPrototypeOf(record, null) as T;
}
