import fs from "node:fs";
import net from "node:net";
import path from "node:path";

/**
 * One process owns the embedded PGlite database of a data dir and serves it over the
 * Postgres wire protocol on 127.0.0.1 (pglite-socket). Every other process (the Next
 * server, CLIs, tests) connects to it with `pg`. Two processes never open the same
 * PGlite directory: ownership is an exclusive lock file created with link(2).
 */
export interface EmbeddedOwner {
  url: string;
  stop(): Promise<void>;
}

interface OwnerInfo {
  pid: number;
  host: string;
  port: number;
}

const runDir = (dataDir: string) => path.join(dataDir, "run");
const lockPath = (dataDir: string) => path.join(runDir(dataDir), "pglite.lock");
const infoPath = (dataDir: string) => path.join(runDir(dataDir), "pglite.json");
export const urlOf = (info: Pick<OwnerInfo, "host" | "port">) =>
  `postgres://postgres@${info.host}:${info.port}/postgres`;

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host, port });
    s.setTimeout(1000);
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
    s.once("timeout", () => {
      s.destroy();
      resolve(false);
    });
  });
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Takes the lock, or returns the pid of the live process that holds it. */
function tryLock(dataDir: string): { ok: true } | { ok: false; pid: number } {
  fs.mkdirSync(runDir(dataDir), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    const tmp = `${lockPath(dataDir)}.${process.pid}`;
    fs.writeFileSync(tmp, String(process.pid));
    try {
      fs.linkSync(tmp, lockPath(dataDir));
      return { ok: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath(dataDir), "utf8"));
      // Our own pid counts as held: one process must not open the same PGlite directory twice.
      if (holder && (holder === process.pid || pidAlive(holder))) return { ok: false, pid: holder };
      // Stale lock from a crashed owner: remove and retry.
      fs.rmSync(lockPath(dataDir), { force: true });
      fs.rmSync(infoPath(dataDir), { force: true });
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  throw new Error(`Could not take the embedded database lock in ${runDir(dataDir)}`);
}

/** The URL of a live owner of this data dir, waiting briefly for one that is starting. */
export async function findOwner(dataDir: string, waitMs = 60_000): Promise<string | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const holder = Number(readJson<number>(lockPath(dataDir)) ?? 0);
    if (!holder || !pidAlive(holder)) return undefined;
    const info = readJson<OwnerInfo>(infoPath(dataDir));
    if (info && info.pid === holder && (await canConnect(info.host, info.port))) return urlOf(info);
    if (Date.now() > deadline) throw new Error(`Embedded database owner (pid ${holder}) did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens PGlite in this process and serves it; throws if another live process owns it. */
export async function startEmbeddedOwner(dataDir: string): Promise<EmbeddedOwner> {
  const lock = tryLock(dataDir);
  if (!lock.ok) throw new Error(`The embedded database is owned by pid ${lock.pid}`);
  const release = () => {
    fs.rmSync(infoPath(dataDir), { force: true });
    fs.rmSync(lockPath(dataDir), { force: true });
  };
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const db = await PGlite.create(path.join(dataDir, "pglite"));
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 64 });
    await server.start();
    const [host = "127.0.0.1", port = "0"] = server.getServerConn().split(":");
    const info: OwnerInfo = { pid: process.pid, host, port: Number(port) };
    const tmp = `${infoPath(dataDir)}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(info));
    fs.renameSync(tmp, infoPath(dataDir));
    let stopped = false;
    const onExit = () => release();
    process.once("exit", onExit);
    return {
      url: urlOf(info),
      async stop() {
        if (stopped) return;
        stopped = true;
        process.off("exit", onExit);
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
