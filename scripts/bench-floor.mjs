// The floor planlint is measured against: read every file and parse it with `yaml` alone
// (to plain data), on all cores, with nothing else. Usage: node scripts/bench-floor.mjs <dir>
// It uses the same build of yaml as planlint's bundle (the ES module one, which skips the Node
// build's per-token read of process.env), so the ratio measures planlint's own work, not that.
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { parseAllDocuments } from '../node_modules/yaml/browser/index.js';

function listFiles(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => join(dir, f));
}

if (isMainThread) {
  const files = listFiles(process.argv[2]);
  const threads = availableParallelism();
  const parts = Array.from({ length: threads }, (_, t) => files.filter((_, i) => i % threads === t));
  let documents = 0;
  await Promise.all(
    parts.map(
      (part) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), { workerData: part });
          worker.on('message', (n) => (documents += n));
          worker.on('error', reject);
          worker.on('exit', resolve);
        }),
    ),
  );
  process.stdout.write(`${JSON.stringify({ files: files.length, documents })}\n`);
} else {
  let documents = 0;
  for (const file of workerData) {
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'))) {
      doc.toJS();
      documents++;
    }
  }
  parentPort?.postMessage(documents); // always set here: this branch runs only in a worker
}
