import fs from "node:fs";
import { describe, expect, test } from "vitest";
import * as clickstreamEtl from "@/lib/handlers/clickstream-etl";
import * as collect from "@/lib/handlers/collect";
import * as findingDispatch from "@/lib/handlers/finding-dispatch";
import * as lakeEtl from "@/lib/handlers/lake-etl";
import * as migrateFn from "@/lib/handlers/migrate";
import * as submitApplication from "@/lib/handlers/submit-application";
import { alarmSpecs } from "./alarms";
import { bucketEncryption, bucketPolicy, bucketSpecs, keyPolicy, LOG_WRITERS, PUBLIC_ACCESS_BLOCK } from "./buckets";
import { GATEWAY_ENDPOINTS, INTERFACE_ENDPOINTS, INTERNET_EGRESS, NO_ENDPOINT, natFor } from "./endpoints";
import { DATABASE_TLS_ENV, FUNCTIONS, incidentLakePolicy, type StackRefs, webPolicy } from "./functions";
import {
  incidentResponderPolicy,
  type PolicyDocument,
  RESOURCE_WILDCARD_ALLOWED,
  startExecutionPolicy,
  stateMachineLoggingPolicy,
  toPermissions,
} from "./policies";
import { SUPPORTED_REGIONS, stageSettings } from "./stage";
import { wafRules } from "./waf";

const REFS: StackRefs = {
  account: "111122223333",
  region: "eu-west-1",
  buckets: {
    RawLogs: "raw-b",
    ProcessedLake: "lake-b",
    ClickstreamRaw: "cs-b",
    Evidence: "ev-b",
    AthenaResults: "ath-b",
  },
  kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/k",
  glueDatabase: "sightline_prod",
  athenaWorkgroup: "sightline-prod",
  stateMachines: {
    applicationReview: "arn:aws:states:eu-west-1:111122223333:stateMachine:ApplicationReview",
    incidentResponse: "arn:aws:states:eu-west-1:111122223333:stateMachine:IncidentResponse",
    incidentRelease: "arn:aws:states:eu-west-1:111122223333:stateMachine:IncidentRelease",
  },
  dlqArns: {
    lake: "arn:aws:sqs:eu-west-1:111122223333:lake-dlq",
    clickstream: "arn:aws:sqs:eu-west-1:111122223333:clickstream-dlq",
  },
};

/** IAM actions for the SDK commands an adapter file sends (S3's irregular names mapped). */
const S3_ACTION: Record<string, string> = { DeleteObjects: "DeleteObject", ListObjectsV2: "ListBucket" };
const PREFIX: Record<string, string> = {
  "client-s3": "s3",
  "client-glue": "glue",
  "client-athena": "athena",
  "client-sfn": "states",
  "client-sesv2": "ses",
};
function adapterActions(adapter: string): string[] {
  const src = fs.readFileSync(`lib/adapters/aws/${adapter}.ts`, "utf8");
  const pkg = /from "@aws-sdk\/(client-[a-z0-9-]+)"/.exec(src)?.[1] ?? "";
  return [...new Set([...src.matchAll(/new (\w+)Command\(/g)].map((m) => m[1] as string))].map((c) =>
    pkg === "client-s3" ? `s3:${S3_ACTION[c] ?? c}` : `${PREFIX[pkg]}:${c}`,
  );
}

/** Every function may use the stack's KMS key and write to its DLQ. */
/** Actions a function needs without sending them itself: KMS for SSE-KMS objects, SQS for its failure destination, S3's bucket location for Athena. */
const BASELINE = new Set(["kms:Decrypt", "kms:GenerateDataKey", "sqs:SendMessage", "s3:GetBucketLocation"]);

function checkPolicy(p: PolicyDocument, name: string) {
  for (const s of p.Statement.filter((x) => x.Effect === "Allow")) {
    for (const a of s.Action) expect(a, `${name}: wildcard action`).not.toMatch(/\*/);
    if (s.Resource.some((r) => r === "*"))
      for (const a of s.Action)
        expect(RESOURCE_WILDCARD_ALLOWED[a], `${name}: ${a} on "*" without a documented reason`).toBeTruthy();
    for (const r of s.Resource)
      expect(r, `${name}: account-wide wildcard`).not.toMatch(/^arn:aws:[a-z0-9-]+:[a-z0-9-]*:\d*:\*$/);
  }
}

describe("buckets", () => {
  const specs = bucketSpecs(stageSettings("production", {}));
  test("the five buckets exist: raw logs, processed lake, clickstream raw, evidence, Athena results", () => {
    expect(specs.map((b) => b.id).sort()).toEqual([
      "AthenaResults",
      "ClickstreamRaw",
      "Evidence",
      "ProcessedLake",
      "RawLogs",
    ]);
  });

  test.each(specs.map((s) => [s.id, s] as const))(
    "%s: KMS with the stack key, public access blocked, TLS-only policy",
    (_id, spec) => {
      const enc = bucketEncryption(REFS.kmsKeyArn).rules[0]?.applyServerSideEncryptionByDefault;
      expect(enc).toEqual({ sseAlgorithm: "aws:kms", kmsMasterKeyId: REFS.kmsKeyArn });
      expect(Object.values(PUBLIC_ACCESS_BLOCK).every(Boolean)).toBe(true);
      expect(Object.keys(PUBLIC_ACCESS_BLOCK).sort()).toEqual([
        "blockPublicAcls",
        "blockPublicPolicy",
        "ignorePublicAcls",
        "restrictPublicBuckets",
      ]);
      const arn = `arn:aws:s3:::${spec.id.toLowerCase()}`;
      const tls = bucketPolicy(arn, REFS.kmsKeyArn).Statement.find(
        (s) => s.Condition?.Bool?.["aws:SecureTransport"] === "false",
      );
      expect(tls).toMatchObject({ Effect: "Deny", Principal: "*", Action: ["s3:*"], Resource: [arn, `${arn}/*`] });
    },
  );

  test("lifecycles: raw logs to infrequent access then expiry; Athena results expire; evidence keeps versions", () => {
    const by = Object.fromEntries(specs.map((s) => [s.id, s]));
    const raw = by.RawLogs?.lifecycle[0];
    expect(raw?.transitions[0]?.storageClass).toBe("STANDARD_IA");
    expect(raw?.expirationDays).toBeGreaterThan(raw?.transitions[0]?.days ?? 0);
    expect(by.AthenaResults?.lifecycle[0]?.expirationDays).toBeLessThanOrEqual(30);
    expect(by.Evidence?.versioning).toBe(true);
    expect(by.Evidence?.lifecycle).toEqual([]);
  });

  test("infra/storage.ts applies exactly these settings to every bucket", () => {
    const src = fs.readFileSync("infra/storage.ts", "utf8");
    expect(src).toMatch(/bucketSpecs\(settings\)\.map/);
    for (const fn of ["bucketEncryption(", "PUBLIC_ACCESS_BLOCK", "bucketPolicy(", "enableKeyRotation: true"])
      expect(src).toContain(fn);
  });
});

const HANDLERS: Record<string, Record<string, unknown>> = {
  "lib/handlers/lake-etl": lakeEtl,
  "lib/handlers/collect": collect,
  "lib/handlers/clickstream-etl": clickstreamEtl,
  "lib/handlers/finding-dispatch": findingDispatch,
  "lib/handlers/submit-application": submitApplication,
  "lib/handlers/migrate": migrateFn,
};

describe.each(FUNCTIONS.map((f) => [f.id, f] as const))("function %s", (_id, spec) => {
  test("its handler exists and exports the function", () => {
    const [file, exp] = [
      spec.handler.slice(0, spec.handler.lastIndexOf(".")),
      spec.handler.slice(spec.handler.lastIndexOf(".") + 1),
    ];
    expect(fs.existsSync(`${file}.ts`)).toBe(true);
    expect(typeof HANDLERS[file]?.[exp as string]).toBe("function");
  });

  test("its policy allows exactly the calls it makes (each one our AWS adapters really send), no wildcard outside the allow-list", () => {
    const p = spec.policy(REFS);
    checkPolicy(p, spec.id);
    const sent = new Set(
      ["s3-object-store", "glue-catalog", "athena-lake-query", "sfn-workflow-engine", "ses-email"].flatMap(
        adapterActions,
      ),
    );
    for (const c of spec.calls) expect(sent, `${spec.id}: ${c} is not a call the adapters make`).toContain(c);
    const allowed = new Set(p.Statement.flatMap((s) => s.Action).filter((a) => !BASELINE.has(a)));
    expect(allowed).toEqual(new Set(spec.calls));
  });
});

test("files a function reads at run time are copied next to its bundle", () => {
  const migrate = FUNCTIONS.find((f) => f.id === "Migrate");
  expect(migrate?.copyFiles).toEqual([{ from: migrateFn.MIGRATIONS_PATH, to: migrateFn.MIGRATIONS_PATH }]);
  expect(fs.readdirSync(migrateFn.MIGRATIONS_PATH).filter((f) => f.endsWith(".sql")).length).toBeGreaterThan(8);
  expect(fs.readFileSync("next.config.js", "utf8")).toContain("./workflows/*.asl.json");
});

test("the web server's policy: Athena, the lake, its state machines and task tokens, nothing account-wide", () => {
  const p = webPolicy(REFS);
  checkPolicy(p, "web");
  const allowed = new Set(p.Statement.flatMap((s) => s.Action));
  for (const a of [...adapterActions("athena-lake-query"), ...adapterActions("sfn-workflow-engine")])
    expect(allowed).toContain(a);
  checkPolicy(
    incidentResponderPolicy({ account: REFS.account, region: REFS.region, evidenceBucket: "ev-b" }),
    "responder",
  );
  checkPolicy(stateMachineLoggingPolicy(), "state machine logging");
  checkPolicy(startExecutionPolicy(REFS.stateMachines.incidentResponse), "eventbridge start");
});

test("no IAM document is written inline in the SST modules: they all come from the checked producers", () => {
  const producers = new Set(["policies.ts", "functions.ts", "buckets.ts"]);
  for (const f of fs
    .readdirSync("infra")
    .filter((x) => x.endsWith(".ts") && !x.endsWith(".test.ts") && !producers.has(x)))
    expect(fs.readFileSync(`infra/${f}`, "utf8"), f).not.toMatch(/Statement:\s*\[|"Action"|Action:\s*"/);
  expect(fs.readFileSync("sst.config.ts", "utf8")).not.toMatch(/Statement:\s*\[/);
});

test("in-VPC functions reach every AWS API they call without a NAT (or the gap is documented)", () => {
  const CLIENT_OF: Record<string, string> = Object.fromEntries(Object.entries(PREFIX).map(([c, p]) => [p, c]));
  const fromCalls = FUNCTIONS.filter((f) => f.vpc).flatMap((f) =>
    f.calls.map((c) => CLIENT_OF[c.split(":")[0] as string] as string),
  );
  // Incident task functions (cloud controls + Athena) and the web server (Athena, Step Functions) run in the VPC too.
  const fromSources = ["aws-cloud-controls", "athena-lake-query", "sfn-workflow-engine", "ses-email"].flatMap((a) =>
    [...fs.readFileSync(`lib/adapters/aws/${a}.ts`, "utf8").matchAll(/@aws-sdk\/(client-[a-z0-9-]+)/g)].map(
      (m) => m[1] as string,
    ),
  );
  const clients = new Set([...fromCalls, ...fromSources]);
  expect(clients).toContain("client-iam");
  for (const c of clients)
    expect(
      INTERFACE_ENDPOINTS[c] ?? (GATEWAY_ENDPOINTS as Record<string, string>)[c] ?? NO_ENDPOINT[c],
      c,
    ).toBeTruthy();
});

test("WAF: AWS managed common and known-bad-inputs rule sets, then a per-IP rate limit", () => {
  const rules = wafRules(2000);
  expect(rules.map((r) => r.name)).toEqual([
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
    "PerIpRateLimit",
  ]);
  expect(rules[2]?.statement).toEqual({ rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } });
  expect(new Set(rules.map((r) => r.priority)).size).toBe(3);
});

test("alarms cover every function's errors and throttles, every DLQ, every state machine, ETL lag and API 5xx", () => {
  const a = alarmSpecs({
    functions: Object.fromEntries(FUNCTIONS.map((f) => [f.id, `fn-${f.id}`])),
    queues: { LakeEtlDlq: "q1", ClickstreamEtlDlq: "q2" },
    stateMachines: { IncidentResponse: REFS.stateMachines.incidentResponse },
    apiId: "api1",
  });
  const names = a.map((x) => x.name);
  for (const f of FUNCTIONS) expect(names).toEqual(expect.arrayContaining([`${f.id}-errors`, `${f.id}-throttles`]));
  expect(names).toEqual(
    expect.arrayContaining([
      "LakeEtlDlq-depth",
      "ClickstreamEtlDlq-depth",
      "IncidentResponse-failed",
      "clickstream-etl-lag",
      "collect-api-5xx",
    ]),
  );
  expect(a.every((x) => x.treatMissingData === "notBreaching" && x.why.length > 5)).toBe(true);
});

test("stages: production requires MFA and keeps data; supported regions are listed", () => {
  expect(stageSettings("production", {})).toMatchObject({ production: true, mfa: "on" });
  expect(stageSettings("dev", {})).toMatchObject({ production: false, mfa: "optional" });
  expect(SUPPORTED_REGIONS).toContain("us-east-1");
  const readme = fs.readFileSync("README.md", "utf8");
  for (const r of SUPPORTED_REGIONS) expect(readme).toContain(r);
});

describe("what SST deploys from these specs", () => {
  test("a policy becomes SST permissions statement for statement, conditions included", () => {
    const doc = incidentResponderPolicy({ account: REFS.account, region: REFS.region, evidenceBucket: "ev-b" });
    const perms = toPermissions(doc);
    expect(perms).toHaveLength(doc.Statement.length);
    for (const [i, s] of doc.Statement.entries()) {
      expect(perms[i]).toMatchObject({ effect: s.Effect.toLowerCase(), actions: s.Action, resources: s.Resource });
      const conditions = Object.entries(s.Condition ?? {}).flatMap(([test, vars]) =>
        Object.entries(vars).map(([variable, v]) => ({ test, variable, values: Array.isArray(v) ? v : [v] })),
      );
      expect(perms[i]?.conditions ?? []).toEqual(conditions);
    }
    expect(perms.some((p) => p.conditions?.length)).toBe(true);
  });

  test("every function with a failure destination may send to exactly that queue", () => {
    const withDlq = FUNCTIONS.filter((f) => f.dlq);
    expect(withDlq.map((f) => [f.id, f.dlq])).toEqual([
      ["LakeEtl", "lake"],
      ["ClickstreamEtl", "clickstream"],
    ]);
    for (const f of FUNCTIONS) {
      const sends = f.policy(REFS).Statement.filter((s) => s.Action.includes("sqs:SendMessage"));
      expect(
        sends.flatMap((s) => s.Resource),
        f.id,
      ).toEqual(f.dlq ? [REFS.dlqArns[f.dlq]] : []);
    }
    // And the infra wires each function's failure destination to that same queue.
    expect(fs.readFileSync("infra/clickstream.ts", "utf8")).toMatch(/onFailure: \{ destination: o\.dlq\.arn \}/);
    expect(fs.readFileSync("sst.config.ts", "utf8")).toMatch(/clickstream\(\{[^}]*dlq: clickstreamDlq/);
    expect(fs.readFileSync("sst.config.ts", "utf8")).toMatch(/etl: fns\.LakeEtl,\s*dlq: lakeDlq/);
  });

  test("Athena may locate the results and lake buckets (it calls GetBucketLocation for the caller)", () => {
    for (const p of [webPolicy(REFS), incidentLakePolicy(REFS)]) {
      const s = p.Statement.find((x) => x.Action.includes("s3:GetBucketLocation"));
      expect(s?.Resource.sort()).toEqual(["arn:aws:s3:::ath-b", "arn:aws:s3:::lake-b"]);
    }
  });

  test("the clickstream ETL installs DuckDB (it writes the columnar copy) and may write only under clickstream/ of the lake", () => {
    const etl = FUNCTIONS.find((f) => f.id === "ClickstreamEtl");
    expect(etl?.install).toEqual(expect.arrayContaining(["@duckdb/node-api", "@duckdb/node-bindings"]));
    const writes = etl?.policy(REFS).Statement.filter((s) => s.Action.includes("s3:PutObject"));
    expect(writes?.flatMap((s) => s.Resource)).toEqual([`arn:aws:s3:::${REFS.buckets.ProcessedLake}/clickstream/*`]);
  });

  test("the clickstream ETL may delete the copy's files it compacts and the summaries it replaces, and nothing else", () => {
    const etl = FUNCTIONS.find((f) => f.id === "ClickstreamEtl");
    expect(etl?.calls).toContain("s3:DeleteObject");
    const deletes = etl?.policy(REFS).Statement.filter((s) => s.Action.includes("s3:DeleteObject"));
    expect(deletes?.flatMap((s) => s.Resource)).toEqual([
      `arn:aws:s3:::${REFS.buckets.ProcessedLake}/clickstream/events/*`,
      `arn:aws:s3:::${REFS.buckets.ProcessedLake}/clickstream/sessions/*`,
    ]);
  });

  test("DuckDB's native addon is installed into the lake ETL bundle, not bundled", () => {
    const etl = FUNCTIONS.find((f) => f.id === "LakeEtl");
    expect(etl?.install).toEqual(expect.arrayContaining(["@duckdb/node-api", "@duckdb/node-bindings"]));
    expect(fs.readFileSync("sst.config.ts", "utf8")).toContain("install: spec.install");
  });

  test("everything that reaches the database loads the RDS CA (Lambda's Node 20+ no longer does by default)", () => {
    expect(DATABASE_TLS_ENV).toEqual({ NODE_EXTRA_CA_CERTS: "/var/runtime/ca-cert.pem" });
    // The shared environment every function, task function and the web server receive starts with it.
    expect(fs.readFileSync("sst.config.ts", "utf8")).toMatch(/const environment = \{\s*\.\.\.DATABASE_TLS_ENV,/);
  });
});

test("the stack key lets CloudTrail, VPC Flow Logs and GuardDuty write into the SSE-KMS raw bucket, for this account only", () => {
  const p = keyPolicy(REFS.account);
  const admin = p.Statement.find((s) => s.Principal && typeof s.Principal === "object" && "AWS" in s.Principal);
  expect(admin?.Principal).toEqual({ AWS: `arn:aws:iam::${REFS.account}:root` });
  for (const service of Object.values(LOG_WRITERS)) {
    const s = p.Statement.find(
      (x) =>
        x.Principal && typeof x.Principal === "object" && (x.Principal as Record<string, string>).Service === service,
    );
    expect(s?.Effect, service).toBe("Allow");
    expect(
      s?.Action.some((a) => a.startsWith("kms:GenerateDataKey")),
      service,
    ).toBe(true);
    expect(s?.Condition?.StringEquals?.["aws:SourceAccount"], service).toBe(REFS.account);
    expect(
      s?.Action.some((a) => a === "kms:Decrypt" || a === "kms:*"),
      service,
    ).toBe(false);
  }
  expect(fs.readFileSync("infra/storage.ts", "utf8")).toContain("JSON.stringify(keyPolicy(account))");
});

test("what only the internet serves gets a route in every stage: a NAT instance, a NAT gateway in production", () => {
  // The web server verifies Cognito tokens with the pool's JWKS, the dispatcher posts to Slack and
  // Telegram, containment calls IAM: all from inside the VPC, none behind a VPC endpoint.
  expect(Object.keys(INTERNET_EGRESS).sort()).toEqual(["FindingDispatch", "IncidentResponse", "Web"]);
  for (const fn of ["FindingDispatch"]) expect(FUNCTIONS.find((f) => f.id === fn)?.vpc, fn).toBe(true);
  expect(fs.readFileSync("infra/web.ts", "utf8")).toMatch(/vpc: o\.vpc/);
  expect(natFor(false)).toBe("ec2");
  expect(natFor(true)).toBe("managed");
  expect(fs.readFileSync("infra/network.ts", "utf8")).toContain("nat: natFor(opts.production)");
  for (const c of Object.keys(NO_ENDPOINT)) expect(INTERFACE_ENDPOINTS[c], c).toBeUndefined();
});

test("resources AWS checks at create time are created after what they check", () => {
  expect(fs.readFileSync("infra/lake.ts", "utf8")).toMatch(/BucketNotification\([\s\S]*dependsOn: \[invoke\]/);
  expect(fs.readFileSync("infra/workflows.ts", "utf8")).toMatch(/StateMachine\([\s\S]*dependsOn: \[invoke, logging\]/);
});
