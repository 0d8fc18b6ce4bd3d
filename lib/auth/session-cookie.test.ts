import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { decodeSessionCookie, encodeSessionCookie } from "./session-cookie";
import { SessionKeyring } from "./session-keys";

const keyring = () => SessionKeyring.forDataDir(fs.mkdtempSync(path.join(os.tmpdir(), "sl-keys-"))).load();
const claims = (exp = Math.floor(Date.now() / 1000) + 3600) => ({ sid: "s1", sub: "u1", exp });

describe("session cookie", () => {
  test("round-trips claims signed with the current key", () => {
    const keys = keyring();
    expect(decodeSessionCookie(keys, encodeSessionCookie(keys, claims()))).toMatchObject({ sid: "s1", sub: "u1" });
  });

  test("a changed payload or signature is refused", () => {
    const keys = keyring();
    const [kid, payload, mac] = encodeSessionCookie(keys, claims()).split(".");
    const forged = Buffer.from(JSON.stringify({ ...claims(), sub: "admin" })).toString("base64url");
    expect(decodeSessionCookie(keys, `${kid}.${forged}.${mac}`)).toBeNull();
    expect(decodeSessionCookie(keys, `${kid}.${payload}.${mac?.slice(0, -2)}xx`)).toBeNull();
    expect(decodeSessionCookie(keys, "garbage")).toBeNull();
  });

  test("an expired cookie is refused", () => {
    const keys = keyring();
    expect(decodeSessionCookie(keys, encodeSessionCookie(keys, claims(Math.floor(Date.now() / 1000) - 1)))).toBeNull();
  });

  test("a cookie from another data dir's key is refused", () => {
    expect(decodeSessionCookie(keyring(), encodeSessionCookie(keyring(), claims()))).toBeNull();
  });

  test("rotation keeps recent keys verifying and drops old ones", () => {
    const keys = keyring();
    const old = encodeSessionCookie(keys, claims());
    keys.rotate();
    expect(decodeSessionCookie(keys, old)).not.toBeNull();
    keys.rotate();
    keys.rotate();
    expect(decodeSessionCookie(keys, old)).toBeNull();
  });

  test("the keyring file is private to its owner", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sl-keys-"));
    SessionKeyring.forDataDir(dir).load();
    const mode = fs.statSync(path.join(dir, "keys", "session-keys.json")).mode & 0o777;
    expect(mode).toBe(0o600);
  });
});
