import type { Queryable } from "@/lib/ports/database";
import type { World } from "./aws-world";

type Instance = World["instances"][number];

/**
 * Adds one instance to the simulated estate (local backend): its security group (SSH from the
 * office, and for `web` instances HTTPS from anywhere), ENI, root volume, instance profile and,
 * for `web` instances, an Auto Scaling group. Idempotent.
 */
export async function seedSimulatedInstance(q: Queryable, i: Instance): Promise<void> {
  const asg = i.profile === "web" ? `web-asg-${i.region}` : null;
  const ingress = [
    { protocol: "tcp", port: 22, cidr: "203.0.113.0/24" },
    ...(i.profile === "web" ? [{ protocol: "tcp", port: 443, cidr: "0.0.0.0/0" }] : []),
  ];
  await q.query(
    `INSERT INTO sim_security_groups (group_id, vpc_id, name, description, ingress, egress)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (group_id) DO NOTHING`,
    [
      i.sg,
      i.vpc,
      `${i.profile}-sg`,
      `${i.profile} tier`,
      JSON.stringify(ingress),
      JSON.stringify([{ protocol: "-1", cidr: "0.0.0.0/0" }]),
    ],
  );
  await q.query(
    `INSERT INTO sim_instances (instance_id, account_id, region, vpc_id, subnet_id, instance_type, tags, profile_arn,
       profile_association_id, asg_name)
     VALUES ($1, $2, $3, $4, $5, 't3.medium', $6, $7, $8, $9) ON CONFLICT (instance_id) DO NOTHING`,
    [
      i.id,
      i.account,
      i.region,
      i.vpc,
      i.subnet,
      JSON.stringify({ Name: `app-${i.id.slice(-4)}`, tier: i.profile }),
      `arn:aws:iam::${i.account}:instance-profile/${i.profile}`,
      `iip-assoc-${i.id.slice(2)}`,
      asg,
    ],
  );
  await q.query(
    "INSERT INTO sim_enis (eni_id, instance_id, private_ip, groups) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    [i.eni, i.id, i.privateIp, [i.sg]],
  );
  await q.query(
    "INSERT INTO sim_volumes (volume_id, instance_id, device, size_gib) VALUES ($1, $2, '/dev/xvda', 20) ON CONFLICT DO NOTHING",
    [`vol-${i.id.slice(2)}`, i.id],
  );
}

/** The demo world's instances and IAM users' access keys, as the simulated estate. */
export async function seedSimulatedEstate(q: Queryable, w: World): Promise<void> {
  for (const i of w.instances) await seedSimulatedInstance(q, i);
  for (const u of w.users)
    await q.query("INSERT INTO sim_access_keys (access_key_id, user_name) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
      u.keyId,
      u.name,
    ]);
}
