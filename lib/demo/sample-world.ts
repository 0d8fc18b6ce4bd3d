import { AppError } from "@/lib/errors";
import type { Database } from "@/lib/ports/database";
import type { SampleFindingsInput } from "@/lib/schemas/incidents";
import type { World } from "./aws-world";
import type { Random } from "./random";
import { seedSimulatedInstance } from "./seed-estate";

type Instance = World["instances"][number];

/** The named simulated instance as the demo world describes instances (its first ENI and group). */
async function existingInstance(db: Database, sample: Instance, instanceId: string): Promise<Instance> {
  const [row] = await db.query<{ account_id: string; region: string; vpc_id: string; subnet_id: string }>(
    "SELECT account_id, region, vpc_id, subnet_id FROM sim_instances WHERE instance_id = $1",
    [instanceId],
  );
  const [eni] = await db.query<{ eni_id: string; private_ip: string; groups: string[] }>(
    "SELECT eni_id, private_ip, groups FROM sim_enis WHERE instance_id = $1 ORDER BY eni_id LIMIT 1",
    [instanceId],
  );
  return Object.assign(sample, {
    id: instanceId,
    account: row?.account_id,
    region: row?.region,
    vpc: row?.vpc_id,
    subnet: row?.subnet_id,
    eni: eni?.eni_id,
    privateIp: eni?.private_ip,
    sg: eni?.groups[0],
  });
}

/** The one instance the findings are about: the named one (404 when unknown), else a new simulated one. */
async function sampleInstance(db: Database, base: World, instanceId: string | undefined): Promise<Instance> {
  const known = instanceId
    ? await db.query<{ instance_id: string }>("SELECT instance_id FROM sim_instances WHERE instance_id = $1", [
        instanceId,
      ])
    : [];
  if (instanceId && !known.length) throw new AppError("not_found", `No simulated instance ${instanceId}`);
  const sample = { ...(base.instances[0] as Instance), profile: "web" };
  if (instanceId) return existingInstance(db, sample, instanceId);
  await seedSimulatedInstance(db, sample);
  return sample;
}

/**
 * The world the sample findings talk about, narrowed to their one resource, which exists in the
 * simulated estate afterwards: an instance (with ENI, groups, volume and ASG) or an access key.
 */
export async function prepareSampleWorld(
  db: Database,
  r: Random,
  base: World,
  q: Pick<SampleFindingsInput, "resourceType" | "instanceId">,
): Promise<World> {
  if (q.resourceType === "Instance") return { ...base, instances: [await sampleInstance(db, base, q.instanceId)] };
  const user = { ...(base.users[0] as World["users"][number]), name: `sample-user-${r.hex(4)}` };
  await db.query("INSERT INTO sim_access_keys (access_key_id, user_name) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
    user.keyId,
    user.name,
  ]);
  return { ...base, users: [user] };
}
