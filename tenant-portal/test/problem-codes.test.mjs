// Every problem or field code the portal words must have words in both languages; every domain code the
// server's contexts throw must be worded by the portal (else the Chinese UI shows the server's words only).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = mkdtempSync(join(tmpdir(), 'zhidian-portal-test-'));

/** Loads a dependency-free TypeScript module of src/. */
async function load(name) {
  const src = readFileSync(join(root, 'src', `${name}.ts`), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022 } }).outputText;
  const file = join(out, `${name}.mjs`);
  writeFileSync(file, js);
  return import(pathToFileURL(file).href);
}

const { PROBLEM_CODES, FIELD_CODES } = await load('problems');
const { zhOps, enOps } = await load('i18n-ops');

function missing(keys) {
  return keys.flatMap((k) => [zhOps, enOps].filter((d) => typeof d[k] !== 'string' || !d[k].trim()).map((d) => `${k} (${d === zhOps ? 'zh-CN' : 'en'})`));
}

test('every problem code the portal maps has words in zh-CN and en', () => {
  assert.deepEqual(missing(PROBLEM_CODES.map((c) => `problem.${c}`)), []);
});

test('every field code the portal maps has words in zh-CN and en', () => {
  assert.deepEqual(missing(FIELD_CODES.map((c) => `field.${c}`)), []);
});

test('i18n.ts spreads these words into both dictionaries', () => {
  const s = readFileSync(join(root, 'src', 'i18n.ts'), 'utf8');
  assert.match(s, /\.\.\.zhOps/);
  assert.match(s, /\.\.\.enOps/);
});

function javaFiles(dir) {
  let files = [];
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files = files.concat(javaFiles(p));
    else if (n.endsWith('.java')) files.push(p);
  }
  return files;
}

test("every domain code the server's contexts throw is worded by the portal", () => {
  const functions = join(root, '..', 'functions');
  const codes = new Set();
  for (const ctx of readdirSync(functions)) {
    const main = join(functions, ctx, 'src', 'main', 'java');
    try {
      statSync(main);
    } catch {
      continue;
    }
    for (const f of javaFiles(main)) {
      const s = readFileSync(f, 'utf8');
      if (!/extends\s+\w*DomainException|extends\s+\w+(Refused|NotFound|Taken|Exception)\b/.test(s)) continue;
      for (const m of s.matchAll(/super\(\s*"([a-z_]+\.[a-z_.]+)"/g)) codes.add(m[1]);
    }
  }
  assert.ok(codes.size > 0, 'no domain codes found: the scan is broken');
  assert.deepEqual([...codes].filter((c) => !PROBLEM_CODES.includes(c)).sort(), []);
});
