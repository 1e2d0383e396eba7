/**
 * A starter ethics checklist, after the ethics reviews MLTRL asks for at its gates, in our words. Each
 * item is answered in the card and signed by a reviewer with the `ethics` role
 * (`assay signoff --role ethics --items E1,E2,…`); the default policy needs them at levels 4 and 8.
 */
export const ETHICS_CHECKLIST = [
    { id: "E1", question: "Who could be harmed by a wrong prediction or decision, and how badly?" },
    {
        id: "E2",
        question: "Do the people the data describes know of this use, and on what basis is their data used?",
    },
    { id: "E3", question: "Which groups could be treated unequally, and how is that measured and bounded?" },
    { id: "E4", question: "How is each unacceptable use prevented or detected?" },
    { id: "E5", question: "Is personal data limited to what is needed, protected, and deleted on a schedule?" },
    { id: "E6", question: "Can a person affected by a decision have it explained, and contest it?" },
    { id: "E7", question: "Who is accountable when the system fails, and how does a failure get reported?" },
    {
        id: "E8",
        question: "What happens to the people relying on the system when it is switched off or falls back?",
    },
];
