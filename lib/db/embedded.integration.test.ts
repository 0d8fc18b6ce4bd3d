import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openDatabase } from "@/lib/adapters/compose/database";
import { tempDir } from "@/test/support/databases";
import { startEmbeddedOwner } from "./embedded";

// A separate process owns the data dir, as `npm start` does while a CLI runs.
function spawnOwner(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const script = `
    import { startEmbeddedOwner } from "./lib/db/embedded.ts";
    const o = await startEmbeddedOwner(process.env.DIR);
    console.log("URL " + o.url);
    process.on("SIGTERM", async () => { await o.stop(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: { ...process.env, DIR: dataDir },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      const m = /URL (\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.once("exit", (code) => reject(new Error(`owner exited early (${code})`)));
  });
}

describe("embedded PGlite ownership", () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill("SIGTERM");
  });

  test("while another process owns the data dir, others connect through it and never open it", async () => {
    const dir = tempDir("owner");
    const { child, url } = await spawnOwner(dir);
    children.push(child);
    await expect(startEmbeddedOwner(dir)).rejects.toThrow(/owned by pid/);
    const db = await openDatabase({ dataDir: dir });
    expect(db.kind).toBe("pglite");
    await db.query("CREATE TABLE t (n int)");
    await Promise.all(Array.from({ length: 20 }, (_, i) => db.query("INSERT INTO t VALUES ($1)", [i])));
    const other = await openDatabase({ dataDir: dir });
    expect(await other.query("SELECT count(*)::int AS n FROM t")).toEqual([{ n: 20 }]);
    await db.close();
    await other.close();
    expect(url).toMatch(/^postgres:\/\/postgres@localhost\/postgres\?host=/);
  });

  test("only the owner's user can reach the database: a 0700 socket directory, 0600 files, no TCP port", async () => {
    const dir = tempDir("private");
    const owner = await startEmbeddedOwner(dir);
    try {
      const run = path.join(dir, "run");
      const mode = (p: string) => fs.statSync(p).mode & 0o777;
      expect(mode(run)).toBe(0o700);
      expect(mode(path.join(run, "pglite.lock"))).toBe(0o600);
      expect(mode(path.join(run, "pglite.json"))).toBe(0o600);
      const info = JSON.parse(fs.readFileSync(path.join(run, "pglite.json"), "utf8"));
      expect(info).not.toHaveProperty("port");
      expect(mode(info.socketDir)).toBe(0o700);
      expect(fs.statSync(path.join(info.socketDir, ".s.PGSQL.5432")).isSocket()).toBe(true);
      expect(owner.url).toContain(encodeURIComponent(info.socketDir));
    } finally {
      await owner.stop();
    }
  });

  test("a data dir whose path is too long for a socket gets a private socket directory of its own", async () => {
    const dir = path.join(tempDir("long"), "x".repeat(120));
    const owner = await startEmbeddedOwner(dir);
    const info = JSON.parse(fs.readFileSync(path.join(dir, "run", "pglite.json"), "utf8"));
    expect(info.socketDir.startsWith(dir)).toBe(false);
    expect(fs.statSync(info.socketDir).mode & 0o777).toBe(0o700);
    const db = await openDatabase({ dataDir: dir });
    expect(await db.query("SELECT 1::int AS n")).toEqual([{ n: 1 }]);
    await db.close();
    await owner.stop();
    expect(fs.existsSync(info.socketDir)).toBe(false);
  });

  test("a stale lock left by a dead process is taken over", async () => {
    const dir = tempDir("stale");
    fs.mkdirSync(path.join(dir, "run"), { recursive: true });
    fs.writeFileSync(path.join(dir, "run", "pglite.lock"), "999999");
    const owner = await startEmbeddedOwner(dir);
    expect(fs.readFileSync(path.join(dir, "run", "pglite.lock"), "utf8")).toBe(String(process.pid));
    await owner.stop();
    expect(fs.existsSync(path.join(dir, "run", "pglite.lock"))).toBe(false);
  });

  test("data survives the owner stopping and a new owner opening the dir", async () => {
    const dir = tempDir("persist");
    const a = await openDatabase({ dataDir: dir });
    await a.query("CREATE TABLE kept (v text)");
    await a.query("INSERT INTO kept VALUES ('still here')");
    await a.close();
    const b = await openDatabase({ dataDir: dir });
    expect(await b.query("SELECT v FROM kept")).toEqual([{ v: "still here" }]);
    await b.close();
  });
});
