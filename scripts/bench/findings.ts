/**
 * `npm run bench:findings [-- --events 10000000 --findings 200000 --runs 50]`: latency of the three
 * analyst views through the real domain verbs and the DuckDB lake adapter, on a generated lake
 * (CloudTrail events, findings, VPC flows as ZSTD Parquet partitioned by dt/hr over 30 days).
 * Baseline, in the same run: the same questions asked of the raw JSON (DuckDB `read_json` over the
 * gzip files the lake was made from), which is what querying without the ETL costs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { openEmbeddedDatabase } from "@/lib/adapters/compose/database";
import { openLocalLakeQuery } from "@/lib/adapters/compose/lake-engines";
import { duckDbType } from "@/lib/adapters/duckdb/sql-types";
import { migrate } from "@/lib/db/migrate";
import { getEntityTimeline } from "@/lib/findings/entity-timeline";
import { listFindings } from "@/lib/findings/list-findings";
import { searchActivity } from "@/lib/findings/search-activity";
import { TABLES, type TableName } from "@/lib/lake/tables";
import type { Principal } from "@/lib/schemas/auth";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000000" },
    findings: { type: "string", default: "200000" },
    flows: { type: "string", default: "2000000" },
    runs: { type: "string", default: "50" },
    "baseline-runs": { type: "string", default: "3" },
    dir: { type: "string", default: path.resolve(".sightline/bench/findings") },
    /** Only make sure the generated lake exists (other benches read it), then stop. */
    "generate-only": { type: "boolean", default: false },
  },
});
const N = Number(values.events);
const F = Number(values.findings);
const V = Number(values.flows);
const RUNS = Number(values.runs);
const DAYS = 30;
const END = Date.UTC(2026, 10, 1);
const root = path.join(values.dir ?? "", `lake-${N}-${F}-${V}`);
const rawDir = path.join(root, "raw");

/** Columns we give values to; the rest are typed NULLs so the schema is the ETL's. */
function select(table: TableName, exprs: Record<string, string>, timeColumn: string) {
  const cols = TABLES[table].columns.map(
    (c) => `CAST(${exprs[c.name] ?? "NULL"} AS ${duckDbType(c.type)}) AS ${c.name}`,
  );
  return `${cols.join(",\n")}, strftime(${timeColumn}, '%Y-%m-%d') AS dt, strftime(${timeColumn}, '%H') AS hr`;
}
const timeOf = (i: string, n: number) =>
  `make_timestamp(${END * 1000}::BIGINT - (${i} * ${Math.floor((DAYS * 86400e6) / n)})::BIGINT)`;

const AWS_REGION_SQL = "['us-east-1','eu-west-1','ap-south-1'][1 + i % 3]";
type Copy = (table: TableName, sql: string) => Promise<unknown>;
type Conn = Awaited<ReturnType<Awaited<ReturnType<typeof DuckDBInstance.create>>["connect"]>>;

async function generate() {
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(rawDir, { recursive: true });
  fs.mkdirSync(path.join(root, "processed"), { recursive: true });
  const inst = await DuckDBInstance.create(":memory:", {
    threads: String(os.cpus().length),
    memory_limit: "8GB",
    preserve_insertion_order: "false",
  });
  const c = await inst.connect();
  const out = (table: string) => path.join(root, "processed", table);
  const copy = (table: TableName, sql: string) =>
    c.run(
      `COPY (${sql}) TO '${out(table)}' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (dt, hr), FILENAME_PATTERN 'bench_{i}', OVERWRITE_OR_IGNORE true)`,
    );
  await generateCloudTrail(c, copy);
  await generateFindings(copy);
  await generateFlows(copy);
  c.closeSync();
  inst.closeSync();
  fs.writeFileSync(path.join(root, ".complete"), "");
}

/** CloudTrail rows as Parquet, and the same events as raw JSON lines for the baseline. */
async function generateCloudTrail(c: Conn, copy: Copy) {
  const t = timeOf("i", N);
  const ct = {
    event_id: "'evt-' || i",
    event_time: t,
    event_version: "'1.09'",
    event_source:
      "['ec2.amazonaws.com','s3.amazonaws.com','iam.amazonaws.com','sts.amazonaws.com','signin.amazonaws.com'][1 + i % 5]",
    event_name:
      "['DescribeInstances','GetObject','ListUsers','AssumeRole','ConsoleLogin','PutObject','RunInstances'][1 + i % 7]",
    event_type: "'AwsApiCall'",
    aws_region: AWS_REGION_SQL,
    source_ip_address: "'10.' || (i % 200) || '.' || (i // 200 % 250) || '.' || (i % 7)",
    source_ip_is_service: "false",
    user_agent: "'aws-cli/2.15.0'",
    error_code: "CASE WHEN i % 37 = 0 THEN 'AccessDenied' END",
    read_only: "i % 3 <> 0",
    recipient_account_id: "'1111222233' || lpad(CAST(i % 20 AS VARCHAR), 2, '0')",
    user_type: "'IAMUser'",
    user_arn: "'arn:aws:iam::111122223333:user/u' || (i % 5000)",
    user_name: "'u' || (i % 5000)",
    user_account_id: "'111122223333'",
    access_key_id: "'AKIA' || lpad(CAST(i % 5000 AS VARCHAR), 16, '0')",
    request_parameters: "'{\"bucketName\":\"b' || (i % 100) || '\"}'",
    any_ip: "['10.' || (i % 200) || '.' || (i // 200 % 250) || '.' || (i % 7)]",
    any_arn: "['arn:aws:iam::111122223333:user/u' || (i % 5000)]",
    any_instance_id: "CASE WHEN i % 5 = 0 THEN ['i-' || lpad(printf('%x', i % 20000), 17, '0')] ELSE [] END",
    any_access_key_id: "['AKIA' || lpad(CAST(i % 5000 AS VARCHAR), 16, '0')]",
    any_account_id: "['111122223333']",
    source_key: "'bench/ct/' || (i // 5000)",
    source_ordinal: "i % 5000",
  };
  console.log(`generating ${N.toLocaleString()} CloudTrail events …`);
  await copy("cloudtrail", `SELECT ${select("cloudtrail", ct, "event_time")} FROM range(${N}) r(i)`);
  // The same events as raw JSON lines (CloudTrail Lake / EventBridge export form), gzip: the baseline reads these.
  await c.run(
    `COPY (SELECT i AS eventID, strftime(${t}, '%Y-%m-%dT%H:%M:%SZ') AS eventTime, ${ct.event_source} AS eventSource, ${ct.event_name} AS eventName,
       ${ct.aws_region} AS awsRegion, ${ct.source_ip_address} AS sourceIPAddress, ${ct.error_code} AS errorCode,
       {'type': 'IAMUser', 'arn': ${ct.user_arn}, 'userName': ${ct.user_name}, 'accessKeyId': ${ct.access_key_id}} AS userIdentity,
       {'bucketName': 'b' || (i % 100)} AS requestParameters
     FROM range(${N}) r(i)) TO '${rawDir}' (FORMAT json, COMPRESSION gzip, PER_THREAD_OUTPUT true)`,
  );
}

/** GuardDuty and Sightline findings (a fifth of them repeats of others). */
async function generateFindings(copy: Copy) {
  console.log(`generating ${F.toLocaleString()} findings and ${V.toLocaleString()} flows …`);
  const ft = timeOf("i", F);
  await copy(
    "findings",
    `SELECT ${select(
      "findings",
      {
        finding_id: "'f-' || (i % " + Math.floor(F * 0.8) + ")",
        origin: "CASE WHEN i % 4 = 0 THEN 'sightline' ELSE 'guardduty' END",
        finding_type:
          "['Recon:EC2/PortProbeUnprotectedPort','UnauthorizedAccess:EC2/SSHBruteForce','Policy:IAMUser/RootCredentialUsage','CryptoCurrency:EC2/BitcoinTool.B!DNS','console-login-without-mfa'][1 + i % 5]",
        title: "'Finding ' || i",
        severity: "1 + (i % 5)",
        severity_label: "['Informational','Low','Medium','High','Critical'][1 + i % 5]",
        account_id: "'1111222233' || lpad(CAST(i % 20 AS VARCHAR), 2, '0')",
        region: AWS_REGION_SQL,
        resource_type: "'Instance'",
        resource_id: "'i-' || lpad(printf('%x', i % 20000), 17, '0')",
        principal: "'arn:aws:iam::111122223333:user/u' || (i % 5000)",
        first_seen: ft,
        last_seen: ft,
        updated_at: ft,
        event_count: "1 + i % 3",
        any_ip: "['10.' || (i % 200) || '.' || (i // 200 % 250) || '.' || (i % 7)]",
        any_instance_id: "['i-' || lpad(printf('%x', i % 20000), 17, '0')]",
        source_key: "'bench/gd/' || (i // 1000)",
        source_ordinal: "i % 1000",
      },
      "updated_at",
    )} FROM range(${F}) r(i)`,
  );
}

/** VPC Flow Log records. */
async function generateFlows(copy: Copy) {
  const vt = timeOf("i", V);
  await copy(
    "vpcflow",
    `SELECT ${select(
      "vpcflow",
      {
        version: "2",
        account_id: "'111122223333'",
        interface_id: "'eni-' || (i % 3000)",
        srcaddr: "'10.' || (i % 200) || '.' || (i // 200 % 250) || '.' || (i % 7)",
        dstaddr: "'203.0.113.' || (i % 250)",
        srcport: "40000 + i % 20000",
        dstport: "[22, 443, 80, 3389][1 + i % 4]",
        protocol: "6",
        packets: "10",
        bytes: "4000",
        start_time: vt,
        end_time: vt,
        action: "CASE WHEN i % 9 = 0 THEN 'REJECT' ELSE 'ACCEPT' END",
        log_status: "'OK'",
        any_ip: "['10.' || (i % 200) || '.' || (i // 200 % 250) || '.' || (i % 7), '203.0.113.' || (i % 250)]",
        source_key: "'bench/vpc/' || (i // 10000)",
        source_ordinal: "i % 10000",
      },
      "start_time",
    )} FROM range(${V}) r(i)`,
  );
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
};

async function main() {
  if (!fs.existsSync(path.join(root, ".complete"))) await generate();
  const files = fs
    .readdirSync(path.join(root, "processed"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".parquet"));
  console.log(`lake: ${root} (${files.length} Parquet files), ${os.cpus().length} cores, node ${process.version}`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), "bench-findings-"));
  const db = await openEmbeddedDatabase(path.join(work, "db"));
  await migrate(db);
  const lake = await openLocalLakeQuery(root, { connections: 4, threads: os.cpus().length });
  const principal: Principal = { id: "bench", email: "analyst@sightline.local", roles: ["analysts"] };
  const ctx = { db, lake, principal };
  const to = new Date(END).toISOString();
  const from = new Date(END - 7 * 86_400_000).toISOString();

  const cases: [string, number, (i: number) => Promise<unknown>][] = [
    ["findings page with facets (7 days)", 200, () => listFindings({ ctx, input: { from, to } })],
    [
      "activity search by principal (7 days)",
      500,
      (i) =>
        searchActivity({ ctx, input: { from, to, principal: `arn:aws:iam::111122223333:user/u${(i * 37) % 5000}` } }),
    ],
    [
      "entity pivot on an IP (7 days)",
      1000,
      (i) =>
        getEntityTimeline({ ctx, input: { kind: "ip", value: `10.${i % 200}.${(i * 7) % 250}.${i % 7}`, from, to } }),
    ],
  ];
  const results: { name: string; target: number; p50: number; p95: number; base?: number }[] = [];
  for (const [name, target, run] of cases) {
    await run(0); // warm: first open of the files
    const times: number[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const t0 = performance.now();
      await run(i);
      times.push(performance.now() - t0);
    }
    results.push({ name, target, p50: pct(times, 50), p95: pct(times, 95) });
  }
  await lake.close();
  await db.close();
  fs.rmSync(work, { recursive: true, force: true });

  // Baseline: the same questions over the raw gzip JSON.
  const inst = await DuckDBInstance.create(":memory:", { threads: String(os.cpus().length), memory_limit: "8GB" });
  const c = await inst.connect();
  const raw = `read_json('${rawDir}/*.json.gz', format = 'newline_delimited')`;
  const win = `eventTime BETWEEN '${from.slice(0, 19)}Z' AND '${to.slice(0, 19)}Z'`;
  const baseSql = [
    `SELECT eventName, count(*) FROM ${raw} WHERE ${win} GROUP BY ALL`,
    `SELECT * FROM ${raw} WHERE ${win} AND userIdentity.arn = 'arn:aws:iam::111122223333:user/u37' ORDER BY eventTime DESC LIMIT 50`,
    `SELECT * FROM ${raw} WHERE ${win} AND sourceIPAddress = '10.1.7.1' ORDER BY eventTime DESC LIMIT 500`,
  ];
  for (const [i, sql] of baseSql.entries()) {
    const times: number[] = [];
    for (let r = 0; r < Number(values["baseline-runs"]); r++) {
      const t0 = performance.now();
      await c.runAndReadAll(sql);
      times.push(performance.now() - t0);
    }
    const res = results[i];
    if (res) res.base = pct(times, 50);
  }
  c.closeSync();
  inst.closeSync();

  console.log(`\n${RUNS} runs each; baseline ${values["baseline-runs"]} runs each over the raw JSON (p50)\n`);
  console.log("| view | p50 ms | p95 ms | target p95 | baseline p50 ms (raw JSON) | speed-up |");
  console.log("|---|---|---|---|---|---|");
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ≤ ${r.target} ${r.p95 <= r.target ? "✓" : "✗"} | ${r.base?.toFixed(0)} | ${((r.base ?? 0) / r.p50).toFixed(0)}× |`,
    );
  }
}

/** With --generate-only: the lake is made (if missing) and its path printed, for other benches. */
const run = values["generate-only"]
  ? async () => {
      if (!fs.existsSync(path.join(root, ".complete"))) await generate();
      console.log(root);
    }
  : main;
run().catch((err) => {
  console.error(err);
  process.exit(1);
});
