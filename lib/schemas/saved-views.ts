import { z } from "zod";
import { FINDING_FILTER_KEYS } from "./findings";

/** Which page of results is not part of a view: a saved view always opens on the first page. */
const PAGE_KEYS = new Set(["cursor", "limit"]);

/** The filter as a URL query (`severity=4&q=root`), without the page cursor; a leading `?` is dropped. */
const FilterQuery = z
  .string()
  .trim()
  .max(2000, "This filter is too long to save")
  .transform((s) => {
    const p = new URLSearchParams(s.startsWith("?") ? s.slice(1) : s);
    return new URLSearchParams([...p].filter(([k]) => !PAGE_KEYS.has(k))).toString();
  })
  .refine(
    (s) => [...new URLSearchParams(s).keys()].every((k) => FINDING_FILTER_KEYS.includes(k)),
    "This is not a findings filter",
  );

export const SavedViewInput = z
  .object({
    name: z.string().trim().min(1, "Give the view a name").max(80, "Keep the name to 80 characters"),
    query: FilterQuery,
  })
  .strict();
export type SavedViewInput = z.infer<typeof SavedViewInput>;

export interface SavedView {
  id: string;
  name: string;
  /** The findings page's URL query: the view opens at `/findings?<query>`. */
  query: string;
  updatedAt: string;
}
