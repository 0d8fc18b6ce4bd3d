import type { ReviewSummary } from "./applications";

/** What the review detail page receives (mirrors the domain's ReviewDetail; no token). */
export interface ReviewDetailDto {
  review: ReviewSummary;
  payload: Record<string, unknown>;
  execution: { id: string; status: string };
  history: { at: string; type: string; state: string | null; detail: Record<string, unknown> }[];
  graph: { name: string; type: string; next: string[]; visited: boolean; current: boolean }[];
}
