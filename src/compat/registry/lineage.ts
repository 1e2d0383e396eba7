/** The lineage graph of the registry: datasets → models, models → models; as text, Mermaid or DOT. */
import type { ModelRecord } from "./types.js";

interface LineageNode {
  id: string;
  kind: "dataset" | "model";
  label: string;
  stale?: boolean;
}

interface LineageEdge {
  from: string;
  to: string;
  /** "train", "eval" or "output" (a model's outputs feeding another model). */
  role: string;
}

interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
}

export function lineageGraph(
  models: ModelRecord[],
  displayPath: (path: string) => string = (p) => p,
): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const edges: LineageEdge[] = [];
  for (const m of models) {
    const id = `model:${m.name}@${m.version}`;
    nodes.set(id, { id, kind: "model", label: `${m.name}@${m.version}`, stale: m.stale });
    for (const d of m.datasets) {
      const dataId = `data:${d.path}`;
      if (!nodes.has(dataId)) nodes.set(dataId, { id: dataId, kind: "dataset", label: displayPath(d.path) });
      edges.push({ from: dataId, to: id, role: d.role });
    }
    for (const u of m.upstream) {
      const upId = `model:${u.name}@${u.version}`;
      if (!nodes.has(upId)) nodes.set(upId, { id: upId, kind: "model", label: `${u.name}@${u.version}` });
      edges.push({ from: upId, to: id, role: "output" });
    }
  }
  return { nodes: [...nodes.values()], edges };
}

/** One line per model: what feeds it, and what it feeds. */
export function lineageText(graph: LineageGraph): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const lines: string[] = [];
  for (const n of graph.nodes.filter((x) => x.kind === "model")) {
    lines.push(`${n.label}${n.stale ? "  [STALE]" : ""}`);
    for (const e of graph.edges.filter((x) => x.to === n.id))
      lines.push(
        `  ← ${e.role === "output" ? "outputs of" : `${e.role}:`} ${byId.get(e.from)?.label ?? e.from}`,
      );
    for (const e of graph.edges.filter((x) => x.from === n.id))
      lines.push(`  → feeds ${byId.get(e.to)?.label ?? e.to}`);
  }
  return `${lines.join("\n")}\n`;
}

export function lineageMermaid(graph: LineageGraph): string {
  const ids = new Map(graph.nodes.map((n, k) => [n.id, `n${k}`]));
  const quote = (s: string) => s.replace(/"/g, "#quot;");
  const lines = ["flowchart LR"];
  for (const n of graph.nodes) {
    const label = quote(n.label + (n.stale ? " (stale)" : ""));
    lines.push(n.kind === "dataset" ? `  ${ids.get(n.id)}[("${label}")]` : `  ${ids.get(n.id)}["${label}"]`);
  }
  for (const e of graph.edges) lines.push(`  ${ids.get(e.from)} -->|${e.role}| ${ids.get(e.to)}`);
  const stale = graph.nodes.filter((n) => n.stale).map((n) => ids.get(n.id));
  if (stale.length > 0) {
    lines.push("  classDef stale stroke:#c00,stroke-width:2px");
    lines.push(`  class ${stale.join(",")} stale`);
  }
  return `${lines.join("\n")}\n`;
}

export function lineageDot(graph: LineageGraph): string {
  const quote = (s: string) => `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  const lines = ["digraph lineage {", "  rankdir=LR;"];
  for (const n of graph.nodes) {
    const shape = n.kind === "dataset" ? "cylinder" : "box";
    const color = n.stale ? ", color=red" : "";
    lines.push(
      `  ${quote(n.id)} [label=${quote(n.label + (n.stale ? " (stale)" : ""))}, shape=${shape}${color}];`,
    );
  }
  for (const e of graph.edges) lines.push(`  ${quote(e.from)} -> ${quote(e.to)} [label=${quote(e.role)}];`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
