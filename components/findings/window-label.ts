/**
 * The time range a lake view covers, as people read it. Dates in the filters are UTC days (a day as
 * "to" means the end of that day), so the range is shown in UTC, with the time, so it says so.
 */
const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function describeWindow({ from, to }: { from: string; to: string }): string {
  const start = new Date(from);
  const end = new Date(to);
  const startDay = DAY.format(start);
  const endDay = DAY.format(end);
  if (startDay === endDay) return `${startDay}, ${TIME.format(start)} to ${TIME.format(end)} UTC`;
  return `${startDay}, ${TIME.format(start)} to ${endDay}, ${TIME.format(end)} UTC`;
}
