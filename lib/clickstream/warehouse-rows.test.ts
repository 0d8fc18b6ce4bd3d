import { describe, expect, test } from "vitest";
import { COL, COLUMNS, computeEventSpan, toCopyData, toCopyText, toWarehouseRow } from "./warehouse-rows";

const T = Date.UTC(2026, 10, 20, 9, 30);
const ID = "0B0E6A55-2C4D-4E8F-9A1B-3C5D7E9F1A2B";
const col = (name: string) => COLUMNS.indexOf(name as (typeof COLUMNS)[number]);
const line = (event: Record<string, unknown>, receivedAt: unknown = T + 2000) =>
  JSON.stringify({
    event: { eventId: ID, eventName: "product_view", timestamp: T, clientId: "c-1", sessionId: "s-1", ...event },
    receivedAt,
  });

describe("toCopyText", () => {
  const text = col("page_url");
  test("tab, newline, carriage return and backslash are escaped for COPY text format", () => {
    expect(toCopyText("a\tb\nc\rd\\e", text)).toBe("a\\tb\\nc\\rd\\\\e");
  });
  test("null and undefined are \\N; booleans are t/f; other values as text", () => {
    expect(toCopyText(null, text)).toBe("\\N");
    expect(toCopyText(undefined, text)).toBe("\\N");
    expect(toCopyText(true, col("is_first_visit"))).toBe("t");
    expect(toCopyText(false, col("is_first_visit"))).toBe("f");
    expect(toCopyText(12.5, col("product_price"))).toBe("12.5");
  });
  test("timestamp columns (epoch ms in a row) become ISO instants", () => {
    expect(toCopyText(T, col("event_timestamp"))).toBe("2026-11-20T09:30:00.000Z");
    expect(toCopyText(T, col("received_at"))).toBe("2026-11-20T09:30:00.000Z");
  });
  test("rows become tab-separated lines, one per row, newline-terminated", () => {
    const row: unknown[] = COLUMNS.map(() => null);
    row[0] = "x\ty";
    expect(toCopyData([row, row])).toBe(`${["x\\ty", ...COLUMNS.slice(1).map(() => "\\N")].join("\t")}\n`.repeat(2));
  });
});

describe("toWarehouseRow", () => {
  test("maps an event and its receive time onto the warehouse columns", () => {
    const row = toWarehouseRow(
      line({
        userId: "u-1",
        userLoginState: "logged_in",
        isFirstVisit: true,
        seq: 7,
        pageUrl: "https://shop.example/p",
        product: { id: "p1", name: "Shoe", category: "shoes", brand: "b", price: 10, discountPrice: 8 },
      }),
    );
    expect(row).toHaveLength(COLUMNS.length);
    expect(row[COL.id]).toBe(ID.toLowerCase());
    expect(row[COL.ts]).toBe(T);
    expect(row[col("received_at")]).toBe(T + 2000);
    expect(row[COL.session]).toBe("s-1");
    expect(row[COL.user]).toBe("u-1");
    expect(row[COL.login]).toBe("logged_in");
    expect(row[COL.firstVisit]).toBe(true);
    expect(row[COL.category]).toBe("shoes");
    expect(row[COL.discount]).toBe(8);
    expect(row[col("client_seq")]).toBe(7);
    expect(row[col("referrer")]).toBeNull();
    expect(row[col("user_agent")]).toBeNull();
  });

  test("keeps the user agent ingest received (at most 512 characters)", () => {
    const ua = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    const withUa = (userAgent: string) =>
      toWarehouseRow(JSON.stringify({ ...JSON.parse(line({})), userAgent }))[col("user_agent")];
    expect(withUa(ua)).toBe(ua);
    expect(withUa("x".repeat(600))).toBe("x".repeat(512));
  });
  test("an unusable line is refused with its reason", () => {
    expect(() => toWarehouseRow("{not json")).toThrow("the line is not JSON");
    expect(() => toWarehouseRow(line({}, "later"))).toThrow("not a raw event line (no receive time)");
    expect(() => toWarehouseRow(line({ eventName: "Bad Name" }))).toThrow(/eventName: snake_case event name/);
    expect(() => toWarehouseRow(`${"[".repeat(200)}${"]".repeat(200)}`)).toThrow(/nests too deeply/);
  });
});

test("computeEventSpan: earliest and latest event time, null for no rows", () => {
  const at = (ms: number) =>
    Object.assign(
      COLUMNS.map(() => null as unknown),
      { [COL.ts]: ms },
    );
  expect(computeEventSpan([at(5), at(2), at(9)])).toEqual({ min: 2, max: 9 });
  expect(computeEventSpan([])).toBeNull();
});
