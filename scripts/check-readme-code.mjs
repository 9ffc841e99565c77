#!/usr/bin/env node
// Type-checks every TypeScript block of every README against the built packages, as a user who copies
// it into a fresh project would: `@wacall/*` resolves through each package's `exports` to its `dist`
// types, under `module: nodenext` and `strict`. Run `pnpm build` first.
//
// Each ```ts / ```tsx block is its own module and must be complete: imports, declarations, everything
// it uses. A block that is only a piece of a larger program says so, and is then checked for syntax only:
//   - ```ts fragment   (a word in the info string), or
//   - a first line `// fragment` (shown to readers, so say what the piece belongs to after it).
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const ts = require('typescript');

const workDir = join(root, 'node_modules', '.cache', 'readme-code');
const languages = new Set(['ts', 'tsx', 'typescript']);

/** Every README a user reads: the root's, each package's, each example's. */
function readmes() {
  const found = [join(root, 'README.md')];
  for (const folder of ['packages', 'examples']) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      const file = join(root, folder, name, 'README.md');
      if (existsSync(file)) found.push(file);
    }
  }
  return found.filter((file) => existsSync(file));
}

/** The fenced TypeScript blocks of one README, with the line each starts on. */
function blocks(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  const found = [];
  for (let i = 0; i < lines.length; i += 1) {
    const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]+)?(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, language = '', rest] = open;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].trimStart().startsWith(fence)) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
      j += 1;
    }
    if (languages.has(language.toLowerCase())) {
      const fragment = /\bfragment\b/.test(rest) || /^\/\/\s*fragment\b/.test(body[0] ?? '');
      found.push({ file, line: i + 2, tsx: language === 'tsx', code: body.join('\n'), fragment });
    }
    i = j;
  }
  return found;
}

/** Links every workspace package and every third-party import the blocks use, as an install would. */
function linkModules(all) {
  const modules = join(workDir, 'node_modules');
  mkdirSync(join(modules, '@wacall'), { recursive: true });
  for (const name of readdirSync(join(root, 'packages'))) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8'));
    symlinkSync(join(root, 'packages', name), join(modules, manifest.name), 'dir');
  }
  // Third-party packages live in the workspace members that use them; a user would install them.
  const holders = ['packages', 'examples'].flatMap((folder) =>
    readdirSync(join(root, folder)).map((name) => join(root, folder, name, 'node_modules')),
  );
  const wanted = new Set();
  for (const block of all) {
    for (const match of block.code.matchAll(
      /\bfrom\s+['"]([^'"./][^'"]*)['"]|\bimport\s+['"]([^'"./][^'"]*)['"]/g,
    )) {
      const specifier = match[1] ?? match[2];
      const name = specifier.startsWith('@')
        ? specifier.split('/').slice(0, 2).join('/')
        : specifier.split('/')[0];
      if (name.startsWith('@wacall/') || name.startsWith('node:') || builtinModules.includes(name))
        continue;
      wanted.add(name);
      wanted.add(`@types/${name.startsWith('@') ? name.slice(1).replace('/', '__') : name}`);
    }
  }
  for (const name of wanted) {
    if (existsSync(join(root, 'node_modules', name))) continue;
    const holder = holders.find((folder) => existsSync(join(folder, name)));
    if (!holder) continue;
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(holder, name), join(modules, name), 'dir');
  }
}

function where(block, diagnostic) {
  const readme = relative(root, block.file);
  if (!diagnostic.file || diagnostic.start === undefined) return `${readme}:${block.line}`;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${readme}:${block.line + line}:${character + 1}`;
}

function main() {
  const all = readmes().flatMap(blocks);
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  linkModules(all);

  const failures = [];
  const complete = [];
  for (const [index, block] of all.entries()) {
    const name = `${relative(root, block.file).replace(/[\\/.]/g, '-')}-${block.line}.${block.tsx ? 'tsx' : 'ts'}`;
    if (block.fragment) {
      const { diagnostics = [] } = ts.transpileModule(block.code, {
        fileName: name,
        reportDiagnostics: true,
        compilerOptions: { jsx: ts.JsxEmit.ReactJSX },
      });
      for (const diagnostic of diagnostics) failures.push({ block, diagnostic });
      continue;
    }
    const path = join(workDir, `${String(index).padStart(3, '0')}-${name}`);
    // `export {}` makes a block without imports a module too, so top-level await and names stay local.
    writeFileSync(path, `${block.code}\nexport {};\n`);
    complete.push({ block, path });
  }

  const program = ts.createProgram(
    complete.map((one) => one.path),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      jsx: ts.JsxEmit.ReactJSX,
      types: ['node'],
      skipLibCheck: true,
      noUncheckedSideEffectImports: true,
    },
  );
  const byPath = new Map(complete.map((one) => [one.path, one.block]));
  for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
    const block = diagnostic.file ? byPath.get(diagnostic.file.fileName) : undefined;
    failures.push({ block: block ?? { file: join(root, 'README.md'), line: 0 }, diagnostic });
  }

  for (const { block, diagnostic } of failures) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n    ');
    console.error(`${where(block, diagnostic)} TS${diagnostic.code}: ${message}`);
  }
  const fragments = all.length - complete.length;
  const summary = `README code: ${complete.length} complete blocks type-checked, ${fragments} fragments syntax-checked`;
  if (failures.length > 0) {
    console.error(
      `\n${summary}; ${failures.length} errors. Fix the block, or mark a piece of a larger program as a fragment (see scripts/check-readme-code.mjs).`,
    );
    process.exit(1);
  }
  console.log(`${summary}; no errors.`);
}

main();
