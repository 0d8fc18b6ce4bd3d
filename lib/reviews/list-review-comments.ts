import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import type { ReviewCommentDto } from "@/lib/schemas/reviews";
import { REVIEW_ROLES } from "./decide-review";
import { readComments } from "./review-comments";
import { findTask } from "./review-store";

/** A review item's comment thread, oldest first. */
export async function listReviewComments({
  ctx,
  id,
}: {
  ctx: { db: Database; principal: Principal | null };
  id: string;
}): Promise<{ comments: ReviewCommentDto[] }> {
  requireRole(ctx.principal, REVIEW_ROLES);
  if (!(await findTask(ctx.db, id))) throw new AppError("not_found", "No such review");
  return { comments: await readComments(ctx.db, id) };
}
