import { type ApiResult, CloudActionError } from "@/lib/ports/cloud-controls";
import type { Database } from "@/lib/ports/database";
import { instanceOfAssociation } from "./estate-store";
import { callSimulated, randomHex, simulatedResult } from "./simulated-call";

/** A new association id replaces the old one, as EC2 does. */
export async function replaceProfile(db: Database, associationId: string, profileArn: string): Promise<ApiResult> {
  const instanceId = await instanceOfAssociation(db, associationId);
  if (!instanceId)
    throw new CloudActionError("ReplaceIamInstanceProfileAssociation", "InvalidAssociationID.NotFound", associationId);
  const next = `iip-assoc-0${randomHex(16)}`;
  await callSimulated(db, "ReplaceIamInstanceProfileAssociation", { associationId, profileArn }, instanceId, (tx) =>
    tx.query("UPDATE sim_instances SET profile_arn = $2, profile_association_id = $3 WHERE instance_id = $1", [
      instanceId,
      profileArn,
      next,
    ]),
  );
  return simulatedResult("ReplaceIamInstanceProfileAssociation", {
    associationId: next,
    profileArn,
    state: "associating",
  });
}

/** A key id unknown so far is taken as the user's; a key of another user is NoSuchEntity. */
export async function setAccessKeyStatus(
  db: Database,
  userName: string,
  accessKeyId: string,
  status: "Active" | "Inactive",
): Promise<ApiResult> {
  await callSimulated(db, "UpdateAccessKey", { userName, accessKeyId, status }, null, async (tx) => {
    const r = await tx.query(
      `INSERT INTO sim_access_keys (access_key_id, user_name, status) VALUES ($1, $2, $3)
         ON CONFLICT (access_key_id) DO UPDATE SET status = EXCLUDED.status WHERE sim_access_keys.user_name = EXCLUDED.user_name
         RETURNING 1`,
      [accessKeyId, userName, status],
    );
    if (!r.length)
      throw new CloudActionError(
        "UpdateAccessKey",
        "NoSuchEntity",
        `The Access Key with id ${accessKeyId} cannot be found.`,
      );
  });
  return simulatedResult("UpdateAccessKey", { userName, accessKeyId, status });
}
