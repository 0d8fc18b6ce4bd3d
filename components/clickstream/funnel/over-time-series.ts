/** One point of the "conversion over time" chart: `conversion` for complete days, `today` for the running one. */
export interface OverTimePoint {
  day: string;
  entrants: number;
  converted: number;
  /** % of the day's entrants that converted; null for a day without entrants or still running. */
  conversion: number | null;
  /** The running day's % so far, and the last complete day's % so the dashed segment joins the line. */
  today: number | null;
}

const pct = (d: { entrants: number; converted: number }) => (d.entrants ? (100 * d.converted) / d.entrants : null);

/**
 * Chart points for conversion per day. The current UTC day is still running — its entrants have not
 * had time to convert — so it is never part of the solid line: it is drawn apart (dashed, "today so
 * far"), joined to the last complete day. A day nobody entered is a gap, not 0%.
 */
export function overTimeSeries(
  days: { day: string; entrants: number; converted: number }[],
  today: string,
): { points: OverTimePoint[]; partial: OverTimePoint | null } {
  const points: OverTimePoint[] = days.map((d) => ({
    ...d,
    conversion: d.day < today ? pct(d) : null,
    today: d.day === today ? pct(d) : null,
  }));
  const partial = points.find((p) => p.day === today) ?? null;
  if (partial && partial.today !== null) {
    const lastComplete = points.findLast((p) => p.day < today && p.conversion !== null);
    if (lastComplete) lastComplete.today = lastComplete.conversion;
  }
  return { points, partial };
}
