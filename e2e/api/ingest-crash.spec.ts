import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { findOwner } from "@/lib/db/embedded";
import { PgDatabase } from "@/lib/db/pg-database";

const PORT = 3190;
const BASE = `http://127.0.0.1:${PORT}`;
const UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";

/** A second server (its own data dir, no demo data) that this test may kill. */
function startServer(dataDir: string): ChildProcess {
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      SIGHTLINE_DATA_DIR: dataDir,
      SIGHTLINE_DEMO_DATA: "false",
      SIGHTLINE_INITIAL_PASSWORD: "crash-test-password",
      DATABASE_URL: "",
    },
    stdio: "ignore",
    detached: true, // its own process group: SIGKILL takes the supervisor and the Next server together
  });
}

async function healthy() {
  for (let i = 0; i < 120; i++) {
    if (
      await fetch(`${BASE}/api/health`)
        .then((r) => r.ok)
        .catch(() => false)
    )
      return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not start");
}

test("SIGKILL during concurrent ingest: every event answered 2xx is in the warehouse after restart + ETL, none twice", async () => {
  test.setTimeout(180_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sightline-crash-"));
  let server = startServer(dataDir);
  try {
    await healthy();
    const acknowledged = new Set<string>();
    let stop = false;
    const client = async (c: number) => {
      for (let i = 0; !stop; i++) {
        const events = Array.from({ length: 20 }, (_, k) => ({
          eventId: randomUUID(),
          eventName: "page_view",
          timestamp: Date.now(),
          clientId: `crash-${c}`,
          sessionId: `crash-${c}`,
          seq: i * 20 + k,
        }));
        try {
          const res = await fetch(`${BASE}/api/collect`, {
            method: "POST",
            headers: { "content-type": "text/plain", origin: BASE, "user-agent": UA },
            body: JSON.stringify({ events }),
          });
          if (res.status === 200) for (const e of events) acknowledged.add(e.eventId);
        } catch {
          // connection refused or reset: the server is gone, these events were never acknowledged
        }
      }
    };
    const load = Promise.all(Array.from({ length: 16 }, (_, c) => client(c)));
    await new Promise((r) => setTimeout(r, 3000));
    process.kill(-(server.pid as number), "SIGKILL");
    await new Promise((r) => setTimeout(r, 500));
    stop = true;
    await load;
    expect(acknowledged.size).toBeGreaterThan(200);

    server = startServer(dataDir);
    await healthy();
    execFileSync("npm", ["run", "--silent", "etl"], {
      env: { ...process.env, SIGHTLINE_DATA_DIR: dataDir, DATABASE_URL: "" },
      stdio: "pipe",
    });
    const db = new PgDatabase({ url: (await findOwner(dataDir, 10_000)) ?? "", kind: "pglite" });
    try {
      const rows = await db.query<{ id: string }>(
        "SELECT event_id::text AS id FROM clickstream_events WHERE client_id LIKE 'crash-%'",
      );
      const stored = new Set(rows.map((r) => r.id));
      const missing = [...acknowledged].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      expect(rows.length).toBe(stored.size); // the primary key: nothing twice
    } finally {
      await db.close();
    }
  } finally {
    try {
      process.kill(-(server.pid as number), "SIGKILL");
    } catch {
      /* already gone */
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
