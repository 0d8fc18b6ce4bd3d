import type { Queryable } from "@/lib/ports/database";
import type { ReviewCommentDto } from "@/lib/schemas/reviews";

interface CommentRow {
  id: string;
  author: string;
  body: string;
  created_at: Date;
}

const toDto = (r: CommentRow): ReviewCommentDto => ({
  id: String(r.id),
  author: r.author,
  body: r.body,
  at: new Date(r.created_at).toISOString(),
});

/** A review item's thread, oldest first. */
export async function readComments(q: Queryable, reviewId: string): Promise<ReviewCommentDto[]> {
  const rows = await q.query<CommentRow>(
    "SELECT id, author, body, created_at FROM review_comments WHERE review_id = $1 ORDER BY id LIMIT 1000",
    [reviewId],
  );
  return rows.map(toDto);
}

export async function insertComment(
  q: Queryable,
  c: { reviewId: string; author: string; body: string },
): Promise<ReviewCommentDto> {
  const [row] = await q.query<CommentRow>(
    "INSERT INTO review_comments (review_id, author, body) VALUES ($1, $2, $3) RETURNING id, author, body, created_at",
    [c.reviewId, c.author, c.body],
  );
  if (!row) throw new Error("comment not stored");
  return toDto(row);
}
