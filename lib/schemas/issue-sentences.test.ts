import { expect, test } from "vitest";
import { z } from "zod";
import { describeAllIssues, fieldLabel } from "./issue-sentences";

const messageFor = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected the input to be refused");
  return describeAllIssues(r.error.issues);
};

test("a field's code name becomes the name people know it by", () => {
  expect(fieldLabel(["findingType"])).toBe("Finding type");
  expect(fieldLabel(["accountId"])).toBe("Account ID");
  expect(fieldLabel(["source_ip"])).toBe("Source IP");
  expect(fieldLabel(["steps", 2, "event"])).toBe("Event (item 3)");
  expect(fieldLabel([])).toBe("The request");
});

test("zod's own wording is replaced by a sentence naming the field", () => {
  const Form = z.strictObject({
    findingType: z.string().min(1),
    note: z.string().max(5).optional(),
    limit: z.number().int().min(1).max(500).optional(),
    status: z.enum(["new", "resolved"]).optional(),
    email: z.email().optional(),
    tags: z.array(z.string()).min(1).optional(),
  });
  expect(messageFor(Form, { findingType: "" })).toBe("Finding type is required.");
  expect(messageFor(Form, {})).toBe("Finding type is required.");
  expect(messageFor(Form, { findingType: 3 })).toBe("Finding type must be text.");
  expect(messageFor(Form, { findingType: "x", note: "too long" })).toBe("Note must be at most 5 characters.");
  expect(messageFor(Form, { findingType: "x", limit: 900 })).toBe("Limit must be at most 500.");
  expect(messageFor(Form, { findingType: "x", status: "open" })).toBe("Status must be one of “new”, “resolved”.");
  expect(messageFor(Form, { findingType: "x", email: "bob" })).toBe("Email must be an email address.");
  expect(messageFor(Form, { findingType: "x", tags: [] })).toBe("Choose at least 1 item for tags.");
  expect(messageFor(Form, { findingType: "x", colour: "red" })).toBe("There is no field called “colour” here.");
});

test("a schema's own sentence is kept as written, without the field's code name in front", () => {
  const Form = z.object({ reason: z.string().min(1, "Say why these findings are hidden") });
  expect(messageFor(Form, { reason: "" })).toBe("Say why these findings are hidden.");
});

test("a schema's predicate follows the field's name", () => {
  const Form = z.object({ from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written yyyy-mm-dd") });
  expect(messageFor(Form, { from: "soon" })).toBe("From must be a date written yyyy-mm-dd.");
});

test("a schema's short phrase gets the field's name in front", () => {
  const Form = z.object({
    password: z.string().min(12, "at least 12 characters"),
    name: z.string().min(1, "required"),
  });
  expect(messageFor(Form, { password: "short", name: "" })).toBe("Password: at least 12 characters. Name is required.");
});

test("no sentence carries zod's wording or a code name", () => {
  const Form = z.object({ findingType: z.string().min(1), count: z.number() });
  const text = messageFor(Form, { findingType: "", count: "many" });
  expect(text).not.toMatch(/findingType|Too small|Invalid input|expected/);
});
