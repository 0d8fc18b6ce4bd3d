import fs from "node:fs";
import { expect, test } from "vitest";
import * as appHandlers from "@/lib/handlers/workflows/application-review";
import { placeholdersOf, readAsl, renderAsl } from "@/lib/workflows/definitions";
import { APPLICATION_REVIEW_FUNCTIONS, aslFile, definitionFor } from "./workflows";

test("infra deploys the repo's ASL file itself, with every placeholder bound to a handler export", () => {
  expect(aslFile("application-review")).toMatch(/workflows\/application-review\.asl\.json$/);
  const source = fs.readFileSync("infra/workflows.ts", "utf8");
  expect(source).not.toMatch(/"States"\s*:/); // no inline copy of a definition
  expect(Object.keys(APPLICATION_REVIEW_FUNCTIONS).sort()).toEqual(placeholdersOf(readAsl("application-review")));
  for (const exportName of Object.values(APPLICATION_REVIEW_FUNCTIONS)) {
    expect(typeof (appHandlers as Record<string, unknown>)[exportName]).toBe("function");
  }
  const arns = Object.fromEntries(
    Object.keys(APPLICATION_REVIEW_FUNCTIONS).map((k) => [k, `arn:aws:lambda:eu-west-1:111122223333:function:${k}`]),
  );
  expect(JSON.parse(definitionFor("application-review", arns))).toEqual(renderAsl("application-review", arns));
});
