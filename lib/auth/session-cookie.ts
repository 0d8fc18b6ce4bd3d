import { createHmac, timingSafeEqual } from "node:crypto";
import type { SessionKeyring } from "./session-keys";

export const SESSION_COOKIE = "sl_session";

export interface SessionClaims {
  sid: string;
  sub: string;
  /** Expiry, seconds since epoch. */
  exp: number;
}

const sign = (secret: string, data: string) =>
  createHmac("sha256", Buffer.from(secret, "base64url")).update(data).digest("base64url");

/** `<kid>.<payload>.<hmac>`: HMAC-SHA256 over kid and payload with the keyring's current key. */
export function encodeSessionCookie(keys: SessionKeyring, claims: SessionClaims): string {
  const key = keys.current;
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${key.kid}.${payload}.${sign(key.secret, `${key.kid}.${payload}`)}`;
}

/** The claims of a cookie that is well-formed, correctly signed and unexpired; otherwise null. */
export function decodeSessionCookie(keys: SessionKeyring, value: string, now = Date.now()): SessionClaims | null {
  const parts = value.split(".");
  if (parts.length !== 3) return null;
  const [kid = "", payload = "", mac = ""] = parts;
  const key = keys.find(kid);
  if (!key) return null;
  const expected = Buffer.from(sign(key.secret, `${kid}.${payload}`));
  const actual = Buffer.from(mac);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const c = claims as Partial<SessionClaims>;
  if (typeof c.sid !== "string" || typeof c.sub !== "string" || typeof c.exp !== "number") return null;
  if (c.exp * 1000 <= now) return null;
  return { sid: c.sid, sub: c.sub, exp: c.exp };
}
