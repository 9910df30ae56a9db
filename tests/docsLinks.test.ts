// The repository describes itself: every link in README.md and docs/*.md leads to a file of the repository
// (and to a heading that exists), none leads outside it, and no code comment cites a document that lives
// outside the repository (the project's first notes were kept beside it, not in it).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const DOCS = ["README.md", ...readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];
/** Folders a clean clone does not have (built or installed), so a link there would not resolve. */
const NOT_IN_CLONE = /^(node_modules|dist|build|coverage)(\/|$)/;

/** The text outside fenced code blocks and inline code spans: what a reader can click. */
function prose(markdown: string): string {
  return markdown
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "")
    .replace(/(`+)[^`\n][\s\S]*?\1/g, "");
}

/** The link targets of a Markdown text: inline links and images, reference definitions, HTML href / src. */
function linkTargets(markdown: string): string[] {
  const text = prose(markdown);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
  const references = [...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]!);
  const html = [...text.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
  return [...inline, ...references, ...html];
}

/** GitHub's anchors for a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  const seen = new Map<string, number>();
  for (const m of prose(markdown.replace(/`/g, "")).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const base = m[1]!
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

describe.each(DOCS)("%s", (doc) => {
  const markdown = readFileSync(join(ROOT, doc), "utf8");
  const targets = linkTargets(markdown);

  it("links only to files of the repository, never outside it", () => {
    const wrong: string[] = [];
    for (const target of targets) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith("//")) {
        wrong.push(`${target}: leads outside the repository`);
        continue;
      }
      const [path] = target.split("#");
      if (!path) continue; // an anchor in this document: checked below
      const file = resolve(ROOT, dirname(doc), decodeURIComponent(path));
      const inRepo = relative(ROOT, file);
      if (inRepo.startsWith("..")) wrong.push(`${target}: outside the repository`);
      else if (NOT_IN_CLONE.test(inRepo)) wrong.push(`${target}: ${inRepo} is built or installed, not in a clone`);
      else if (!existsSync(file)) wrong.push(`${target}: no such file`);
    }
    expect(wrong).toEqual([]);
  });

  it("links to headings that exist", () => {
    const wrong: string[] = [];
    for (const target of targets) {
      const [path, anchor] = target.split("#");
      if (anchor === undefined || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const file = path ? resolve(ROOT, dirname(doc), decodeURIComponent(path)) : join(ROOT, doc);
      if (!file.endsWith(".md") || !existsSync(file)) continue;
      if (!anchors(readFileSync(file, "utf8")).has(decodeURIComponent(anchor))) wrong.push(`${target}: no such heading`);
    }
    expect(wrong).toEqual([]);
  });

  it("writes no web address where a reader could click it (addresses belong in code, as examples)", () => {
    expect(prose(markdown).match(/\b(?:https?|ftp):\/\/\S+|\bwww\.\S+/gi) ?? []).toEqual([]);
  });
});

describe("code comments and configuration", () => {
  const SOURCES = ["src", "tests", "scripts", "bin", "bench", ".ci"];
  const FILES = ["eslint.config.js", "webpack.config.js", "vitest.config.ts", "package.json"];
  const SELF = relative(ROOT, import.meta.filename);

  function files(dir: string): string[] {
    const full = join(ROOT, dir);
    if (!existsSync(full)) return [];
    if (statSync(full).isFile()) return [dir];
    return readdirSync(full, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.(ts|tsx|mjs|js|cjs|json|md|html)$|^run$/.test(e.name))
      .map((e) => relative(ROOT, join(e.parentPath, e.name)))
      .filter((f) => !f.startsWith("tests/fixtures/") || f.endsWith(".md"));
  }
  const sources = [...SOURCES.flatMap(files), ...FILES.filter((f) => existsSync(join(ROOT, f)))].filter((f) => f !== SELF);

  // The documents that were kept outside the repository, and how they were cited.
  const OUTSIDE = [
    /(?:^|[^/\w])shared\/(?:DESIGN|UX|toolchain|domain|contracts|fixtures|seeds)\b/,
    /\.\.\/shared\b/,
    /(?<!docs\/)\b(?:SPEC|DESIGN|LABELS|UX)\.md\b/,
    /\bSPEC §/,
    /(?<!docs\/)\bcontracts\/cli\.md\b/,
    /\bresearch-notes\b/,
    /\btoolchain-notes\b/,
  ];

  it("cite no document outside the repository (docs/spec.md §n, docs/architecture.md, docs/labels.md, docs/contrat-json.md)", () => {
    const wrong: string[] = [];
    for (const file of sources) {
      readFileSync(join(ROOT, file), "utf8")
        .split("\n")
        .forEach((line, i) => {
          if (OUTSIDE.some((re) => re.test(line))) wrong.push(`${file}:${i + 1}: ${line.trim().slice(0, 120)}`);
        });
    }
    expect(wrong).toEqual([]);
  });

  it("cite only documents of docs/ that exist", () => {
    const wrong: string[] = [];
    for (const file of sources) {
      for (const m of readFileSync(join(ROOT, file), "utf8").matchAll(/\bdocs\/([\w.-]+\.(?:md|png))\b/g)) {
        if (!existsSync(join(ROOT, "docs", m[1]!))) wrong.push(`${file}: docs/${m[1]}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
