import { expect, test } from "vitest";
import { ROLES } from "@/lib/schemas/auth";
import { ROLE_GROUPS } from "./roles";

test("the Cognito groups infra creates are exactly the app's roles", () => {
  expect(ROLE_GROUPS.map((g) => g.name)).toEqual([...ROLES]);
});
