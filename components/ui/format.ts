/** How numbers, times and durations read across the app's tables and cards; "—" stands for no value. */

/** A share (0..1) as a percentage: 0.1234 → "12.3%". */
export const formatPercent = (x: number | null, digits = 1) => (x === null ? "—" : `${(x * 100).toFixed(digits)}%`);

/** A count with the reader's digit grouping. */
export const formatCount = (x: number) => x.toLocaleString();

export const formatMoney = (x: number) => x.toLocaleString(undefined, { style: "currency", currency: "USD" });

/** An instant in the reader's locale and time zone. */
export const formatWhen = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "—");

/** Seconds in the unit a reader would use: "45 s", "12 min", "2.5 h". */
export const formatSeconds = (s: number | null) =>
  s === null
    ? "—"
    : s < 90
      ? `${Math.round(s)} s`
      : s < 5400
        ? `${Math.round(s / 60)} min`
        : `${(s / 3600).toFixed(1)} h`;

/** How long a pipeline run took; a run without a duration is still going. */
export const formatRunDuration = (ms: number | null) => (ms === null ? "running" : `${(ms / 1000).toFixed(1)} s`);
