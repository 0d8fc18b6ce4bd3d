import { expect } from "vitest";

/**
 * One report's answers from Postgres and from the columnar copy: each says which engine answered,
 * and the answers are identical but for how each explains itself. Returns the columnar one.
 */
export function expectSameAnswer<T extends { explain: { path: string } }>(
  warehouse: T,
  columnar: T,
  warehousePath = "warehouse",
): T {
  expect(warehouse.explain.path).toBe(warehousePath);
  expect(columnar.explain.path).toBe("columnar");
  const { explain: _a, ...a } = warehouse;
  const { explain: _b, ...b } = columnar;
  expect(b).toEqual(a);
  return columnar;
}
