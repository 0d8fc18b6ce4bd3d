import { recordAudit } from "@/lib/audit/record-audit";
import { requireRole } from "@/lib/auth/require-role";
import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { Principal } from "@/lib/schemas/auth";
import type { AwsIpRangesInfo } from "@/lib/schemas/aws-ip-ranges";
import {
  type AwsIpRanges,
  awsIpRangesPath,
  indexAwsIpRanges,
  readAwsIpRangesFile,
  replaceAwsIpRanges,
} from "./aws-ip-ranges";

export interface RefreshAwsIpRangesCtx {
  db: Database;
  principal: Principal | null;
  /** `SIGHTLINE_AWS_IP_RANGES_URL`: download from here instead of re-reading the file. */
  url?: string;
  file?: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** Downloads AWS's file; an unreachable address or a refusal says so, with nothing replaced. */
async function download(ctx: RefreshAwsIpRangesCtx, url: string): Promise<AwsIpRanges> {
  const doFetch = ctx.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, { signal: AbortSignal.timeout(ctx.timeoutMs ?? 20_000) });
  } catch (err) {
    const why = err instanceof Error && err.name === "TimeoutError" ? "it did not answer in time" : "it is unreachable";
    throw new AppError("unavailable", `Could not download the AWS IP ranges from ${url}: ${why}`);
  }
  if (!res.ok)
    throw new AppError(
      "unavailable",
      `Could not download the AWS IP ranges from ${url}: it answered HTTP ${res.status}`,
    );
  return indexAwsIpRanges(await res.text(), url);
}

/**
 * Admins: read AWS's IP ranges again — from `SIGHTLINE_AWS_IP_RANGES_URL` when set, else from the
 * file on disk — and use them from now on in this server process. When the new copy cannot be had,
 * the error says why and the ranges in use stay as they were. Audited.
 */
export async function refreshAwsIpRanges({ ctx }: { ctx: RefreshAwsIpRangesCtx }): Promise<AwsIpRangesInfo> {
  const me = requireRole(ctx.principal, ["admins"]);
  const ranges = ctx.url ? await download(ctx, ctx.url) : await readAwsIpRangesFile(ctx.file ?? awsIpRangesPath());
  replaceAwsIpRanges(ranges);
  const { info } = ranges;
  await recordAudit(ctx.db, {
    actor: me.email,
    action: "aws-ip-ranges.refresh",
    subject: info.source,
    detail: { syncToken: info.syncToken, createDate: info.createDate, prefixes: info.prefixes },
  });
  return info;
}
