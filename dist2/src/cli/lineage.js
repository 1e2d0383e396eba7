/** `assay lineage`: which datasets feed which models, and which models' outputs feed others. */
import { lineageDot, lineageGraph, lineageMermaid, lineageText } from "../compat/registry/lineage.js";
import { displayPath, openRegistry } from "../io/registry/files.js";
import { parseCommand } from "./args.js";
import { UsageError } from "./errors.js";
import { printJson } from "./output.js";
const HELP = `usage: assay lineage [--format text|mermaid|dot] [--model NAME] [--json] [--db FILE]

Prints the lineage graph of the registry: datasets → models (train / eval) and models → models
(a model reading another's outputs). Stale models (see assay registry check) are marked.
--model keeps only what is connected to that model, upstream and downstream.`;
const OPTIONS = {
    format: { type: "string" },
    model: { type: "string" },
    json: { type: "boolean" },
    db: { type: "string" },
};
export async function run(argv) {
    const { values: v, positionals, help } = parseCommand(argv, OPTIONS, HELP);
    if (help)
        return 0;
    if (positionals.length > 0)
        throw new UsageError(`lineage takes no positional arguments, got ${positionals.join(" ")}`);
    const format = v.format ?? "text";
    if (!["text", "mermaid", "dot"].includes(format))
        throw new UsageError(`--format must be text, mermaid or dot, got '${format}'`);
    const store = openRegistry(v.db);
    let graph;
    try {
        graph = lineageGraph(store.list(), displayPath);
    }
    finally {
        store.close();
    }
    if (typeof v.model === "string") {
        const name = v.model;
        const seeds = graph.nodes.filter((n) => n.kind === "model" && (n.label === name || n.label.startsWith(`${name}@`)));
        if (seeds.length === 0)
            throw new UsageError(`--model ${name}: no such model in the registry`);
        const keep = new Set(seeds.map((n) => n.id));
        for (const direction of ["up", "down"]) {
            const frontier = seeds.map((n) => n.id);
            while (frontier.length > 0) {
                const id = frontier.pop();
                for (const e of graph.edges) {
                    const next = direction === "up" ? (e.to === id ? e.from : null) : e.from === id ? e.to : null;
                    if (next !== null && !keep.has(next)) {
                        keep.add(next);
                        frontier.push(next);
                    }
                }
            }
        }
        graph = {
            nodes: graph.nodes.filter((n) => keep.has(n.id)),
            edges: graph.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
        };
    }
    if (v.json)
        printJson(graph);
    else if (graph.nodes.length === 0)
        process.stdout.write("the registry is empty; nothing to draw\n");
    else
        process.stdout.write(format === "mermaid"
            ? lineageMermaid(graph)
            : format === "dot"
                ? lineageDot(graph)
                : lineageText(graph));
    return 0;
}
