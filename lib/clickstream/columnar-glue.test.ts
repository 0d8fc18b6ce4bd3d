import { describe, expect, test } from "vitest";
import { clickstreamGlueTable } from "./columnar-glue";

describe("the columnar copy's Glue table", () => {
  test("projects every hour and a compacted day's hr=day, so Athena reads what DuckDB reads", () => {
    const t = clickstreamGlueTable({ bucket: "lake", projectionStart: "2026-01-01" });
    const values = t.Parameters["projection.hr.values"]?.split(",");
    expect(t.Parameters["projection.hr.type"]).toBe("enum");
    expect(values).toHaveLength(25);
    expect(values?.slice(0, 2)).toEqual(["00", "01"]);
    expect(values?.slice(-2)).toEqual(["23", "day"]);
    expect(t.Parameters["storage.location.template"]).toBe("s3://lake/clickstream/events/dt=${dt}/hr=${hr}");
  });
});
