import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The mock's own proof that its rooms stay tidy: no import cycle between files, and each room only
// imports from the rooms below it. Type-only imports count too, so a cycle cannot hide behind `type`.

const srcDir = dirname(fileURLToPath(import.meta.url));

/** Each room and the rooms it may import from; files at the top of `src` may import any room. */
const roomsBelow: Record<string, readonly string[]> = {
  errors: [],
  world: ['errors'],
  media: ['errors', 'world'],
  webhooks: ['errors', 'world'],
  flows: ['errors', 'world', 'media', 'webhooks'],
  customer: ['errors', 'world', 'media', 'webhooks', 'flows'],
  graph: ['errors', 'world', 'media', 'webhooks', 'flows'],
};

type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** Relative specifiers of `import … from`, `export … from` and `import('…')`. */
function relativeImports(text: string): string[] {
  const found = text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm);
  return [...found].map((match) => match[1] as string);
}

function readGraph(): ImportGraph {
  const files = sourceFiles(srcDir).map((file) => relative(srcDir, file).split('\\').join('/'));
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const targets = relativeImports(readFileSync(join(srcDir, file), 'utf8')).map((specifier) => {
      const base = posix.normalize(posix.join(posix.dirname(file), specifier));
      const target = [`${base}.ts`, `${base}/index.ts`].find((candidate) => known.has(candidate));
      if (target === undefined)
        throw new Error(`${file} imports ${specifier}, which is not a file`);
      return target;
    });
    graph.set(file, targets);
  }
  return graph;
}

/** Every cycle found by a depth-first walk, each as the files along it (first file repeated last). */
function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string) => {
    const at = path.indexOf(file);
    if (at !== -1) {
      cycles.push([...path.slice(at), file]);
      return;
    }
    if (done.has(file)) return;
    path.push(file);
    for (const target of graph.get(file) ?? []) visit(target);
    path.pop();
    done.add(file);
  };
  for (const file of [...graph.keys()].sort()) visit(file);
  return cycles;
}

function roomOf(file: string): string {
  return file.includes('/') ? (file.split('/')[0] as string) : '.';
}

/** Imports that go sideways or up between rooms, as `from → to`. */
function layeringBreaks(graph: ImportGraph): string[] {
  const breaks: string[] = [];
  for (const [file, targets] of graph) {
    const room = roomOf(file);
    for (const target of targets) {
      const targetRoom = roomOf(target);
      if (room === targetRoom || room === '.') continue;
      if (targetRoom === '.' || !(roomsBelow[room] ?? []).includes(targetRoom)) {
        breaks.push(`${file} → ${target}`);
      }
    }
  }
  return breaks.sort();
}

describe("the mock's import graph", () => {
  const graph = readGraph();

  it('reads every room of src', () => {
    const rooms = new Set([...graph.keys()].map(roomOf));
    expect([...rooms].sort()).toEqual(['.', ...Object.keys(roomsBelow)].sort());
    expect(graph.get('world/snapshots.ts')).toContain('world/conversations.ts');
  });

  it('has no import cycle', () => {
    expect(findCycles(graph)).toEqual([]);
  });

  it('imports only from lower rooms', () => {
    expect(layeringBreaks(graph)).toEqual([]);
  });

  it('finds a cycle and a layering break when there is one', () => {
    const tangled: ImportGraph = new Map([
      ['world/a.ts', ['world/b.ts']],
      ['world/b.ts', ['graph/c.ts']],
      ['graph/c.ts', ['world/a.ts']],
    ]);
    expect(findCycles(tangled)).toEqual([['graph/c.ts', 'world/a.ts', 'world/b.ts', 'graph/c.ts']]);
    expect(layeringBreaks(tangled)).toEqual(['world/b.ts → graph/c.ts']);
  });
});
