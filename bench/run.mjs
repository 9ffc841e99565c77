// Runs every *.bench.mjs in this folder, one after another, in name order.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv[2];
const files = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => !only || name.includes(only))
  .sort();

for (const name of files) {
  const { default: run } = await import(pathToFileURL(`${here}/${name}`).href);
  await run();
}
