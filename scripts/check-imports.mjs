// The layering of the house, enforced: reads every import of the packages' and the demo's source with
// the TypeScript compiler and fails on an import cycle inside a package, on one package reaching into
// another's files, on a room importing a layer it must not (see "The house" in DESIGN), and on test
// tooling in published code. Run with `node scripts/check-imports.mjs`; `pnpm check` runs it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

// A known cycle may be listed here (each as 'a -> b -> …', sorted as the check prints it) while its fix
// is under way; the check fails once the cycle is gone so the entry cannot outlive it.
/** @type {Set<string>} */
const allowedCycles = new Set([]);

// What a room may import of @wacall/core at run time (type-only imports are always fine).
const browserSafeCore = new Set(['@wacall/core/browser', '@wacall/core/platform']);
const browserRooms = new Set(['webrtc', 'react']);
// Core's lower layers, which the facade is built on and so never import it.
const coreLowerLayers = ['client', 'webhooks', 'sdp', 'errors', 'store'];
const coreFacade = ['packages/core/src/facade/', 'packages/core/src/wacall.ts'];
const testTooling = /^(vitest|@vitest\/|msw|@testing-library\/)/;
const testFile = /\.(test|test-d|stories)\.tsx?$/;

/** Every .ts/.tsx file under `dir`, as paths relative to the repository root. */
function sourceFiles(dir) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') found.push(...sourceFiles(path));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      found.push(relative(root, path).split(sep).join('/'));
    }
  }
  return found;
}

/** The imports of one file: specifier, whether it is type-only, and the line. */
function importsOf(file) {
  const text = readFileSync(join(root, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const found = [];
  const add = (node, specifier, typeOnly) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push({ specifier, typeOnly, line: line + 1 });
  };
  const visit = (node) => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      add(node, node.moduleSpecifier.text, isTypeOnly(node));
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require')) &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node, node.arguments[0].text, false);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node, node.argument.literal.text, true);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isTypeOnly(node) {
  if (ts.isExportDeclaration(node)) {
    if (node.isTypeOnly) return true;
    const clause = node.exportClause;
    return Boolean(
      clause &&
      ts.isNamedExports(clause) &&
      clause.elements.length > 0 &&
      clause.elements.every((e) => e.isTypeOnly),
    );
  }
  const clause = node.importClause;
  if (!clause) return false; // a side-effect import runs the module
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  return Boolean(
    !clause.name &&
    bindings &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly),
  );
}

/** The file a relative specifier names, following TypeScript's bundler resolution. */
function resolveRelative(from, specifier) {
  const base = join(dirname(join(root, from)), specifier);
  const stem = base.replace(/\.(m?js|tsx?)$/, '');
  for (const candidate of [
    base,
    `${stem}.ts`,
    `${stem}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) {
      return relative(root, candidate).split(sep).join('/');
    }
  }
  return undefined;
}

/** `packages/core`, `examples/helpdesk`: the workspace package a file belongs to. */
function packageOf(file) {
  const [top, name] = file.split('/');
  return `${top}/${name}`;
}

/** Strongly connected components of more than one file (Tarjan), each as a sorted cycle. */
function cyclesOf(graph) {
  let index = 0;
  const indices = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const connect = (node) => {
    indices.set(node, index);
    low.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node), indices.get(next)));
      }
    }
    if (low.get(node) === indices.get(node)) {
      const component = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? new Set()).has(node);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!indices.has(node)) connect(node);
  return cycles;
}

const packageDirs = readdirSync(join(root, 'packages')).map((name) => `packages/${name}`);
const scanned = [...packageDirs.map((dir) => `${dir}/src`), 'examples/helpdesk/src'];
const files = scanned.flatMap((dir) => sourceFiles(join(root, dir)));
const peerDependencies = new Map(
  packageDirs.map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
    return [dir, new Set(Object.keys(manifest.peerDependencies ?? {}))];
  }),
);

const problems = [];
const graph = new Map();
for (const file of files) {
  const home = packageOf(file);
  const edges = new Set();
  graph.set(file, edges);
  const published = file.startsWith('packages/') && !testFile.test(file);
  for (const { specifier, typeOnly, line } of importsOf(file)) {
    const at = `${file}:${line}`;
    if (specifier.startsWith('.')) {
      const target = resolveRelative(file, specifier);
      if (target === undefined) continue;
      if (packageOf(target) !== home) {
        problems.push(
          `${at} reaches into ${packageOf(target)} by path ('${specifier}'). Fix: import its package entry.`,
        );
      } else {
        // Type-only imports count too: a cycle of types is still two files that cannot be read apart.
        edges.add(target);
      }
      if (
        home === 'packages/core' &&
        coreLowerLayers.some((layer) => file.startsWith(`packages/core/src/${layer}/`)) &&
        coreFacade.some((facade) => target.startsWith(facade)) &&
        !testFile.test(file)
      ) {
        problems.push(
          `${at} imports the facade from a lower layer of core ('${specifier}'). Fix: move the shared piece down, or pass it in.`,
        );
      }
      continue;
    }
    if (/^@wacall\/[^/]+\/(src|dist)(\/|$)/.test(specifier)) {
      problems.push(
        `${at} reaches into another package's files ('${specifier}'). Fix: import its package entry.`,
      );
    }
    const room = home.split('/')[1];
    if (home === 'packages/core' && specifier.startsWith('@wacall/') && !testFile.test(file)) {
      problems.push(`${at} imports '${specifier}', but core imports nothing of ours.`);
    }
    if (
      browserRooms.has(room) &&
      home.startsWith('packages/') &&
      !typeOnly &&
      /^@wacall\/core(\/|$)/.test(specifier) &&
      !browserSafeCore.has(specifier) &&
      !testFile.test(file)
    ) {
      problems.push(
        `${at} imports values from '${specifier}'. Fix: take them from @wacall/core/browser or @wacall/core/platform, or import types only (this room runs in the browser: no zod, no client).`,
      );
    }
    if (published && testTooling.test(specifier)) {
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      if (!(name === 'msw' && peerDependencies.get(home)?.has('msw'))) {
        problems.push(
          `${at} imports test tooling ('${specifier}') in published code. Fix: move it to the package's test/ folder.`,
        );
      }
    }
  }
}

const seenCycles = new Set();
for (const cycle of cyclesOf(graph)) {
  const key = cycle.join(' -> ');
  seenCycles.add(key);
  if (!allowedCycles.has(key))
    problems.push(`import cycle: ${key}. Fix: move what both sides need into a file of its own.`);
}
for (const key of allowedCycles) {
  if (!seenCycles.has(key))
    problems.push(`the allowed cycle ${key} is gone: remove it from allowedCycles.`);
}

if (problems.length > 0) {
  console.error(
    `check-imports: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(1);
}
console.log(`check-imports: ${files.length} files, no cycles, layering holds.`);
