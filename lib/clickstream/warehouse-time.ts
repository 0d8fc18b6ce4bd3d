import type { TimeSql } from "@/lib/ports/event-lake";

/** Postgres' time arithmetic (`date_part` is a float8, several times faster than `extract`'s numeric). */
export const WAREHOUSE_TIME: TimeSql = {
  secondsBetween: (later, earlier) => `date_part('epoch', ${later} - ${earlier})`,
  periodIndex: (ts, start, seconds) => `CAST(floor((extract(epoch FROM ${ts}) - ${start}) / ${seconds}) AS INTEGER)`,
  utcDate: (ts) => `(${ts} AT TIME ZONE 'UTC')::date`,
  withinMinutes: (later, earlier, minutes) => `${later} <= ${earlier} + (${minutes} * interval '1 minute')`,
  atLeastMinutes: (later, earlier, minutes) => `${later} >= ${earlier} + (${minutes} * interval '1 minute')`,
};
