/**
 * What the monitoring service keeps about a model and its traffic: the spec, predictions and labels as
 * ingested, and the bucket parts folding makes of them. Plain data shared by the store, folding and the
 * bucket summaries, below all three so that none of them imports another for its types.
 */
export {};
