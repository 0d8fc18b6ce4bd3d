import { ensureBaseEvents } from "./clickstream-gen";

await ensureBaseEvents("/tmp/sightline-bench-funnel/s33-e20000000", {
  seed: 33,
  events: 20000000,
  days: 30,
  spanDays: 63,
  end: "2026-11-30T00:00:00Z",
});
