import { z } from "zod";
import { checkDayRange, Day as day } from "./common";
import { type EventReportExplain, EventReportPath } from "./event-report";

/** Longest range a paths report may cover: it reads raw events. */
export const MAX_PATHS_DAYS = 31;
export const PATH_DIRECTIONS = ["start", "end"] as const;
/** The node standing for every event outside a step's top nodes (never a valid event name). */
export const OTHER_EVENTS = "(other)";

const eventName = z
  .string()
  .trim()
  .min(1, "Enter an event name")
  .max(64, "An event name is at most 64 characters")
  .regex(/^[a-z][a-z0-9_]*$/, "Event names are written in snake_case, like product_view");

/** Comma-separated names in a URL, or a list in a body. */
const eventList = z.preprocess(
  (v) =>
    typeof v === "string"
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : v,
  z.array(eventName).max(20, "Exclude at most 20 events"),
);

export const PathsQuery = z
  .object({
    from: day,
    to: day,
    /** The event the paths start from (`start`) or end at (`end`). */
    event: eventName,
    direction: z.enum(PATH_DIRECTIONS).default("start"),
    /** Steps drawn, the anchor event included. */
    depth: z.coerce
      .number()
      .int("Steps must be a whole number")
      .min(2, "Show at least 2 steps")
      .max(6, "Show at most 6 steps")
      .default(4),
    /** Events shown per step; the rest are merged into one "other events" node. */
    maxNodes: z.coerce
      .number()
      .int("Events per step must be a whole number")
      .min(2, "Show at least 2 events per step")
      .max(20, "Show at most 20 events per step")
      .default(8),
    exclude: eventList.default([]),
    /** "raw": the warehouse (Postgres); "columnar": the columnar copy; auto: the copy when complete. */
    path: EventReportPath.default("auto"),
  })
  .strict()
  .superRefine(checkDayRange(MAX_PATHS_DAYS))
  .refine((q) => !q.exclude.includes(q.event), {
    message: "The event the paths start from or end at cannot also be excluded",
    path: ["exclude"],
  });
export type PathsQuery = z.infer<typeof PathsQuery>;
export type PathsQueryInput = z.input<typeof PathsQuery>;

export interface PathNode {
  /** `step:event`, what links point at. */
  id: string;
  /** 1 is the anchor event; step n is n − 1 events after it (before it, for paths ending at it). */
  step: number;
  event: string;
  sessions: number;
  /** Sessions whose path stops at this node (no further event away from the anchor). */
  dropOff: number;
}

export interface PathLink {
  /** The earlier node in time. */
  source: string;
  target: string;
  sessions: number;
}

export interface PathsResult {
  event: string;
  direction: (typeof PATH_DIRECTIONS)[number];
  depth: number;
  /** Sessions with the anchor event in the range: 100 % of the diagram. */
  sessions: number;
  nodes: PathNode[];
  links: PathLink[];
  explain: EventReportExplain;
}
