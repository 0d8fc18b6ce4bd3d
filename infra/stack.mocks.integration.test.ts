/**
 * The real stack — `sst.config.ts` with SST's own components from the pinned platform — run under
 * Pulumi's runtime mocks (test/support/sst-stack.ts), with the app's real OpenNext build
 * (`npm run build:aws`). Assertions are on the resources SST would create.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { tempDir } from "@/test/support/databases";
import { ACCOUNT, REGION, type StackResource, type StackRun } from "@/test/support/sst-stack";
import { FUNCTIONS } from "./functions";

const SITE = process.cwd();
let run: StackRun;
const all = (type: string) => run.resources.filter((r) => r.type === type);
const one = (type: string, name: string) => {
  const r = run.resources.find((x) => x.type === type && x.name === name);
  if (!r)
    throw new Error(
      `no ${type} named ${name}; there are: ${all(type)
        .map((x) => x.name)
        .join(", ")}`,
    );
  return r;
};
const json = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v) as Record<string, unknown>;
interface Doc {
  Statement: { Effect: string; Action: string[]; Resource: string[] }[];
}
const inlinePolicies = (role: StackResource) =>
  ((role.inputs.inlinePolicies ?? []) as { name: string; policy: string }[]).map((p) => ({
    name: p.name,
    doc: json(p.policy) as unknown as Doc,
  }));

beforeAll(async () => {
  if (!fs.existsSync(path.join(SITE, ".open-next", "open-next.output.json")))
    throw new Error("No OpenNext build: run `npm run build:aws` first (npm test does).");
  // Its own process: Pulumi's runtime and SST's globals, as `sst deploy` runs the program.
  const out = path.join(tempDir("stack"), "run.json");
  const child = spawn(process.execPath, ["--import", "tsx", "test/support/sst-stack-run.ts", "test", SITE, out], {
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  let stderr = "";
  child.stderr.on("data", (d) => {
    stderr += d;
  });
  const code = await new Promise((r) => child.once("exit", r));
  if (code !== 0 || !fs.existsSync(out))
    throw new Error(`the stack did not run (exit ${code}):\n${stderr.slice(-3000)}`);
  run = JSON.parse(fs.readFileSync(out, "utf8")) as StackRun;
});

test("the whole stack is created without an error, every function built as SST builds it", () => {
  expect(run.errors).toEqual([]);
  expect(run.resources.length).toBeGreaterThan(250);
  const functions = all("sst:aws:Function");
  expect(run.builds.length).toBe(functions.length);
  for (const b of run.builds) console.log(`[stack] ${b.functionID}: ${(b.bytes / 1024 / 1024).toFixed(2)} MiB`);
  expect(Object.keys(run.outputs).sort()).toEqual(
    ["athenaWorkgroup", "collectUrl", "glueDatabase", "rawLogsBucket", "url", "userPoolClientId", "userPoolId"].sort(),
  );
});

describe.each(FUNCTIONS.map((f) => [f.id, f] as const))("function %s", (id, spec) => {
  test("its role has exactly one inline policy: its own statements; no JSON among the managed policies", () => {
    const role = one("aws:iam/role:Role", `${id}Role`);
    const policies = inlinePolicies(role);
    const expected = spec.policy({
      account: ACCOUNT,
      region: REGION,
      buckets: {} as never,
      kmsKeyArn: "",
      glueDatabase: "",
      athenaWorkgroup: "",
      stateMachines: {} as never,
      dlqArns: {} as never,
    }).Statement;
    if (expected.length === 0) expect(policies).toEqual([]);
    else {
      expect(policies.map((p) => p.name)).toEqual(["inline"]);
      expect(policies[0]?.doc.Statement.map((s) => s.Action)).toEqual(expected.map((s) => s.Action));
    }
    for (const arn of (role.inputs.managedPolicyArns ?? []) as string[]) expect(arn).toMatch(/^arn:aws:iam::/);
  });
  test("it is built with the bundle options its spec asks for; Aurora's CA is loaded where it connects", () => {
    const b = run.builds.find((x) => x.functionID === id);
    expect(b?.external).toEqual(expect.arrayContaining(["@electric-sql/pglite"]));
    expect(b?.install).toEqual(spec.install ?? []);
    const fn = one("aws:lambda/function:Function", `${id}Function`);
    const vars = (fn.inputs.environment as { variables: Record<string, string> }).variables;
    if (vars.DATABASE_URL) expect(vars.NODE_EXTRA_CA_CERTS).toBe("/var/runtime/ca-cert.pem");
    expect(fn.inputs.runtime).toBe("nodejs22.x");
  });
});

test("every failure destination's queue is one its function may send to", () => {
  const configs = all("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig");
  expect(configs.length).toBe(2);
  for (const c of configs) {
    const destination = (c.inputs.destinationConfig as { onFailure: { destination: string } }).onFailure.destination;
    const fnName = String(c.inputs.functionName);
    const fn = all("aws:lambda/function:Function").find((f) => f.state.name === fnName);
    const id = fn?.name.replace(/Function$/, "") ?? "";
    const role = one("aws:iam/role:Role", `${id}Role`);
    const sends = inlinePolicies(role).flatMap((p) =>
      p.doc.Statement.filter((s) => s.Action.includes("sqs:SendMessage")).flatMap((s) => s.Resource),
    );
    expect(sends, id).toEqual([destination]);
  }
});

test("the web ACL is on the distribution; the API stage is throttled", () => {
  const acl = one("aws:wafv2/webAcl:WebAcl", "WebAcl");
  const [distribution] = all("aws:cloudfront/distribution:Distribution");
  expect(distribution?.inputs.webAclId).toBe(acl.state.arn);
  const [stage] = all("aws:apigatewayv2/stage:Stage");
  expect(stage?.inputs.defaultRouteSettings).toMatchObject({ throttlingBurstLimit: 2000, throttlingRateLimit: 1000 });
});

test("the cluster uses our parameter group, which forces TLS", () => {
  const params = one("aws:rds/clusterParameterGroup:ClusterParameterGroup", "DbParams");
  expect(params.inputs.parameters).toEqual([expect.objectContaining({ name: "rds.force_ssl", value: "1" })]);
  const [cluster] = all("aws:rds/cluster:Cluster");
  expect(cluster?.inputs.dbClusterParameterGroupName).toBe(params.state.name);
  expect(cluster?.inputs.storageEncrypted).toBe(true);
});

test("the Cognito pool is valid for its tier; the web client has no secret", () => {
  const [pool] = all("aws:cognito/userPool:UserPool");
  const mode = (pool?.inputs.userPoolAddOns as { advancedSecurityMode?: string } | undefined)?.advancedSecurityMode;
  if (mode && mode !== "OFF") expect(pool?.inputs.userPoolTier).toBe("PLUS");
  expect(pool?.inputs.adminCreateUserConfig).toMatchObject({ allowAdminCreateUserOnly: true });
  const [client] = all("aws:cognito/userPoolClient:UserPoolClient");
  expect(client?.inputs.generateSecret).toBe(false);
});

test("the Next.js server function: its policy, the app's own URL, and no embedded engine in its bundle", () => {
  const servers = all("aws:lambda/function:Function").filter((f) => /Web.*Server/i.test(f.name));
  expect(servers.length).toBeGreaterThan(0);
  for (const s of servers) {
    const vars = (s.inputs.environment as { variables: Record<string, string> }).variables;
    expect(vars.SIGHTLINE_BACKEND).toBe("aws");
    expect(vars.SIGHTLINE_APP_URL).toMatch(/^https:\/\//);
    expect(vars.NODE_EXTRA_CA_CERTS).toBe("/var/runtime/ca-cert.pem");
  }
  const roles = all("aws:iam/role:Role").filter((r) => /Web.*Server/i.test(r.name));
  const actions = roles.flatMap((r) => inlinePolicies(r).flatMap((p) => p.doc.Statement.flatMap((s) => s.Action)));
  expect(actions).toEqual(expect.arrayContaining(["athena:StartQueryExecution", "states:SendTaskSuccess"]));
  const modules = path.join(SITE, ".open-next", "server-functions", "default", "node_modules");
  expect(fs.existsSync(path.join(modules, "@duckdb"))).toBe(false);
  expect(fs.existsSync(path.join(modules, "@electric-sql"))).toBe(false);
});

test("the key lets the log services write; raw-bucket notifications reach the lake ETL", () => {
  const [key] = all("aws:kms/key:Key");
  const services = (json(key?.inputs.policy).Statement as { Principal?: { Service?: string } }[])
    .map((s) => s.Principal?.Service)
    .filter(Boolean);
  expect(services).toEqual(
    expect.arrayContaining(["cloudtrail.amazonaws.com", "delivery.logs.amazonaws.com", "guardduty.amazonaws.com"]),
  );
  const notify = one("aws:s3/bucketNotification:BucketNotification", "RawLogsNotify");
  const etl = one("aws:lambda/function:Function", "LakeEtlFunction");
  expect((notify.inputs.lambdaFunctions as { lambdaFunctionArn: string }[])[0]?.lambdaFunctionArn).toBe(etl.state.arn);
});
