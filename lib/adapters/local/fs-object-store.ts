import fs from "node:fs";
import path from "node:path";
import type { ObjectStore } from "@/lib/ports/object-store";
import { processAlive } from "@/lib/process-alive";

/**
 * Objects as files under a root directory. Writes are atomic and durable: temp file, fsync,
 * rename, fsync of the directory, so a `put` that returned survives a crash or power loss.
 */
export class FsObjectStore implements ObjectStore {
  constructor(readonly root: string) {}

  private file(key: string): string {
    const p = path.resolve(this.root, key);
    if (!p.startsWith(path.resolve(this.root) + path.sep)) throw new Error(`key escapes the store: ${key}`);
    return p;
  }

  async get(key: string): Promise<Uint8Array> {
    return fs.promises.readFile(this.file(key));
  }

  async getOptional(key: string): Promise<Uint8Array | null> {
    try {
      return await this.get(key);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async put(key: string, body: Uint8Array | string): Promise<void> {
    const p = this.file(key);
    await fs.promises.mkdir(path.dirname(p), { recursive: true });
    const tmp = `${p}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    const fh = await fs.promises.open(tmp, "w");
    try {
      await fh.writeFile(body);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await fs.promises.rename(tmp, p);
    const dir = await fs.promises.open(path.dirname(p), "r");
    try {
      await dir.sync();
    } finally {
      await dir.close();
    }
  }

  async putFile(key: string, localPath: string): Promise<void> {
    const p = this.file(key);
    if (path.resolve(localPath) === p) return;
    await fs.promises.mkdir(path.dirname(p), { recursive: true });
    try {
      await fs.promises.rename(localPath, p);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EXDEV") throw err;
      await fs.promises.copyFile(localPath, `${p}.tmp`);
      await fs.promises.rename(`${p}.tmp`, p);
      await fs.promises.rm(localPath, { force: true });
    }
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((k) => fs.promises.rm(this.file(k), { force: true })));
  }

  /**
   * Removes temp files a killed writer left behind (`put` names them after its pid): those of
   * processes that no longer run, and unnamed ones older than `olderThanMs`. Returns how many.
   * Called on start; `list` never shows temp files, but they would stay on disk forever.
   */
  async removeStaleTempFiles(olderThanMs = 3_600_000, now = Date.now()): Promise<number> {
    let removed = 0;
    const walk = async (d: string): Promise<void> => {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) await walk(p);
        else if (e.name.endsWith(".tmp") && (await isStaleTemp(p, e.name, olderThanMs, now))) {
          await fs.promises.rm(p, { force: true });
          removed++;
        }
      }
    };
    await walk(path.resolve(this.root));
    return removed;
  }

  async *list(prefix: string): AsyncIterable<{ key: string; size: number; modified: Date }> {
    const base = path.resolve(this.root);
    const start = path.join(base, prefix);
    const dir = prefix.endsWith("/") || prefix === "" ? start : path.dirname(start);
    const walk = async function* (d: string): AsyncGenerator<string> {
      let entries: fs.Dirent[];
      try {
        entries = await fs.promises.readdir(d, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) yield* walk(p);
        else if (!e.name.endsWith(".tmp")) yield p;
      }
    };
    for await (const p of walk(dir)) {
      const key = path.relative(base, p).split(path.sep).join("/");
      if (!key.startsWith(prefix)) continue;
      const st = await fs.promises.stat(p);
      yield { key, size: st.size, modified: st.mtime };
    }
  }
}

async function isStaleTemp(file: string, name: string, olderThanMs: number, now: number): Promise<boolean> {
  const pid = /\.(\d+)\.[a-z0-9]+\.tmp$/.exec(name)?.[1];
  if (pid && Number(pid) !== process.pid) return !processAlive(Number(pid));
  const st = await fs.promises.stat(file).catch(() => null);
  return st !== null && now - st.mtimeMs > olderThanMs;
}
