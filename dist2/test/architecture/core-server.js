import { readFileSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join, relative, resolve, sep } from "node:path";
const TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".html": "text/html; charset=utf-8",
};
const CONDITIONS = new Set(["browser", "import", "module", "default"]);
const IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"'\s]+)["']|\bimport\s*\(\s*["']([^"'\s]+)["']\s*\)/g;
const REQUIRE = /\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
/** `entries` are compiled files (under root) whose imports start the walk; `page` is the HTML at "/". */
export async function serveCore(root, entries, page) {
    const modules = join(root, "node_modules");
    const importMap = { imports: {}, scopes: {} };
    const cjsEntries = [];
    const seen = new Set();
    const urlOf = (file) => `/${relative(root, file).split(sep).join("/")}`;
    const packageDir = (name, from) => {
        for (let dir = from; dir.startsWith(root); dir = dirname(dir)) {
            const candidate = join(dir, "node_modules", name);
            if (exists(join(candidate, "package.json")))
                return candidate;
            if (dir === root)
                break;
        }
        return null;
    };
    const map = (specifier, target, importer) => {
        const top = importMap.imports[specifier];
        if (top === undefined)
            importMap.imports[specifier] = target;
        else if (top !== target) {
            // a package with its own nested copy: scope the mapping to the importing package's folder
            const scope = `${urlOf(packageRoot(importer))}/`;
            importMap.scopes[scope] ??= {};
            importMap.scopes[scope][specifier] = target;
        }
    };
    const walk = (file) => {
        if (seen.has(file))
            return;
        seen.add(file);
        const text = readFileSync(file, "utf8");
        for (const match of text.matchAll(IMPORT)) {
            const specifier = match[1] ?? match[2];
            if (specifier.startsWith(".") || specifier.startsWith("/")) {
                const target = resolve(dirname(file), specifier);
                if (exists(target))
                    walk(target);
                continue;
            }
            const name = specifier.startsWith("@")
                ? specifier.split("/").slice(0, 2).join("/")
                : specifier.split("/")[0];
            const dir = packageDir(name, dirname(file));
            if (!dir)
                continue; // a string in minified code that only looks like an import
            const resolved = resolveEntry(dir, specifier.slice(name.length));
            if (!resolved)
                continue;
            if (resolved.esm) {
                map(specifier, urlOf(resolved.file), file);
                walk(resolved.file);
            }
            else {
                const id = cjsEntries.indexOf(resolved.file);
                map(specifier, `/cjs/${id >= 0 ? id : cjsEntries.push(resolved.file) - 1}.js`, file);
            }
        }
    };
    for (const entry of entries)
        walk(entry);
    const server = createServer((request, response) => {
        const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
        try {
            if (path === "/")
                return send(response, ".html", page(importMap));
            const cjs = /^\/cjs\/(\d+)\.js$/.exec(path);
            if (cjs)
                return send(response, ".js", commonJsModule(cjsEntries[Number(cjs[1])]));
            const file = resolve(root, `.${path}`);
            const inside = [join(root, "dist"), modules].some((dir) => file.startsWith(dir + sep));
            if (!inside || !exists(file)) {
                response.writeHead(404).end();
                return;
            }
            send(response, extname(file), readFileSync(file));
        }
        catch (error) {
            response.writeHead(500).end(String(error));
        }
    });
    await new Promise((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address();
    return {
        url: `http://127.0.0.1:${port}`,
        importMap,
        close: () => new Promise((done) => server.close(() => done())),
    };
}
function send(response, ext, body) {
    response.writeHead(200, { "content-type": TYPES[ext] ?? "application/octet-stream" }).end(body);
}
function exists(path) {
    try {
        return statSync(path).isFile();
    }
    catch {
        return false;
    }
}
function packageRoot(file) {
    let dir = dirname(file);
    while (!exists(join(dir, "package.json")) && dirname(dir) !== dir)
        dir = dirname(dir);
    return dir;
}
function readJson(file) {
    return JSON.parse(readFileSync(file, "utf8"));
}
/** The file a specifier names inside its package, for a browser, and whether it is an ES module. */
function resolveEntry(dir, subpath) {
    const pkg = readJson(join(dir, "package.json"));
    const key = subpath === "" ? "." : `.${subpath}`;
    let target = null;
    let esm = pkg.type === "module";
    if (pkg.exports !== undefined) {
        const exp = pkg.exports;
        const keyed = typeof exp === "object" && !Array.isArray(exp) && Object.keys(exp).some((k) => k.startsWith("."));
        const entry = keyed ? exp[key] : key === "." ? exp : undefined;
        target = entry === undefined ? null : pickCondition(entry);
    }
    if (target === null && key === ".") {
        if (typeof pkg.module === "string") {
            target = pkg.module;
            esm = true;
        }
        else
            target = typeof pkg.browser === "string" ? pkg.browser : (pkg.main ?? "index.js");
    }
    if (target === null)
        target = `.${subpath}`;
    let file = resolve(dir, target);
    if (!exists(file))
        file = [".js", "/index.js"].map((s) => file + s).find(exists) ?? file;
    if (!exists(file))
        return null;
    if (file.endsWith(".mjs"))
        esm = true;
    else if (file.endsWith(".cjs"))
        esm = false;
    else
        esm = esm || readJsonType(packageRoot(file)) === "module";
    return { file, esm };
}
function readJsonType(dir) {
    return readJson(join(dir, "package.json")).type;
}
function pickCondition(entry) {
    if (typeof entry === "string")
        return entry;
    if (Array.isArray(entry)) {
        for (const e of entry) {
            const t = pickCondition(e);
            if (t)
                return t;
        }
        return null;
    }
    if (entry && typeof entry === "object")
        for (const [condition, value] of Object.entries(entry))
            if (CONDITIONS.has(condition)) {
                const t = pickCondition(value);
                if (t)
                    return t;
            }
    return null;
}
/** A package's own browser replacement for one of its files (package.json `browser`), as bundlers use it. */
function browserFile(file) {
    const root = packageRoot(file);
    const { browser, main } = readJson(join(root, "package.json"));
    const same = (name) => [name, `${name}.js`].some((candidate) => resolve(root, candidate) === file);
    if (typeof browser === "string")
        return same(main ?? "index.js") ? resolve(root, browser) : file;
    if (browser && typeof browser === "object")
        for (const [from, to] of Object.entries(browser))
            if (typeof to === "string" && from.startsWith(".") && same(from))
                return resolve(root, to);
    return file;
}
/**
 * One ES module holding a CommonJS package and everything it requires: each file a function of
 * (module, exports, require), run the first time it is required, as Node would.
 */
function commonJsModule(entry) {
    const files = new Map();
    const visit = (file) => {
        if (files.has(file))
            return;
        const requires = {};
        files.set(file, requires);
        if (file.endsWith(".json"))
            return;
        const req = createRequire(file);
        for (const [, specifier] of readFileSync(file, "utf8").matchAll(REQUIRE)) {
            let target;
            try {
                target = req.resolve(specifier);
            }
            catch {
                continue; // a require() in a comment or an example
            }
            if (!target.startsWith("/"))
                continue; // a Node built-in: left to fail if it is ever called
            target = browserFile(target);
            requires[specifier] = target;
            visit(target);
        }
    };
    visit(entry);
    const bodies = [...files.entries()].map(([file, requires]) => {
        const source = readFileSync(file, "utf8");
        const body = file.endsWith(".json") ? `module.exports = ${source};` : source;
        return `${JSON.stringify(file)}: [${JSON.stringify(requires)}, function (module, exports, require) {\n${body}\n}]`;
    });
    return `const files = {\n${bodies.join(",\n")}\n};
const cache = new Map();
function load(file) {
  if (cache.has(file)) return cache.get(file).exports;
  const [requires, body] = files[file];
  const module = { exports: {} };
  cache.set(file, module);
  body.call(module.exports, module, module.exports, (specifier) => {
    if (!(specifier in requires)) throw new Error("not available in the browser: " + specifier);
    return load(requires[specifier]);
  });
  return module.exports;
}
export default load(${JSON.stringify(entry)});
`;
}
