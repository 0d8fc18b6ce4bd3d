import { z } from "zod";
import type { ReviewSummary } from "./applications";

/** One state of the drawn workflow, placed (px, top-left); a Parallel or Map is a box around its branches. */
export interface GraphNodeDto {
  id: string;
  type: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Ends its scope (End, Succeed, Fail). */
  end: boolean;
  container: boolean;
  visited: boolean;
  current: boolean;
}

/** A way from one state to another, as a polyline from the source's edge to the target's. */
export interface GraphEdgeDto {
  from: string;
  to: string;
  kind: "next" | "choice" | "default" | "catch";
  label: string | null;
  points: [number, number][];
  /** Where the label sits (near the source). */
  labelAt: [number, number];
  /** Goes back up (a loop). */
  back: boolean;
}

/** The workflow drawn from its ASL: every state, branch, Choice rule and Catch path. */
export interface WorkflowGraphDto {
  width: number;
  height: number;
  nodes: GraphNodeDto[];
  edges: GraphEdgeDto[];
}

/** What the review detail page receives (mirrors the domain's ReviewDetail; no token). */
export interface ReviewDetailDto {
  review: ReviewSummary;
  payload: Record<string, unknown>;
  execution: { id: string; status: string };
  history: { at: string; type: string; state: string | null; detail: Record<string, unknown> }[];
  graph: WorkflowGraphDto;
}

/** A comment in a review item's thread. */
export interface ReviewCommentDto {
  id: string;
  author: string;
  body: string;
  at: string;
}

export const ReviewCommentInput = z
  .object({
    body: z.string().trim().min(1, "Write a comment first").max(4000, "Keep a comment under 4,000 characters"),
  })
  .strict();
export type ReviewCommentInput = z.infer<typeof ReviewCommentInput>;
