import type { AppContext } from "@/lib/adapters";

export interface Health {
  status: "ok" | "degraded";
  backend: "local" | "aws";
  version: string;
  database: { kind: string; reachable: boolean; serverVersion?: string; error?: string };
}

export const APP_VERSION = process.env.npm_package_version ?? "0.1.0";

export async function checkHealth(ctx: AppContext): Promise<Health> {
  try {
    const serverVersion = await ctx.db.serverVersion();
    return {
      status: "ok",
      backend: ctx.env.SIGHTLINE_BACKEND,
      version: APP_VERSION,
      database: { kind: ctx.db.kind, reachable: true, serverVersion },
    };
  } catch {
    return {
      status: "degraded",
      backend: ctx.env.SIGHTLINE_BACKEND,
      version: APP_VERSION,
      database: { kind: ctx.db.kind, reachable: false, error: "database did not answer" },
    };
  }
}
