import { describe, expect, test } from "vitest";
import { shapePaths } from "./paths";
import type { PathRow } from "./paths-sql";

const row = (step: number, name: string, next: string | null, sessions: number, ended = next === null ? 1 : 0) => ({
  step,
  name,
  next,
  ended,
  sessions,
});

describe("paths diagram from the engine's transitions", () => {
  const rows: PathRow[] = [
    row(1, "a", "b", 5),
    row(1, "a", "c", 2),
    row(1, "a", "d", 1),
    row(1, "a", null, 2),
    row(2, "b", "x", 5),
    row(2, "c", "x", 2),
    row(2, "d", "x", 1),
    row(3, "x", null, 8),
  ];

  test("events past the top ones of a step become one 'other' node, and their links add up", () => {
    const r = shapePaths({ direction: "start", maxNodes: 1 }, rows);
    expect(r.sessions).toBe(10);
    expect(r.nodes.map((n) => `${n.id} ${n.sessions}/${n.dropOff}`)).toEqual([
      "1:a 10/2",
      "2:b 5/0",
      "2:(other) 3/0",
      "3:x 8/8",
    ]);
    expect(r.links).toEqual([
      { source: "1:a", target: "2:b", sessions: 5 },
      { source: "2:b", target: "3:x", sessions: 5 },
      { source: "1:a", target: "2:(other)", sessions: 3 },
      { source: "2:(other)", target: "3:x", sessions: 3 },
    ]);
  });

  test("ending at an event, links point from the earlier step to the later one", () => {
    const r = shapePaths({ direction: "end", maxNodes: 8 }, rows);
    expect(r.links[0]).toEqual({ source: "2:b", target: "1:a", sessions: 5 });
    expect(r.nodes.filter((n) => n.step === 2).map((n) => n.event)).toEqual(["b", "c", "d"]);
  });

  test("no rows, no diagram", () => {
    expect(shapePaths({ direction: "start", maxNodes: 8 }, [])).toEqual({ sessions: 0, nodes: [], links: [] });
  });
});
