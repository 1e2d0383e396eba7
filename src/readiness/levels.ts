/**
 * The ten Machine Learning Technology Readiness Levels (MLTRL; Lavin et al., Nature Communications
 * 2022), summarised in our words. A component is *certified* at a level when that level's gate and all
 * gates below it (down to the card's entry level) hold; it *works* on the level above.
 */
interface LevelInfo {
  level: number;
  name: string;
  summary: string;
}

const LEVELS: LevelInfo[] = [
  {
    level: 0,
    name: "First principles",
    summary: "an idea, the literature and the maths; a first look at what data could exist",
  },
  {
    level: 1,
    name: "Goal-oriented research",
    summary: "low-level experiments toward a stated goal; research requirements written",
  },
  {
    level: 2,
    name: "Proof of principle",
    summary:
      "the method works on representative data in a research setting; criteria that would prove it are stated",
  },
  {
    level: 3,
    name: "System development",
    summary: "research code becomes tested software; product requirements and the data contract exist",
  },
  {
    level: 4,
    name: "Proof of concept",
    summary:
      "the model shows value on real data, measured with intervals, against baselines and across groups",
  },
  {
    level: 5,
    name: "Machine learning capability",
    summary: "the capability is tested as a component: behaviour, robustness, fitting and training sanity",
  },
  {
    level: 6,
    name: "Application development",
    summary:
      "the component is built into an application; uncertainty is known and the documentation complete",
  },
  {
    level: 7,
    name: "Integrations",
    summary: "the component runs in the larger system: training/serving parity and an update gate",
  },
  {
    level: 8,
    name: "Mission-ready",
    summary: "the whole system is verified and validated against its product requirements and ethics review",
  },
  {
    level: 9,
    name: "Deployment",
    summary: "in production: monitored, receiving traffic, drift watched and maintained",
  },
];

export function levelName(level: number): string {
  return LEVELS[level]?.name ?? `level ${level}`;
}

/** MLTRL's two switchbacks built into the process: proof of concept back to proof of principle, and deployment back to proof of concept. */
const EMBEDDED_SWITCHBACKS: [number, number][] = [
  [4, 2],
  [9, 4],
];

export function isEmbedded(from: number, to: number): boolean {
  return EMBEDDED_SWITCHBACKS.some(([f, t]) => f === from && t === to);
}
