import { z } from "zod";

/** What a lake view shows about the queries behind it: engine time, bytes, estimated cost, pruning. */
export const QueryStats = z.object({
  engine: z.enum(["duckdb", "athena"]),
  engineMs: z.number(),
  bytesScanned: z.number().nullable(),
  estimatedCostUsd: z.number().nullable(),
  prunedByTime: z.boolean(),
  queries: z.number(),
});
export type QueryStats = z.infer<typeof QueryStats>;

/** One value of a facet (or a top-N list) with how many rows have it. */
export interface Facet {
  value: string;
  count: number;
}
