import fs from "node:fs";
import { describe, expect, test } from "vitest";
import { loadEnv } from "@/lib/env";
import * as applicationReviewHandlers from "@/lib/handlers/workflows/application-review";
import * as incidentHandlers from "@/lib/handlers/workflows/incident-response";
import { aslPath, localArns, placeholdersOf, readAsl, renderAsl, taskStates } from "@/lib/workflows/definitions";
import {
  appWorkflowPolicy,
  guardDutyFindingPattern,
  incidentResponderPolicy,
  invokeOnlyPolicy,
  type PolicyDocument,
  RESOURCE_WILDCARD_ALLOWED,
} from "./policies";
import { definitionFor, exportFor, STATE_MACHINES } from "./workflows";

const placeholders = (wf: keyof typeof STATE_MACHINES) => placeholdersOf(readAsl(wf));

const HANDLER_MODULES: Record<string, unknown> = {
  "lib/handlers/workflows/application-review": applicationReviewHandlers,
  "lib/handlers/workflows/incident-response": incidentHandlers,
};
const MACHINES = Object.keys(STATE_MACHINES) as (keyof typeof STATE_MACHINES)[];

describe.each(MACHINES)("state machine %s", (wf) => {
  test("is deployed from the repo's ASL file, every placeholder served by an exported handler", () => {
    expect(aslPath(wf)).toMatch(new RegExp(`workflows/${wf}\\.asl\\.json$`));
    expect(placeholders(wf).length).toBeGreaterThan(0);
    const mod = HANDLER_MODULES[STATE_MACHINES[wf]] as Record<string, unknown>;
    for (const p of placeholders(wf)) expect(typeof mod[exportFor(p)], `${p} → ${exportFor(p)}`).toBe("function");
    const arns = Object.fromEntries(
      placeholders(wf).map((k) => [k, `arn:aws:lambda:eu-west-1:111122223333:function:${k}`]),
    );
    expect(JSON.parse(definitionFor(wf, arns))).toEqual(renderAsl(wf, arns));
  });

  test("its role may invoke exactly the functions its Task states call, nothing more", () => {
    const arns = Object.fromEntries(
      placeholders(wf).map((k) => [k, `arn:aws:lambda:eu-west-1:111122223333:function:${k}`]),
    );
    const def = JSON.parse(definitionFor(wf, arns)) as Parameters<typeof taskStates>[0];
    // Task states carry the function in Parameters.FunctionName (walk Parallel branches too).
    const called = new Set<string>();
    const walk = (
      states: Record<string, { Type: string; Parameters?: { FunctionName?: string }; Branches?: { States: never }[] }>,
    ) => {
      for (const s of Object.values(states)) {
        if (s.Type === "Task" && s.Parameters?.FunctionName) called.add(s.Parameters.FunctionName);
        for (const b of s.Branches ?? []) walk(b.States);
      }
    };
    walk(def.States as never);
    expect(taskStates(def).length).toBe(called.size);
    const policy = invokeOnlyPolicy(Object.values(arns));
    const allowed = new Set(policy.Statement.flatMap((s) => s.Resource).filter((r) => !r.endsWith(":*")));
    expect(allowed).toEqual(called);
    expect(policy.Statement.flatMap((s) => s.Action)).toEqual(["lambda:InvokeFunction"]);
  });
});

test("the infra module keeps no inline copy of a definition", () => {
  expect(fs.readFileSync("infra/workflows.ts", "utf8")).not.toMatch(/"States"\s*:/);
  // The local engine renders the same files.
  for (const wf of MACHINES) expect(Object.keys(localArns(wf)).sort()).toEqual(placeholders(wf));
});

/** `new DescribeInstancesCommand(` in a source file → `ec2:DescribeInstances`, by the client package imported. */
function sdkActions(file: string): string[] {
  const src = fs.readFileSync(file, "utf8");
  const prefixOf: Record<string, string> = {
    "client-ec2": "ec2",
    "client-auto-scaling": "autoscaling",
    "client-ssm": "ssm",
    "client-iam": "iam",
    "client-sesv2": "ses",
    "client-s3": "s3",
  };
  const imports = [...src.matchAll(/import \{([^}]+)\} from "@aws-sdk\/([a-z0-9-]+)"/g)];
  return [...src.matchAll(/new (\w+)Command\(/g)].map((m) => {
    const pkg = imports.find((i) => i[1]?.includes(`${m[1]}Command`))?.[2] ?? "?";
    return `${prefixOf[pkg] ?? pkg}:${m[1]}`;
  });
}

const checkWildcards = (p: PolicyDocument) => {
  for (const s of p.Statement) {
    for (const a of s.Action) expect(a, "no wildcard actions").not.toMatch(/\*/);
    if (s.Resource.includes("*"))
      for (const a of s.Action)
        expect(RESOURCE_WILDCARD_ALLOWED[a], `${a} on "*" needs a documented reason`).toBeTruthy();
  }
};

describe("incident responder policy", () => {
  const policy = incidentResponderPolicy({
    account: "111122223333",
    region: "eu-west-1",
    evidenceBucket: "sightline-evidence",
  });
  const allowed = new Set(policy.Statement.flatMap((s) => s.Action));

  test("allows exactly the calls the AWS adapters make (plus reading evidence back), nothing more", () => {
    const used = new Set([
      ...fs
        .readdirSync("lib/adapters/aws/cloud-controls")
        .flatMap((f) => sdkActions(`lib/adapters/aws/cloud-controls/${f}`)),
      ...sdkActions("lib/adapters/aws/ses-email.ts"),
      "s3:GetObject",
      // CreateSecurityGroup / CreateSnapshot with TagSpecifications need CreateTags on create.
      "ec2:CreateTags",
    ]);
    expect(used.has("ec2:ModifyNetworkInterfaceAttribute")).toBe(true);
    expect(allowed).toEqual(used);
  });

  test("no wildcard action; '*' resources only where AWS requires them", () => {
    checkWildcards(policy);
    checkWildcards(appWorkflowPolicy(["arn:aws:states:eu-west-1:111122223333:stateMachine:IncidentResponse"]));
    expect(JSON.stringify(policy)).not.toContain("111122223333:*");
  });

  test("quarantine groups are shaped only when the app tagged them", () => {
    const shape = policy.Statement.find((s) => s.Action.includes("ec2:RevokeSecurityGroupEgress"));
    expect(shape?.Condition?.StringLike?.["aws:ResourceTag/sightline:quarantine"]).toEqual(["transition", "isolation"]);
  });
});

test("the EventBridge rule starts incident response at the same threshold the local dispatcher uses", () => {
  const threshold = loadEnv({}).SIGHTLINE_INCIDENT_THRESHOLD;
  expect(guardDutyFindingPattern(threshold)).toEqual({
    source: ["aws.guardduty"],
    "detail-type": ["GuardDuty Finding"],
    detail: { severity: [{ numeric: [">=", 7] }] },
  });
});
