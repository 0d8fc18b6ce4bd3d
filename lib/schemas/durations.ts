/** A span of time as people say it: "45 seconds", "1 minute", "4 hours", "1.5 hours", "2 days". */
export function durationInWords(seconds: number): string {
  const s = Math.abs(seconds);
  const unit = (n: number, one: string) => {
    const v = n >= 10 ? Math.round(n) : Math.round(n * 10) / 10;
    return `${v} ${one}${v === 1 ? "" : "s"}`;
  };
  if (s < 60) return unit(Math.round(s), "second");
  if (s < 3600) return unit(Math.round(s / 60), "minute");
  if (s < 48 * 3600) return unit(s / 3600, "hour");
  return unit(s / 86400, "day");
}

/** When something is due, relative to now: "in 4 hours", "3 minutes ago". */
export function dueInWords(dueIso: string, now = Date.now()): string {
  const seconds = (new Date(dueIso).getTime() - now) / 1000;
  return seconds >= 0 ? `in ${durationInWords(seconds)}` : `${durationInWords(seconds)} ago`;
}
