/**
 * Every API route that exists, found on disk: no session → 401, wrong role → 403,
 * malformed input → 422 with a message. Plus what the session cookie must refuse.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { encodeSessionCookie, SESSION_COOKIE } from "@/lib/auth/session-cookie";
import type { RouteHandler } from "@/lib/http/with-route";
import { ROLES, type Role } from "@/lib/schemas/auth";
import { fieldLabel } from "@/lib/schemas/issue-sentences";
import { tempDir } from "@/test/support/databases";

process.env.SIGHTLINE_DATA_DIR = tempDir("routes");
process.env.DATABASE_URL = "";
process.env.SIGHTLINE_INITIAL_PASSWORD = "route-test-password-1";

const { closeContext, getContext } = await import("@/lib/adapters");
const { prepare } = await import("@/lib/runtime/prepare");
const { seedEmail } = await import("@/lib/users");

const ORIGIN = "http://localhost";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function findRoutes(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? findRoutes(p) : e.name === "route.ts" ? [p] : [];
  });
}

const apiDir = path.resolve("app/api");
const routes = await Promise.all(
  findRoutes(apiDir).map(async (file) => {
    const urlPath = `/api/${path.relative(apiDir, path.dirname(file)).split(path.sep).join("/")}`;
    const params = Object.fromEntries(
      [...urlPath.matchAll(/\[(\w+)\]/g)].map((m) => [m[1], "00000000-0000-0000-0000-000000000000"]),
    );
    const mod = (await import(file)) as Record<string, RouteHandler | undefined>;
    return METHODS.flatMap((method) => {
      const handler = mod[method];
      return handler
        ? [{ name: `${method} ${urlPath}`, method, url: ORIGIN + urlPath.replace(/\[(\w+)\]/g, "x"), params, handler }]
        : [];
    });
  }),
).then((r) => r.flat());

const cookies: Partial<Record<Role, string>> = {};

beforeAll(async () => {
  const ctx = await getContext();
  await prepare(ctx.env, ctx.db as never, () => {});
  for (const role of ROLES) {
    const signIn = ctx.identity.signIn;
    if (!signIn) throw new Error("local backend expected");
    const res = await signIn.call(ctx.identity, { email: seedEmail(role), password: "route-test-password-1" });
    cookies[role] = `${SESSION_COOKIE}=${encodeURIComponent(res.cookie.value)}`;
  }
});
afterAll(closeContext);

type Route = (typeof routes)[number];
function call(
  route: Route,
  opts: { cookie?: string; body?: string; query?: string; params?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { origin: ORIGIN, host: "localhost" };
  if (opts.cookie) headers.cookie = opts.cookie;
  const body = route.method === "GET" ? undefined : opts.body;
  if (body !== undefined) headers["content-type"] = "application/json";
  const req = new Request(route.url + (opts.query ?? ""), { method: route.method, headers, body });
  return route.handler(req, { params: Promise.resolve(opts.params ?? route.params) });
}

test("routes were found", () => {
  expect(routes.map((r) => r.name)).toEqual(expect.arrayContaining(["GET /api/health", "POST /api/auth/login"]));
});

describe.each(routes)("$name", (route) => {
  const { auth } = route.handler.meta;
  const allowed: readonly Role[] = auth === "public" || auth === "signed-in" ? ROLES : auth;
  const denied = ROLES.filter((r) => !allowed.includes(r));
  const asAllowed = () => cookies[allowed[0] ?? "admins"];
  // Only the checks that apply to this route are generated (nothing is skipped).

  test("an anonymous call with an empty body never crashes (no 5xx, JSON answer)", async () => {
    const res = await call(route, { body: "" });
    expect(res.status).toBeLessThan(500);
    if (res.status !== 204) expect(res.headers.get("content-type")).toMatch(/application\/json/);
  });

  if (auth !== "public")
    test("no session → 401", async () => {
      const res = await call(route, { body: "{}" });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: { code: "unauthorized", message: expect.any(String) } });
    });

  if (denied.length > 0)
    test("wrong role → 403", async () => {
      for (const role of denied) {
        const res = await call(route, { cookie: cookies[role], body: "{}" });
        expect(res.status, role).toBe(403);
        expect((await res.json()).error.code).toBe("forbidden");
      }
    });

  if (route.handler.meta.body)
    test("malformed body → 422 with a message", async () => {
      for (const body of ['"not an object"', "{not json", "[]"]) {
        const res = await call(route, { cookie: asAllowed(), body });
        expect(res.status, body).toBe(422);
        const json = await res.json();
        expect(json.error.code).toBe("invalid_input");
        expect(json.error.message.length).toBeGreaterThan(3);
      }
    });

  if (route.handler.meta.query)
    test("malformed query → 422 with a message", async () => {
      const res = await call(route, { cookie: asAllowed(), query: "?__unknown=1" });
      expect(res.status).toBe(422);
      expect((await res.json()).error.message).toContain("There is no field called “__unknown” here.");
    });

  if (route.handler.meta.params)
    test("malformed path parameter → 422", async () => {
      const long = "x".repeat(500);
      const res = await call(route, {
        cookie: asAllowed(),
        body: "{}",
        params: Object.fromEntries(Object.keys(route.params).map((k) => [k, long])),
      });
      expect(res.status).toBe(422);
    });

  if (route.method !== "GET" && auth !== "public")
    test("a cookie write from another origin → 403", async () => {
      const headers = { cookie: asAllowed() ?? "", origin: "https://evil.example", "content-type": "application/json" };
      const res = await route.handler(new Request(route.url, { method: route.method, headers, body: "{}" }), {
        params: Promise.resolve(route.params),
      });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("csrf");
    });
});

test("POST /api/suppressions with an empty finding type → 422 in people's words, no code names", async () => {
  const create = routes.find((r) => r.name === "POST /api/suppressions") as Route;
  const body = JSON.stringify({ findingType: "", reason: "", colour: "red" });
  const res = await call(create, { cookie: cookies.analysts, body });
  expect(res.status).toBe(422);
  const { error } = await res.json();
  expect(error.message).toBe(
    "Give the finding type this rule hides, or * for every type. Say why these findings are hidden. There is no field called “colour” here.",
  );
  expect(error.issues.map((i: { message: string }) => i.message)).not.toContainEqual(
    expect.stringMatching(/findingType|Too small/),
  );
});

describe("session cookie refusal", () => {
  const me = () => routes.find((r) => r.name === "GET /api/me") as Route;

  test("a valid cookie is accepted", async () => {
    const res = await call(me(), { cookie: cookies.admins });
    expect(res.status).toBe(200);
    expect((await res.json()).principal.roles).toEqual(["admins"]);
  });

  test("a tampered cookie → 401", async () => {
    const value = decodeURIComponent((cookies.analysts ?? "").split("=")[1] ?? "");
    const [kid, payload, mac] = value.split(".");
    const claims = JSON.parse(Buffer.from(payload ?? "", "base64url").toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, exp: claims.exp + 86400 })).toString("base64url");
    const res = await call(me(), { cookie: `${SESSION_COOKIE}=${kid}.${forged}.${mac}` });
    expect(res.status).toBe(401);
  });

  test("an expired cookie → 401, even when correctly signed", async () => {
    const ctx = await getContext();
    const value = decodeURIComponent((cookies.admins ?? "").split("=")[1] ?? "");
    const claims = JSON.parse(Buffer.from(value.split(".")[1] ?? "", "base64url").toString());
    const expired = encodeSessionCookie(ctx.sessionKeys as never, {
      ...claims,
      exp: Math.floor(Date.now() / 1000) - 5,
    });
    expect((await call(me(), { cookie: `${SESSION_COOKIE}=${expired}` })).status).toBe(401);
  });

  test("after logout the same cookie → 401", async () => {
    const ctx = await getContext();
    const signIn = ctx.identity.signIn;
    const res = await signIn?.call(ctx.identity, { email: seedEmail("reviewers"), password: "route-test-password-1" });
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(res?.cookie.value ?? "")}`;
    expect((await call(me(), { cookie })).status).toBe(200);
    const logout = routes.find((r) => r.name === "POST /api/auth/logout") as Route;
    expect((await call(logout, { cookie })).status).toBe(204);
    expect((await call(me(), { cookie })).status).toBe(401);
  });

  test("a wrong password → 401 with a generic message; unknown email the same", async () => {
    const login = routes.find((r) => r.name === "POST /api/auth/login") as Route;
    const a = await call(login, { body: JSON.stringify({ email: seedEmail("admins"), password: "wrong-password" }) });
    const b = await call(login, { body: JSON.stringify({ email: "nobody@example.com", password: "wrong-password" }) });
    expect(a.status).toBe(401);
    expect(b.status).toBe(401);
    expect((await a.json()).error.message).toBe((await b.json()).error.message);
  });
});

describe("admin user management", () => {
  const usersRoute = () => routes.find((r) => r.name === "POST /api/admin/users") as Route;

  test("an admin adds a user and gets a one-time password; a duplicate email → 409", async () => {
    const body = JSON.stringify({ email: "new.analyst@example.com", roles: ["analysts"] });
    const res = await call(usersRoute(), { cookie: cookies.admins, body });
    expect(res.status).toBe(201);
    const json = await res.json();
    expect(json.user).toMatchObject({ email: "new.analyst@example.com", roles: ["analysts"], disabled: false });
    expect(json.password.length).toBeGreaterThan(12);
    expect((await call(usersRoute(), { cookie: cookies.admins, body })).status).toBe(409);
  });

  test("disabling a user ends their sessions at once", async () => {
    const ctx = await getContext();
    const res = await ctx.identity.signIn?.call(ctx.identity, {
      email: seedEmail("analysts"),
      password: "route-test-password-1",
    });
    const cookie = `${SESSION_COOKIE}=${encodeURIComponent(res?.cookie.value ?? "")}`;
    const patch = routes.find((r) => r.name === "PATCH /api/admin/users/[id]") as Route;
    const id = res?.principal.id ?? "";
    const out = await call(patch, { cookie: cookies.admins, body: JSON.stringify({ disabled: true }), params: { id } });
    expect(out.status).toBe(200);
    const me = routes.find((r) => r.name === "GET /api/me") as Route;
    expect((await call(me, { cookie })).status).toBe(401);
  });

  test("an admin cannot remove their own admin role", async () => {
    const ctx = await getContext();
    const self = await ctx.identity.authenticate({
      cookie: () => decodeURIComponent((cookies.admins ?? "").split("=")[1] ?? ""),
      header: () => null,
    });
    const patch = routes.find((r) => r.name === "PATCH /api/admin/users/[id]") as Route;
    const res = await call(patch, {
      cookie: cookies.admins,
      body: JSON.stringify({ roles: ["analysts"] }),
      params: { id: self?.id ?? "" },
    });
    expect(res.status).toBe(409);
  });
});

test("GET /api/health is public with the status only; admins also see the backend and database", async () => {
  const health = routes.find((r) => r.name === "GET /api/health") as Route;
  const res = await call(health);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: "ok" });
  for (const role of ["analysts", "reviewers"] as const)
    expect(await (await call(health, { cookie: cookies[role] })).json()).toEqual({ status: "ok" });
  expect(await (await call(health, { cookie: cookies.admins })).json()).toMatchObject({
    status: "ok",
    backend: "local",
    database: { kind: "pglite", reachable: true, serverVersion: expect.stringContaining("PostgreSQL") },
  });
});

describe("API keys for submitting systems", () => {
  const find = (name: string) => routes.find((r) => r.name === name) as Route;
  const submitWith = (authorization: string) =>
    find("POST /api/applications").handler(
      new Request(`${ORIGIN}/api/applications`, {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({
          name: "Grace Hopper",
          address: { line1: "1 Navy Yard", city: "Arlington", postcode: "22202", country: "US" },
        }),
      }),
      { params: Promise.resolve({}) },
    );

  test("an admin-made key submits applications; only its hash is stored; a revoked or wrong key → 401", async () => {
    const created = await call(find("POST /api/admin/api-keys"), {
      cookie: cookies.admins,
      body: JSON.stringify({ name: "crm" }),
    });
    expect(created.status).toBe(200);
    const { key, apiKey } = (await created.json()) as { key: string; apiKey: { id: string } };
    expect(key).toMatch(/^slk_[a-f0-9]{16}_/);

    const ok = await submitWith(`Bearer ${key}`);
    expect(ok.status).toBe(200);
    expect((await ok.json()).applicationId).toMatch(/^app-/);

    const ctx = await getContext();
    const stored = JSON.stringify(await ctx.db.query("SELECT * FROM api_keys WHERE id = $1", [apiKey.id]));
    // The secret is base64url, so it may itself hold `_`: it is everything after `slk_<id>_`.
    const secret = key.slice(`slk_${apiKey.id}_`.length);
    expect(secret).toHaveLength(43);
    expect(stored).not.toContain(secret);

    expect((await submitWith(`Bearer ${key.slice(0, -2)}xx`)).status).toBe(401);
    const revoke = await call(find("DELETE /api/admin/api-keys/[id]"), {
      cookie: cookies.admins,
      params: { id: apiKey.id },
    });
    expect(revoke.status).toBe(204);
    expect((await submitWith(`Bearer ${key}`)).status).toBe(401);
    // A key is not a person: it cannot reach anything but submissions.
    const other = await find("GET /api/reviews").handler(
      new Request(`${ORIGIN}/api/reviews`, { headers: { authorization: `Bearer ${key}` } }),
      { params: Promise.resolve({}) },
    );
    expect(other.status).toBe(401);
  });
});

/** POST /api/collect as a browser on our own origin sends it (text/plain, no preflight). */
const COLLECT_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36";
const collectEvent = (over: Record<string, unknown> = {}) => ({
  eventId: crypto.randomUUID(),
  eventName: "page_view",
  timestamp: Date.now(),
  clientId: `c-${Math.random()}`,
  sessionId: "s",
  ...over,
});
const postCollect = (body: string, headers: Record<string, string> = {}) =>
  (routes.find((r) => r.name === "POST /api/collect") as Route).handler(
    new Request(`${ORIGIN}/api/collect`, {
      method: "POST",
      headers: {
        host: "localhost",
        origin: ORIGIN,
        "user-agent": COLLECT_UA,
        "content-type": "text/plain",
        ...headers,
      },
      body,
    }),
    { params: Promise.resolve({}) },
  );

describe("POST /api/collect", () => {
  const ev = collectEvent;
  const post = postCollect;

  test("each kind of input gets its documented status; valid events are kept; CORS only for allowed origins", async () => {
    const ok = await post(JSON.stringify({ events: [ev(), ev({ eventId: "bad" })] }));
    expect(ok.status).toBe(200);
    expect(ok.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    const body = (await ok.json()) as { accepted: number; rejected: { index: number }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => r.index)).toEqual([1]);

    expect((await post(JSON.stringify({ events: [ev()] }), { origin: "https://evil.example" })).status).toBe(403);
    const evil = await post(JSON.stringify({ events: [ev()] }), { origin: "https://evil.example" });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    expect((await post("x".repeat(300_000))).status).toBe(413);
    expect((await post("{nope")).status).toBe(422);
    expect((await post(JSON.stringify({ events: [ev({ timestamp: Date.now() + 48 * 3600_000 })] }))).status).toBe(422);
    expect((await post(JSON.stringify({ events: [ev({ extra: 1 })] }))).status).toBe(422);
    expect((await post(JSON.stringify({ events: [ev()] }), { "user-agent": "curl/8.5.0" })).status).toBe(202);

    const ctx = await getContext();
    // Counters are written about once a second: wait for them as long as this machine needs.
    const read = async () =>
      (
        await ctx.db.query<{ accepted: number; rejected: number; bots: number; refused: number }>(
          "SELECT sum(accepted)::int AS accepted, sum(rejected)::int AS rejected, sum(bots)::int AS bots, sum(refused)::int AS refused FROM clickstream_ingest_hourly",
        )
      )[0];
    let counts = await read();
    while (!counts?.bots || (counts.refused ?? 0) < 3) {
      await new Promise((r) => setTimeout(r, 100));
      counts = await read();
    }
    expect(counts).toMatchObject({ bots: 1 });
    expect(counts?.accepted).toBeGreaterThanOrEqual(1);
    expect(counts?.rejected).toBeGreaterThanOrEqual(3);
    expect(counts?.refused).toBeGreaterThanOrEqual(3);
  });
});

/** Top-level field names of a request schema (objects, unions of objects, refinements of them). */
function fieldsOf(schema: unknown): string[] {
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })?._zod?.def;
  if (!def) return [];
  if (def.type === "object") return Object.keys(def.shape as object);
  if (def.type === "union") return [...new Set((def.options as unknown[]).flatMap(fieldsOf))];
  if (def.type === "pipe") return fieldsOf(def.in);
  return [];
}

describe("hostile input: every route that takes input answers 4xx with the field named, never 500", () => {
  const withInput = routes.filter((r) => r.handler.meta.params || r.handler.meta.query || r.handler.meta.body);
  // One user holding every role (the seeded ones are disabled by other tests in this file).
  let everyRole = "";
  beforeAll(async () => {
    const ctx = await getContext();
    const { hashPassword } = await import("@/lib/auth/password");
    const { insertUser } = await import("@/lib/users/user-store");
    const email = "every.role@example.com";
    await insertUser(ctx.db, { email, passwordHash: await hashPassword("every-role-password"), roles: [...ROLES] });
    const res = await ctx.identity.signIn?.call(ctx.identity, { email, password: "every-role-password" });
    everyRole = `${SESSION_COOKIE}=${encodeURIComponent(res?.cookie.value ?? "")}`;
  });
  const allowedCookie = (_route: Route) => everyRole;
  // What a route needs besides the field under test, so the answer is about that field.
  const BASE_QUERY: Record<string, string> = { "GET /api/entities": "kind=ip&value=203.0.113.9&" };

  test("there are such routes", () => {
    expect(withInput.length).toBeGreaterThan(25);
  });

  describe.each(withInput)("$name", (route) => {
    const cookie = () => allowedCookie(route);
    const { params, query, body } = route.handler.meta;

    if (params)
      test("a NUL byte in a path parameter → 422 naming it", async () => {
        const res = await call(route, {
          cookie: cookie(),
          body: "{}",
          params: Object.fromEntries(Object.keys(route.params).map((k) => [k, "a\u0000b"])),
        });
        expect(res.status).toBe(422);
        expect((await res.json()).error.message).toMatch(new RegExp(`${Object.keys(route.params)[0]}.*NUL`));
      });

    if (query)
      test("a NUL byte in any query parameter → 422 naming it", async () => {
        for (const field of fieldsOf(query)) {
          const res = await call(route, { cookie: cookie(), query: `?${field}=a%00b` });
          expect(res.status, field).toBe(422);
          expect((await res.json()).error.message, field).toMatch(new RegExp(`${field}.*NUL`));
        }
      });

    const dates = fieldsOf(query).filter((f) => ["from", "to", "before"].includes(f));
    if (dates.length)
      test("dates outside the sane window → 422 naming the field", async () => {
        for (const field of dates)
          for (const v of ["0001-01-01", "9999-12-31", "1100-01-01", "0001-01-01T00:00:00Z"]) {
            const res = await call(route, { cookie: cookie(), query: `?${BASE_QUERY[route.name] ?? ""}${field}=${v}` });
            expect(res.status, `${field}=${v}`).toBe(422);
            expect((await res.json()).error.message).toMatch(new RegExp(`${fieldLabel([field])} (must be|is) `));
          }
      });

    if (body) {
      test("a NUL byte or a lone surrogate in any body field → 422 naming it", async () => {
        for (const field of fieldsOf(body)) {
          for (const bad of ["a\u0000b", "a\ud800b"]) {
            const res = await call(route, { cookie: cookie(), body: JSON.stringify({ [field]: bad }) });
            expect(res.status, field).toBe(422);
            expect((await res.json()).error.message, field).toContain(field);
          }
        }
      });
      test("JSON nested 100,000 deep → 422; a 2 MB body → 413; a form body → 415", async () => {
        const deep = await call(route, { cookie: cookie(), body: `${"[".repeat(100_000)}${"]".repeat(100_000)}` });
        expect(deep.status).toBe(422);
        const big = await call(route, { cookie: cookie(), body: JSON.stringify({ x: "a".repeat(2_000_000) }) });
        expect(big.status).toBe(413);
        const form = await route.handler(
          new Request(route.url, {
            method: route.method,
            headers: { cookie: cookie() ?? "", origin: ORIGIN, host: "localhost", "content-type": "text/plain" },
            body: "{}",
          }),
          { params: Promise.resolve(route.params) },
        );
        expect(form.status).toBe(415);
      });
    }
  });

  test("an attacker's 100 MB body is refused while it arrives: at most ~1 MB is read, memory stays flat", async () => {
    for (const name of ["POST /api/auth/login", "POST /api/collect", "POST /api/clickstream/funnel"]) {
      const route = routes.find((r) => r.name === name) as Route;
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024).fill(97);
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (pulled >= 100 * 1024 * 1024) return controller.close();
          pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const before = process.memoryUsage().rss;
      const res = await route.handler(
        new Request(route.url, {
          method: "POST",
          headers: {
            cookie: cookies.admins ?? "",
            origin: ORIGIN,
            host: "localhost",
            "content-type": "application/json",
          },
          body: stream,
          duplex: "half",
        } as RequestInit),
        { params: Promise.resolve({}) },
      );
      expect(res.status, name).toBe(413);
      expect(pulled, name).toBeLessThan(2 * 1024 * 1024);
      expect(process.memoryUsage().rss - before, name).toBeLessThan(50 * 1024 * 1024);
    }
  });

  test("clickstream reports cover at most 400 days and a start after the end is said plainly", async () => {
    const overview = routes.find((r) => r.name === "GET /api/clickstream/overview") as Route;
    const wide = await call(overview, { cookie: everyRole, query: "?from=2001-01-01&to=2026-12-31" });
    expect(wide.status).toBe(422);
    expect((await wide.json()).error.message).toMatch(/at most 400 days/);
    const reversed = await call(overview, { cookie: everyRole, query: "?from=2026-12-05&to=2026-12-01" });
    expect((await reversed.json()).error.message).toMatch(/end date is before the start date/);
    expect((await call(overview, { cookie: everyRole, query: "?from=2026-11-01&to=2026-11-30" })).status).toBe(200);
  });

  test("every clickstream report counts against the per-user limit on concurrent heavy queries", () => {
    const reports = routes.filter((r) =>
      /^(GET|POST) \/api\/clickstream\/(overview|products|paths|paths\/flow|sessions|funnel|funnel\/correlation)$/.test(
        r.name,
      ),
    );
    expect(reports.map((r) => r.name).sort()).toHaveLength(7);
    for (const r of reports) expect(r.handler.meta.heavy, r.name).toBe(true);
  });
});

describe("POST /api/auth/login against an attacker", () => {
  const login = () => routes.find((r) => r.name === "POST /api/auth/login") as Route;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    login().handler(
      new Request(`${ORIGIN}/api/auth/login`, {
        method: "POST",
        headers: { host: "localhost", "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      { params: Promise.resolve({}) },
    );

  test("50 parallel wrong passwords lock the account: the right one is then refused, exactly like an unknown account", async () => {
    const ctx = await getContext();
    const { hashPassword } = await import("@/lib/auth/password");
    const { insertUser } = await import("@/lib/users/user-store");
    const email = "brute.target@example.com";
    const password = "the-right-password-123";
    await insertUser(ctx.db, { email, passwordHash: await hashPassword(password), roles: ["analysts"] });
    const wrong = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post({ email, password: `wrong-${i}` }).then((r) => r.status)),
    );
    expect(wrong.every((s) => s === 401)).toBe(true);
    const right = await post({ email, password });
    const unknown = await post({ email: "nobody.at.all@example.com", password });
    expect(right.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await right.json()).toEqual(await unknown.json());
    const [row] = await ctx.db.query<{ failed_logins: number }>("SELECT failed_logins FROM users WHERE email = $1", [
      email,
    ]);
    expect(row?.failed_logins).toBe(10);
  });

  test("login CSRF: a cross-site form (text/plain) or a cross-site JSON post cannot sign a browser in", async () => {
    const ctx = await getContext();
    const { hashPassword } = await import("@/lib/auth/password");
    const { insertUser } = await import("@/lib/users/user-store");
    const email = "csrf.target@example.com";
    await insertUser(ctx.db, { email, passwordHash: await hashPassword("csrf-target-password"), roles: ["analysts"] });
    const creds = JSON.stringify({ email, password: "csrf-target-password" });
    const form = await post(creds, { "content-type": "text/plain", origin: "https://evil.example" });
    expect(form.status).toBe(403);
    expect(form.headers.get("set-cookie")).toBeNull();
    const fetched = await post(creds, { origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    expect(fetched.status).toBe(403);
    // Same origin, but not JSON: refused too (only JSON sign-ins).
    expect((await post(creds, { "content-type": "text/plain", origin: ORIGIN })).status).toBe(415);
    const ok = await post(creds, { origin: ORIGIN });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("set-cookie")).toContain(SESSION_COOKIE);
  });
});

describe("POST /api/collect against an attacker", () => {
  const ev = (over: Record<string, unknown> = {}) => collectEvent({ clientId: "c-hostile", ...over });
  const post = postCollect;

  test("text Postgres cannot store and times outside the window are refused per event, with the reason", async () => {
    const res = await post(
      JSON.stringify({
        events: [
          ev(),
          ev({ sessionId: "s\u0000" }),
          ev({ pageUrl: "a\u0000b" }),
          ev({ pageUrl: "a\ud800b" }),
          ev({ timestamp: 1 }),
          ev({ timestamp: "0001-01-01T00:00:00Z" }),
          ev({ timestamp: Date.now() - 30 * 86_400_000 }),
        ],
      }),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { accepted: number; rejected: { index: number; reason: string }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((r) => [r.index, r.reason])).toEqual([
      [1, expect.stringMatching(/sessionId: contains a NUL/)],
      [2, expect.stringMatching(/pageUrl: contains a NUL/)],
      [3, expect.stringMatching(/pageUrl: .*surrogate/)],
      [4, expect.stringMatching(/more than 7 days before/)],
      [5, expect.stringMatching(/more than 7 days before/)],
      [6, expect.stringMatching(/more than 7 days before/)],
    ]);
  });

  test("deeply nested JSON → 422, not a crash", async () => {
    const res = await post(`{"events":${"[".repeat(100_000)}${"]".repeat(100_000)}}`);
    expect(res.status).toBe(422);
  });

  test("a client-written X-Forwarded-For is not the address: only our HTTP front's header counts", async () => {
    const { CLIENT_IP_HEADER } = await import("@/lib/http/client-ip");
    const event = ev();
    const res = await post(JSON.stringify({ events: [event] }), {
      "x-forwarded-for": "1.2.3.4",
      [CLIENT_IP_HEADER]: "198.51.100.23",
    });
    const { object } = (await res.json()) as { object: string };
    const ctx = await getContext();
    const lines = Buffer.from(await ctx.clickstreamRaw.get(object))
      .toString()
      .trim()
      .split("\n");
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.event.eventId === event.eventId);
    expect(line.ip).toBe("198.51.100.0");
  });
});
