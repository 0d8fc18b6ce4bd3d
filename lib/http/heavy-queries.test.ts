import { describe, expect, test } from "vitest";
import { HeavyQuerySlots } from "./heavy-queries";

const gate = () => {
  let open: () => void = () => {};
  const p = new Promise<void>((r) => {
    open = r;
  });
  return { p, open };
};

describe("HeavyQuerySlots", () => {
  test("a third report from one person while two run is refused with 429; others are not affected", async () => {
    const slots = new HeavyQuerySlots(2);
    const g = gate();
    const a = slots.run("ana", () => g.p);
    const b = slots.run("ana", () => g.p);
    await expect(slots.run("ana", async () => 1)).rejects.toMatchObject({ code: "rate_limited" });
    await expect(slots.run("bo", async () => 2)).resolves.toBe(2);
    g.open();
    await Promise.all([a, b]);
    expect(slots.runningFor("ana")).toBe(0);
    await expect(slots.run("ana", async () => 3)).resolves.toBe(3);
  });

  test("a failed report gives its slot back", async () => {
    const slots = new HeavyQuerySlots(1);
    await expect(
      slots.run("ana", async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(slots.runningFor("ana")).toBe(0);
  });
});
