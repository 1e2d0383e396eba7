/**
 * Documentation templates: Markdown with YAML front matter, one `### id: question` heading per question.
 * Written in our own words after Datasheets for Datasets (Gebru et al., CACM 2021), Model Cards (Mitchell
 * et al., FAT* 2019) and the five dataset accountability documents of Hutchinson et al. (FAccT 2021):
 * requirements, design, implementation, testing, maintenance. Questions marked `people` need an answer
 * only when the card says the data is about people. The model card has two sections Assay writes itself
 * (between `<!-- assay:begin … -->` and `<!-- assay:end … -->`): intended uses from the card, and the
 * quantitative analysis from the latest fresh evaluation.
 */
export const DOC_FORMAT = "assay.doc";
export const DOC_VERSION = 1;
const q = (id, text, people = false) => people ? { id, text, people } : { id, text };
export const TEMPLATES = [
    {
        name: "datasheet",
        title: "Datasheet",
        about: "dataset",
        intro: "Why the dataset exists, what is in it, how it was made, and how it may be used.",
        sections: [
            {
                title: "Motivation",
                questions: [
                    q("motivation.purpose", "What was the dataset made for: which task, which gap?"),
                    q("motivation.creators", "Who made it, and on whose behalf?"),
                    q("motivation.funding", "Who paid for it?"),
                ],
            },
            {
                title: "Composition",
                questions: [
                    q("composition.instances", "What does one row stand for (a person, a transaction, a document …)?"),
                    q("composition.count", "How many rows are there, of each kind?"),
                    q("composition.sample", "Is it all the rows that exist, or a sample? If a sample, drawn how, and representative of what?"),
                    q("composition.label", "What is the target, and how was it obtained?"),
                    q("composition.missing", "What is missing, and why?"),
                    q("composition.splits", "Are there recommended splits (training, test), and why those?"),
                    q("composition.noise", "Which errors, noise or duplicates are known?"),
                    q("composition.external", "Is it self-contained, or does it rely on outside resources that may change?"),
                    q("composition.confidential", "Does it hold data that is confidential or protected by law?"),
                    q("composition.identify", "Can a person be identified from it, directly or by combining columns?", true),
                    q("composition.subpopulations", "Which groups of people does it describe, in what proportions?", true),
                    q("composition.sensitive", "Does it reveal sensitive attributes (ethnicity, health, beliefs, sexuality …)?", true),
                ],
            },
            {
                title: "Collection",
                questions: [
                    q("collection.how", "How were the data collected (survey, sensors, logs, scraping …)?"),
                    q("collection.timeframe", "Over what period were they collected, and does that match when the events happened?"),
                    q("collection.consent", "Were the people concerned told, and did they agree? How?", true),
                    q("collection.review", "Was the collection reviewed for its effect on the people in it (e.g. by an ethics board)?", true),
                ],
            },
            {
                title: "Preprocessing",
                questions: [
                    q("preprocessing.steps", "What cleaning, labelling or transformation was done?"),
                    q("preprocessing.raw", "Is the raw data kept, and where?"),
                ],
            },
            {
                title: "Uses",
                questions: [
                    q("uses.done", "What has it been used for already?"),
                    q("uses.avoid", "What should it not be used for?"),
                    q("uses.risks", "Could the way it was made or what it contains harm someone when used? How can that be avoided?"),
                ],
            },
            {
                title: "Distribution",
                questions: [
                    q("distribution.how", "How is it shared, with whom?"),
                    q("distribution.license", "Under what licence or terms?"),
                ],
            },
            {
                title: "Maintenance",
                questions: [
                    q("maintenance.owner", "Who maintains it, and how are they reached?"),
                    q("maintenance.updates", "Will it be updated (new rows, corrections, removals), how often, and how are users told?"),
                    q("maintenance.retention", "Are there limits on how long data about people is kept?", true),
                ],
            },
        ],
    },
    {
        name: "model-card",
        title: "Model card",
        about: "model",
        intro: "What the model is, what it is for, and how well it works, for whom.",
        sections: [
            {
                title: "Model details",
                questions: [
                    q("details.owner", "Who built the model, and who answers questions about it?"),
                    q("details.version", "Which version is this, of what kind of model, trained when?"),
                    q("details.license", "Under what licence may it be used?"),
                ],
            },
            {
                title: "Intended use",
                questions: [q("use.users", "Who is meant to use it, and in which setting?")],
                generated: "uses",
            },
            {
                title: "Factors",
                questions: [
                    q("factors.groups", "Which groups, environments or instruments could change how well it works?"),
                    q("factors.people", "Which groups of people were its results compared across, and why those?", true),
                ],
            },
            {
                title: "Metrics",
                questions: [
                    q("metrics.choice", "Which metrics matter for the intended use, and which decision threshold is used?"),
                ],
            },
            {
                title: "Data",
                questions: [
                    q("data.evaluation", "On which data was it evaluated, and why is that data representative?"),
                    q("data.training", "On which data was it trained?"),
                ],
            },
            { title: "Quantitative analysis", questions: [], generated: "evaluation" },
            {
                title: "Ethical considerations",
                questions: [q("ethics.risks", "What harms could it cause, and what limits them?", true)],
            },
            {
                title: "Caveats and recommendations",
                questions: [q("caveats.known", "What is known not to work, or not tested?")],
            },
        ],
    },
    {
        name: "dataset-requirements",
        title: "Dataset requirements",
        about: "dataset",
        intro: "What the data must be like for the system to do its job — written before the data is collected.",
        sections: [
            {
                title: "Purpose",
                questions: [
                    q("purpose.use", "Which model or decision will the data serve?"),
                    q("purpose.users", "Who will use the data, and who is affected by what it is used for?"),
                ],
            },
            {
                title: "Requirements",
                questions: [
                    q("requirements.properties", "What must hold for the data: coverage, size, freshness, label quality, format? Name the card requirements (R1, P1 …)."),
                    q("requirements.subgroups", "Which groups of people must be represented, with how many rows each?", true),
                    q("requirements.constraints", "What legal, contractual or privacy constraints apply?"),
                    q("requirements.acceptance", "How will we know the data meets these requirements (which evidence)?"),
                ],
            },
        ],
    },
    {
        name: "dataset-design",
        title: "Dataset design",
        about: "dataset",
        intro: "How the data will be obtained to meet its requirements, and the decisions taken. Each decision is a `### decision ID: title` entry with a `Requirements: R1, P1` line naming the requirements it serves.",
        decisions: true,
        sections: [
            {
                title: "Sources",
                questions: [
                    q("design.sources", "Where will the data come from, and why those sources?"),
                    q("design.sampling", "How will rows be sampled or selected?"),
                    q("design.labels", "How will labels be obtained, and checked?"),
                ],
            },
            {
                title: "Alternatives",
                questions: [
                    q("design.alternatives", "Which other designs were considered, and why were they not chosen?"),
                ],
            },
            {
                title: "Risks",
                questions: [
                    q("design.people", "How could this design disadvantage some of the people in the data?", true),
                ],
            },
            { title: "Decisions", questions: [] },
        ],
    },
    {
        name: "dataset-implementation",
        title: "Dataset implementation",
        about: "dataset",
        intro: "A diary of how the data was actually built.",
        sections: [
            {
                title: "Implementation",
                questions: [
                    q("implementation.steps", "What was done, in what order, with which tools and versions?"),
                    q("implementation.deviations", "Where did it differ from the design, and why?"),
                    q("implementation.issues", "Which problems came up, and how were they resolved?"),
                ],
            },
        ],
    },
    {
        name: "dataset-testing",
        title: "Dataset testing",
        about: "dataset",
        intro: "How the data was tested against its requirements. Assay's profile, validation, lint and drift reports are the evidence; name them.",
        sections: [
            {
                title: "Tests",
                questions: [
                    q("testing.tests", "Which tests were run (which Assay reports), and against which requirements?"),
                    q("testing.results", "What did they find, and what was done about it?"),
                    q("testing.stress", "Was the data tested adversarially or for edge cases?"),
                    q("testing.fairness", "Was representation of groups of people measured, and is it enough?", true),
                ],
            },
        ],
    },
    {
        name: "dataset-maintenance",
        title: "Dataset maintenance",
        about: "dataset",
        intro: "How the data is kept fit for use after release.",
        sections: [
            {
                title: "Maintenance",
                questions: [
                    q("maintenance.owner", "Who owns the data from now on?"),
                    q("maintenance.schedule", "When is it refreshed, and how is a refresh validated?"),
                    q("maintenance.monitoring", "How are drift and broken upstream sources noticed?"),
                    q("maintenance.deprecation", "When and how will it be retired?"),
                    q("maintenance.requests", "How are requests from people to correct or delete their data handled?", true),
                ],
            },
        ],
    },
];
export const TEMPLATE_NAMES = TEMPLATES.map((t) => t.name);
export function template(name) {
    return TEMPLATES.find((t) => t.name === name);
}
export const UNANSWERED = "TODO";
/** The starter document for a template. */
export function renderTemplate(t, options) {
    const lines = [
        "---",
        `format: ${DOC_FORMAT}`,
        `version: ${DOC_VERSION}`,
        `template: ${t.name}`,
        `subject: ${options.subject ?? "null"}        # the card component this document is about`,
        `card: ${options.card ? JSON.stringify(options.card) : "null"}`,
        "---",
        "",
        `# ${t.title}: ${options.name}`,
        "",
        `${t.intro}`,
        "",
        `Answer under each question, in place of ${UNANSWERED}. Write \`N/A: reason\` where a question does not apply.`,
        "Questions marked *(about people)* may stay unanswered when the card says the data is not about people.",
        "'assay docs check' checks that every question is answered.",
    ];
    for (const s of t.sections) {
        lines.push("", `## ${s.title}`);
        for (const question of s.questions)
            lines.push("", `### ${question.id}: ${question.text}${question.people ? " *(about people)*" : ""}`, "", UNANSWERED);
        if (s.generated)
            lines.push("", `<!-- assay:begin ${s.generated} -->`, `_Written by 'assay docs check --fill' from the ${s.generated === "uses" ? "card" : "latest fresh evaluation"}._`, `<!-- assay:end ${s.generated} -->`);
        if (s.title === "Decisions" && t.decisions)
            lines.push("", "### decision D1: (a short title)", "", "Requirements: R1", "", UNANSWERED);
    }
    return `${lines.join("\n")}\n`;
}
