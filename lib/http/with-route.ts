import "server-only";
import { type ZodType, z } from "zod";
import { type AppContext, getContext } from "@/lib/adapters";
import { principalFromApiKey } from "@/lib/auth/api-keys";
import { AppError, errorBody } from "@/lib/errors";
import { authRequestFrom } from "@/lib/ports/identity";
import { hasAnyRole, type Principal, type Role } from "@/lib/schemas/auth";
import { findUnstorableText } from "@/lib/schemas/common";
import { isSameOriginWrite, originOf } from "./csrf";
import { heavyQuerySlots } from "./heavy-queries";
import { JSON_BODY_LIMIT, parseJsonText, readBodyText } from "./read-body";

type Auth = "public" | "signed-in" | readonly Role[];

export interface RouteOptions<P, Q, B> {
  /** `public`, any signed-in user, or the roles allowed. */
  auth: Auth;
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Also accept `Authorization: Bearer slk_…` API keys (systems, not people; they hold no role). */
  apiKey?: boolean;
  /** Check the request's origin even without a session cookie (sign-in: login CSRF). */
  originCheck?: "always";
  /** An expensive report: at most `HEAVY_QUERIES_PER_USER` run at once per person (429 past that). */
  heavy?: boolean;
}

interface HandlerArgs<P, Q, B, A extends Auth> {
  req: Request;
  ctx: AppContext;
  principal: A extends "public" ? Principal | null : Principal;
  params: P;
  query: Q;
  body: B;
}

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
export type RouteHandler = ((req: Request, rc: RouteContext) => Promise<Response>) & {
  meta: RouteOptions<unknown, unknown, unknown>;
};

export function errorResponse(err: unknown): Response {
  const { status, body } = errorBody(err);
  return Response.json(body, { status });
}

/**
 * The JSON body, read only up to `JSON_BODY_LIMIT` and only as `application/json` (a cross-site
 * form can send `text/plain` without a preflight; it cannot send JSON).
 */
async function readJson(req: Request): Promise<unknown> {
  const text = await readBodyText(req, JSON_BODY_LIMIT);
  if (!text) return undefined;
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json")
    throw new AppError("unsupported_media_type", "Send the request body as JSON (Content-Type: application/json)");
  return parseJsonText(text);
}

/** Every string a caller sent (path, query, body) must be storable text; the field is named. */
function checkStorable(where: string, value: unknown) {
  const found = findUnstorableText(value);
  if (found)
    throw new AppError("invalid_input", `${where === "body" ? "" : `${where} `}${found.path}: ${found.reason}`);
}

const queryObject = (url: string) => {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of new URL(url).searchParams) {
    const prev = out[k];
    out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
  }
  return out;
};

/**
 * The one wrapper every API route goes through: authentication, role check, CSRF check for
 * cookie-authenticated writes, zod parsing of params/query/body, and the only try/catch
 * (errors become `{ error: { code, message } }`). Auth runs before parsing so callers
 * without access learn nothing about the input shape.
 */
export function withRoute<P = undefined, Q = undefined, B = undefined, const A extends Auth = Auth>(
  opts: RouteOptions<P, Q, B> & { auth: A },
  handler: (args: HandlerArgs<P, Q, B, A>) => Promise<unknown>,
): RouteHandler {
  const route = async (req: Request, rc: RouteContext): Promise<Response> => {
    try {
      const ctx = await getContext();
      const principal =
        (opts.apiKey ? await principalFromApiKey(ctx.db, req.headers.get("authorization")) : null) ??
        (await ctx.identity.authenticate(authRequestFrom(req)));
      if (opts.auth !== "public") {
        if (!principal) throw new AppError("unauthorized", "Sign in first");
        if (opts.auth !== "signed-in" && !hasAnyRole(principal, opts.auth)) {
          throw new AppError("forbidden", "Your role does not allow this");
        }
      }
      const appOrigin = originOf(ctx.env.SIGHTLINE_APP_URL);
      if (!isSameOriginWrite(req, { appOrigin, always: opts.originCheck === "always" }))
        throw new AppError("csrf", "Cross-origin request refused");
      const rawParams = await rc.params;
      checkStorable("path parameter", rawParams);
      const rawQuery = queryObject(req.url);
      checkStorable("query parameter", rawQuery);
      const params = opts.params ? opts.params.parse(rawParams) : (undefined as P);
      const query = opts.query ? opts.query.parse(rawQuery) : (undefined as Q);
      const rawBody = opts.body ? await readJson(req) : undefined;
      checkStorable("body", rawBody);
      const body = opts.body ? opts.body.parse(rawBody) : (undefined as B);
      const run = () =>
        handler({ req, ctx, principal: principal as HandlerArgs<P, Q, B, A>["principal"], params, query, body });
      const out = opts.heavy && principal ? await heavyQuerySlots.run(principal.id, run) : await run();
      if (out instanceof Response) return out;
      return out === undefined ? new Response(null, { status: 204 }) : Response.json(out);
    } catch (err) {
      return errorResponse(err);
    }
  };
  return Object.assign(route, { meta: opts as RouteOptions<unknown, unknown, unknown> });
}

/** Path params are strings; this is the shape for `[id]` segments. */
export const IdParams = z.object({ id: z.string().min(1).max(200) });
