import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export interface SessionKey {
  kid: string;
  secret: string; // base64url, 32 bytes
  createdAt: string;
}

/** How many older keys still verify cookies after a rotation. */
const KEEP_KEYS = 3;

/**
 * The HMAC keys that sign local session cookies, kept in `<dataDir>/keys/session-keys.json`
 * (mode 0600). The first key signs; all listed keys verify, so rotation does not sign
 * everyone out at once, and dropping a key after KEEP_KEYS rotations does.
 */
export class SessionKeyring {
  private keys: SessionKey[] = [];
  constructor(private readonly file: string) {}

  static forDataDir(dataDir: string): SessionKeyring {
    return new SessionKeyring(path.join(dataDir, "keys", "session-keys.json"));
  }

  load(): this {
    try {
      this.keys = (JSON.parse(fs.readFileSync(this.file, "utf8")) as { keys: SessionKey[] }).keys;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      this.keys = [];
    }
    if (this.keys.length === 0) this.rotate();
    return this;
  }

  get current(): SessionKey {
    const key = this.keys[0];
    if (!key) throw new Error("session keyring is empty");
    return key;
  }

  find(kid: string): SessionKey | undefined {
    const hit = this.keys.find((k) => k.kid === kid);
    if (hit) return hit;
    // Another process (the `users` CLI) may have rotated: re-read once.
    this.load();
    return this.keys.find((k) => k.kid === kid);
  }

  rotate(): SessionKey {
    const key: SessionKey = {
      kid: randomBytes(6).toString("base64url"),
      secret: randomBytes(32).toString("base64url"),
      createdAt: new Date().toISOString(),
    };
    this.keys = [key, ...this.keys].slice(0, KEEP_KEYS);
    fs.mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    const tmp = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ keys: this.keys }, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, this.file);
    return key;
  }
}
