import { z } from "zod";

/** Trimmed, non-empty text of at most `max` characters (a filter value or a note). */
export const text = (max: number) => z.string().trim().min(1).max(max);

/** A query-string parameter that may repeat (`?severity=4&severity=5`). */
export const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(item).max(20));

/** An AWS region name as a filter (`us-east-1`). */
export const regionName = () =>
  z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,25}$/, "region name");
