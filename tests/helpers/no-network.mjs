// Preloaded into the CLI by tests/e2e/no-network.test.ts (node --import): every way Node offers to
// reach the network throws, and each attempt is logged to $PLANLINT_NETWORK_LOG, so a test can
// prove that a run made none.
import { appendFileSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const log = process.env.PLANLINT_NETWORK_LOG;

function refuse(name) {
  return function refused() {
    if (log) appendFileSync(log, `${name}\n`);
    throw new Error(`planlint test: network access (${name}) is not allowed`);
  };
}

const targets = {
  net: ['connect', 'createConnection', 'createServer'],
  tls: ['connect', 'createServer'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
  dgram: ['createSocket'],
  dns: ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'],
};
for (const [module, names] of Object.entries(targets)) {
  // The CommonJS object is the one ES module imports are built from, so both see the change.
  const exports = require(`node:${module}`);
  for (const name of names) exports[name] = refuse(`${module}.${name}`);
}
const dnsPromises = require('node:dns').promises;
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) dnsPromises[name] = refuse(`dns.promises.${name}`);
globalThis.fetch = refuse('fetch');
if (typeof WebSocket !== 'undefined') globalThis.WebSocket = refuse('WebSocket');
// Named ES imports of built-ins (import { connect } from 'node:net') are updated from the objects above.
syncBuiltinESMExports();
