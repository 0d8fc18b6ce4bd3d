/**
 * Runs the real `sst.config.ts` — SST's own component sources from the pinned platform in
 * .sst/platform (installed by `npm run infra:check`) — under Pulumi's runtime mocks, and records
 * every resource the stack would create with its inputs. No engine, no cloud: `newResource` and
 * `call` answer as AWS would for the few outputs the components read, and a stand-in for the SST
 * CLI's RPC server answers `Runtime.Build` by really bundling the function with esbuild as SST
 * does (so a function that cannot be built fails here), and `Provider.Aws.Bootstrap` with
 * made-up bucket names.
 */
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { build } from "esbuild";
import { sstBuildOptions } from "./sst-build";

export const ACCOUNT = "111122223333";
export const REGION = "eu-west-1";

export interface StackResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  state: Record<string, unknown>;
}
export interface FunctionBuild {
  functionID: string;
  handler: string;
  install: string[];
  external: string[];
  bytes: number;
}
export interface StackRun {
  resources: StackResource[];
  builds: FunctionBuild[];
  outputs: Record<string, unknown>;
  errors: string[];
}

/** The part of `@pulumi/pulumi` used here (the package lives in .sst/platform, outside our types). */
interface PulumiModule {
  runtime: {
    setMocks(
      mocks: {
        newResource(args: { type: string; name: string; inputs: Record<string, unknown> }): {
          id: string;
          state: unknown;
        };
        call(args: { token: string; inputs: Record<string, unknown> }): Record<string, unknown>;
      },
      project: string,
      stack: string,
      preview: boolean,
    ): Promise<void>;
  };
  output: unknown;
  interpolate: unknown;
  concat: unknown;
  all: unknown;
  apply: unknown;
  jsonParse: unknown;
  jsonStringify: unknown;
}

const root = process.cwd();
const platform = path.join(root, ".sst", "platform");

/** Outputs AWS fills in that the components (or our infra) read back. */
function stateFor(type: string, name: string, inputs: Record<string, unknown>): Record<string, unknown> {
  const arn = `arn:aws:mock:${REGION}:${ACCOUNT}:${type.split(":")[1]}/${name}`;
  const extra: Record<string, unknown> = {};
  if (type === "random:index/randomBytes:RandomBytes") extra.base64 = Buffer.alloc(32, 7).toString("base64");
  if (type === "random:index/randomPassword:RandomPassword") extra.result = `pw-${name}`;
  if (type === "aws:rds/cluster:Cluster")
    Object.assign(extra, { endpoint: `${name}.cluster-mock.${REGION}.rds.amazonaws.com`, port: 5432 });
  if (type === "aws:sqs/queue:Queue") extra.url = `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${name}`;
  if (type === "aws:lambda/functionUrl:FunctionUrl")
    extra.functionUrl = `https://${name.toLowerCase()}.lambda-url.${REGION}.on.aws/`;
  if (type === "aws:lambda/function:Function")
    Object.assign(extra, { invokeArn: `${arn}/invocations`, version: "1", qualifiedArn: `${arn}:1` });
  if (type === "aws:cloudfront/distribution:Distribution")
    Object.assign(extra, { domainName: "d111111abcdef8.cloudfront.net", hostedZoneId: "Z2FDTNDATAQYW2" });
  if (type.startsWith("aws:s3/bucket:") || type.startsWith("aws:s3/bucketV2:")) {
    const bucket = String(inputs.bucket ?? `${name.toLowerCase()}-bucket`);
    Object.assign(extra, {
      bucketRegionalDomainName: `${bucket}.s3.${REGION}.amazonaws.com`,
      bucketDomainName: `${bucket}.s3.amazonaws.com`,
    });
  }
  if (type === "aws:apigatewayv2/api:Api")
    extra.apiEndpoint = `https://${name.toLowerCase()}.execute-api.${REGION}.amazonaws.com`;
  return {
    arn,
    id: `${name}-id`,
    name: inputs.name ?? name,
    bucket: inputs.bucket ?? `${name.toLowerCase()}-bucket`,
    ...extra,
    ...inputs,
  };
}

function callResult(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case "aws:index/getCallerIdentity:getCallerIdentity":
      return { accountId: ACCOUNT, arn: `arn:aws:iam::${ACCOUNT}:user/test`, userId: "test" };
    case "aws:index/getRegion:getRegion":
      return { name: REGION, region: REGION, id: REGION };
    case "aws:index/getPartition:getPartition":
      return { partition: "aws", dnsSuffix: "amazonaws.com" };
    case "aws:index/getAvailabilityZones:getAvailabilityZones":
      return { names: ["a", "b", "c"].map((z) => `${REGION}${z}`), zoneIds: ["euw1-az1", "euw1-az2", "euw1-az3"] };
    case "aws:ec2/getAmi:getAmi":
      return { id: "ami-0123456789abcdef0", architecture: "arm64" };
    case "aws:iam/getPolicyDocument:getPolicyDocument": {
      // As the provider answers: no statement blocks → no `statements` (SST then adds no inline policy).
      const statements = inputs.statements as PulumiStatement[] | undefined;
      return {
        json: JSON.stringify(policyJson(statements)),
        ...(statements?.length ? { statements } : {}),
      };
    }
    default:
      return {};
  }
}

interface PulumiStatement {
  effect?: string;
  actions?: string[];
  resources?: string[];
  principals?: { type: string; identifiers: string[] }[];
  conditions?: { test: string; variable: string; values: string[] }[];
}
/** What `aws.iam.getPolicyDocument` renders, for the statements SST passes it. */
function policyJson(statements: PulumiStatement[] = []) {
  return {
    Version: "2012-10-17",
    Statement: statements.map((s) => ({
      Effect: s.effect ?? "Allow",
      ...(s.actions ? { Action: s.actions } : {}),
      ...(s.resources ? { Resource: s.resources } : {}),
      ...(s.principals
        ? { Principal: Object.fromEntries(s.principals.map((p) => [p.type === "AWS" ? "AWS" : p.type, p.identifiers])) }
        : {}),
      ...(s.conditions?.length
        ? {
            Condition: s.conditions.reduce<Record<string, Record<string, string[]>>>((acc, c) => {
              acc[c.test] = { ...(acc[c.test] ?? {}), [c.variable]: c.values };
              return acc;
            }, {}),
          }
        : {}),
    })),
  };
}

/** The SST CLI's RPC server, as far as the components use it at deploy time. */
function rpcServer(builds: FunctionBuild[], errors: string[]) {
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => {
      body += c;
    });
    req.on("end", async () => {
      const msg = JSON.parse(body) as { method: string; params: Record<string, unknown>[]; id: unknown };
      const answer = (result: unknown, error: string | null = null) =>
        res.end(JSON.stringify({ result, error, id: msg.id }));
      const input = msg.params[0] ?? {};
      if (msg.method === "Provider.Aws.Bootstrap")
        return answer({
          asset: "sst-asset-mock",
          assetEcrRegistryId: ACCOUNT,
          assetEcrUrl: `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/sst-asset`,
          state: "sst-state-mock",
          appsyncHttp: "",
          appsyncRealtime: "",
        });
      if (msg.method === "Runtime.Build") {
        const handler = String(input.handler);
        const props = (input.properties ?? {}) as {
          install?: string[] | Record<string, string>;
          esbuild?: { external?: string[] };
        };
        const install = Array.isArray(props.install) ? props.install : Object.keys(props.install ?? {});
        const external = props.esbuild?.external ?? [];
        // A prebuilt bundle (the OpenNext functions): SST takes it as it is.
        if (typeof input.bundle === "string") {
          builds.push({ functionID: String(input.functionID), handler, install: [], external: [], bytes: 0 });
          return answer({ handler, out: input.bundle, errors: [], sourcemaps: [] });
        }
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "sst-build-"));
        try {
          const file = handler.slice(0, handler.lastIndexOf("."));
          const result = await build(sstBuildOptions(`${file}.ts`, { install, external, outdir: out }));
          const bytes = Object.values(result.metafile?.outputs ?? {}).reduce((a, o) => a + o.bytes, 0);
          builds.push({ functionID: String(input.functionID), handler, install, external, bytes });
          return answer({
            handler: `${path.basename(file)}.${handler.split(".").pop()}`,
            out,
            errors: [],
            sourcemaps: [],
          });
        } catch (err) {
          errors.push(`build ${handler}: ${(err as Error).message}`);
          return answer({ handler, out, errors: [(err as Error).message], sourcemaps: [] });
        }
      }
      return answer({});
    });
  });
  return server;
}

/**
 * One stack run. `sitePath` is where the Next.js component finds its OpenNext build output
 * (`.open-next/…`); the rest of the stack is the real configuration.
 */
export async function runStackWithMocks(opts: { stage: string; sitePath: string }): Promise<StackRun> {
  if (!fs.existsSync(path.join(platform, "node_modules", "@pulumi", "aws")))
    throw new Error("The SST platform is not installed: run `npm run infra:check` first (npm test does).");
  const req = createRequire(path.join(platform, "package.json"));
  const pulumi = req("@pulumi/pulumi") as PulumiModule;
  const settings = req("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
  const resources: StackResource[] = [];
  const builds: FunctionBuild[] = [];
  const errors: string[] = [];
  const onRejection = (e: unknown) => {
    errors.push(String((e as Error)?.stack ?? e));
  };
  process.on("unhandledRejection", onRejection);

  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const state = stateFor(args.type, args.name, args.inputs);
        resources.push({ type: args.type, name: args.name, inputs: args.inputs, state });
        return { id: String(state.id), state };
      },
      call: (args) => callResult(args.token, args.inputs),
    },
    "sightline",
    opts.stage,
    false,
  );
  const server = rpcServer(builds, errors);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  // The server alone must not keep the process alive: if everything else waits on something that
  // can never come, Node says so ('beforeExit') and the run fails instead of hanging.
  server.unref();
  process.env.SST_SERVER = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const g = globalThis as Record<string, unknown>;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "sst-work-"));
  const src = (p: string) => path.join(platform, "src", p);
  Object.assign(g, {
    $app: { name: "sightline", stage: opts.stage, removal: "remove", protect: false, providers: {} },
    $cli: {
      command: "deploy",
      rpc: process.env.SST_SERVER,
      home: "aws",
      paths: { home: work, root, work, platform },
      state: { version: {} },
    },
    $dev: false,
    $util: pulumi,
    $output: pulumi.output,
    $interpolate: pulumi.interpolate,
    $concat: pulumi.concat,
    $resolve: pulumi.all,
    $apply: pulumi.apply,
    $jsonParse: pulumi.jsonParse,
    $jsonStringify: pulumi.jsonStringify,
    $secrets: {},
    $config: (c: unknown) => c,
    aws: req("@pulumi/aws"),
    random: req("@pulumi/random"),
  });
  const component = await import(src("components/component.ts"));
  const link = await import(src("components/link.ts"));
  Object.assign(g, { $asset: component.$asset, $transform: component.$transform, $linkable: link.Link.makeLinkable });
  g.sst = await import(src("components/index.ts"));
  // The app's build output: where the Next.js component reads OpenNext's output.
  component.$transform((g.sst as { aws: { Nextjs: unknown } }).aws.Nextjs, (args: { path?: string }) => {
    args.path = opts.sitePath;
  });

  try {
    const config = (await import(path.join(root, "sst.config.ts"))).default as {
      run(): Promise<Record<string, unknown>>;
    };
    const outputs = await config.run();
    // Wait until no registration is outstanding and no new resource appears (applies create more).
    for (let seen = -1; seen !== resources.length; ) {
      seen = resources.length;
      await settings.waitForRPCs();
      await new Promise((r) => setImmediate(r));
    }
    return { resources, builds, outputs, errors };
  } finally {
    server.close();
    process.off("unhandledRejection", onRejection);
  }
}
