import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Seals channel secrets (webhook URLs, bot tokens) with AES-256-GCM before they reach the
 * database. The key lives outside it: a 0600 file in the data dir locally, an environment
 * variable (from Secrets Manager) in AWS.
 */
export class SecretBox {
  private constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("the channel secret key must be 32 bytes");
  }

  static fromBase64(b64: string): SecretBox {
    return new SecretBox(Buffer.from(b64, "base64url"));
  }

  /** Reads `<dataDir>/keys/channel-secrets.key`, creating it on first use. */
  static forDataDir(dataDir: string): SecretBox {
    const file = path.join(dataDir, "keys", "channel-secrets.key");
    try {
      return SecretBox.fromBase64(fs.readFileSync(file, "utf8").trim());
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
    }
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err; // another process won the race
    }
    return SecretBox.fromBase64(fs.readFileSync(file, "utf8").trim());
  }

  seal(value: Record<string, string>): string {
    const iv = randomBytes(12);
    const c = createCipheriv("aes-256-gcm", this.key, iv);
    const body = Buffer.concat([c.update(JSON.stringify(value), "utf8"), c.final()]);
    return ["v1", iv.toString("base64url"), c.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
  }

  open(sealed: string): Record<string, string> {
    const [v, iv, tag, body] = sealed.split(".");
    if (v !== "v1" || !iv || !tag || !body) throw new Error("not a sealed secret");
    const d = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    d.setAuthTag(Buffer.from(tag, "base64url"));
    return JSON.parse(Buffer.concat([d.update(Buffer.from(body, "base64url")), d.final()]).toString("utf8"));
  }
}
