import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { processAlive } from "@/lib/process-alive";

/**
 * One process owns the embedded PGlite database of a data dir and serves it over the
 * Postgres wire protocol on a Unix socket (pglite-socket). Every other process (the Next
 * server, CLIs, tests) connects to it with `pg`. Two processes never open the same
 * PGlite directory: ownership is an exclusive lock file created with link(2).
 *
 * PGlite accepts any password, so the socket itself is the access control: it lives in the data
 * dir's `run/` directory (mode 0700), or in a private 0700 temporary directory when that path is
 * too long for a socket; the lock and address files are 0600. Only the user running Sightline (and
 * root) can connect — never another local user, and nothing over TCP.
 */
export interface EmbeddedOwner {
  url: string;
  stop(): Promise<void>;
}

interface OwnerInfo {
  pid: number;
  /** The directory holding the socket `.s.PGSQL.5432` (libpq's convention, which `pg` follows). */
  socketDir: string;
}

const SOCKET_NAME = ".s.PGSQL.5432";
/** Unix socket paths are limited to 108 bytes on Linux (104 on macOS); keep clear of both. */
const MAX_SOCKET_PATH = 100;

const runDir = (dataDir: string) => path.join(dataDir, "run");
const lockPath = (dataDir: string) => path.join(runDir(dataDir), "pglite.lock");
const infoPath = (dataDir: string) => path.join(runDir(dataDir), "pglite.json");
const socketOf = (socketDir: string) => path.join(socketDir, SOCKET_NAME);
export const urlOf = (info: Pick<OwnerInfo, "socketDir">) =>
  `postgres://postgres@localhost/postgres?host=${encodeURIComponent(info.socketDir)}&port=5432`;

/** The run directory, private to this user whatever the umask or an older version left. */
function privateRunDir(dataDir: string): string {
  const dir = runDir(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  return dir;
}

/** Writes a file only its owner can read, atomically. */
function writePrivate(file: string, text: string) {
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

function canConnect(socketPath: string): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ path: socketPath });
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
  privateRunDir(dataDir);
  for (let attempt = 0; attempt < 3; attempt++) {
    const tmp = `${lockPath(dataDir)}.${process.pid}`;
    fs.writeFileSync(tmp, String(process.pid), { mode: 0o600 });
    try {
      fs.linkSync(tmp, lockPath(dataDir));
      return { ok: true };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = Number(fs.readFileSync(lockPath(dataDir), "utf8"));
      // Our own pid counts as held: one process must not open the same PGlite directory twice.
      if (holder && (holder === process.pid || processAlive(holder))) return { ok: false, pid: holder };
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
    if (!holder || !processAlive(holder)) return undefined;
    const info = readJson<OwnerInfo>(infoPath(dataDir));
    if (info?.socketDir && info.pid === holder && (await canConnect(socketOf(info.socketDir)))) return urlOf(info);
    if (Date.now() > deadline) throw new Error(`Embedded database owner (pid ${holder}) did not come up`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Opens PGlite in this process and serves it; throws if another live process owns it. */
export async function startEmbeddedOwner(dataDir: string): Promise<EmbeddedOwner> {
  const lock = tryLock(dataDir);
  if (!lock.ok) throw new Error(`The embedded database is owned by pid ${lock.pid}`);
  const inRunDir = privateRunDir(dataDir);
  // A path too long for a socket: a private directory of our own under the system's temp dir.
  const socketDir =
    socketOf(inRunDir).length <= MAX_SOCKET_PATH ? inRunDir : fs.mkdtempSync(path.join(os.tmpdir(), "sightline-pg-"));
  fs.chmodSync(socketDir, 0o700);
  const release = () => {
    fs.rmSync(infoPath(dataDir), { force: true });
    fs.rmSync(socketOf(socketDir), { force: true });
    if (socketDir !== inRunDir) fs.rmSync(socketDir, { recursive: true, force: true });
    fs.rmSync(lockPath(dataDir), { force: true });
  };
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    const db = await PGlite.create(path.join(dataDir, "pglite"));
    // We hold the lock: a socket file left by a killed owner is stale.
    fs.rmSync(socketOf(socketDir), { force: true });
    const server = new PGLiteSocketServer({ db, path: socketOf(socketDir), maxConnections: 64 });
    await server.start();
    fs.chmodSync(socketOf(socketDir), 0o600);
    const info: OwnerInfo = { pid: process.pid, socketDir };
    writePrivate(infoPath(dataDir), JSON.stringify(info));
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
