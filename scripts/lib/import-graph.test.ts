import { describe, expect, test } from "vitest";
import { findLoops } from "./import-graph";

describe("findLoops", () => {
  test("a chain without a way back has no loop", () => {
    expect(
      findLoops(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", []],
        ]),
      ),
    ).toEqual([]);
  });

  test("two files importing each other, and a longer circle, are one loop each", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["a"]],
      ["c", ["d"]],
      ["d", ["e"]],
      ["e", ["c", "a"]],
    ]);
    expect(findLoops(graph).sort()).toEqual([
      ["a", "b"],
      ["c", "d", "e"],
    ]);
  });

  test("a file importing itself is not reported as a loop of files", () => {
    expect(findLoops(new Map([["a", ["a"]]]))).toEqual([]);
  });
});
