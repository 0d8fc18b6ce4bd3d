import { Random } from "./random";

/** A small, consistent AWS estate the demo data talks about: accounts, users, roles, instances. */
export interface World {
  accounts: string[];
  regions: string[];
  users: { name: string; account: string; keyId: string; principalId: string; mfa: boolean }[];
  roles: { name: string; account: string }[];
  instances: {
    id: string;
    account: string;
    region: string;
    eni: string;
    privateIp: string;
    publicIp: string;
    sg: string;
    vpc: string;
    subnet: string;
    profile: string;
  }[];
  officeIps: string[];
  attackerIps: string[];
  buckets: string[];
}

export function makeWorld(seed = 42): World {
  const r = new Random(seed);
  const accounts = ["111122223333", "444455556666"];
  const regions = ["us-east-1", "eu-west-1"];
  const names = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy"];
  const users = names.map((name, i) => ({
    name,
    account: accounts[i % accounts.length] as string,
    keyId: `AKIA${r.upper(16)}`,
    principalId: `AIDA${r.upper(17)}`,
    mfa: i % 4 !== 3,
  }));
  const roles = ["ci-deploy", "app-runtime", "data-pipeline", "security-audit", "OrganizationAccountAccessRole"].map(
    (name, i) => ({
      name,
      account: accounts[i % accounts.length] as string,
    }),
  );
  const instances = Array.from({ length: 12 }, (_, i) => ({
    id: `i-0${r.hex(16)}`,
    account: accounts[i % accounts.length] as string,
    region: regions[i % regions.length] as string,
    eni: `eni-0${r.hex(16)}`,
    privateIp: `10.0.${i % 4}.${10 + i}`,
    publicIp: `54.${r.int(10, 250)}.${r.int(0, 250)}.${r.int(1, 250)}`,
    sg: `sg-0${r.hex(16)}`,
    vpc: `vpc-0${r.hex(16)}`,
    subnet: `subnet-0${r.hex(16)}`,
    profile: i % 3 === 0 ? "web" : i % 3 === 1 ? "worker" : "batch",
  }));
  return {
    accounts,
    regions,
    users,
    roles,
    instances,
    officeIps: ["203.0.113.10", "203.0.113.11", "203.0.113.12", "2001:db8:10::20"],
    attackerIps: ["198.51.100.66", "198.51.100.200", "192.0.2.77", "185.220.101.5"],
    buckets: ["acme-prod-data", "acme-logs", "acme-backups", "acme-public-assets"],
  };
}
