import { flowLine } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

/** Ports a scanner tries first: remote access, mail, databases, caches, container and search APIs. */
const PORTS = [
  21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 443, 445, 993, 995, 1433, 1521, 2375, 3306, 3389, 5432, 5900, 6379, 8080,
  8443, 9200, 11211, 27017, 50000,
];
const HOSTS = ["10.0.1.15", "10.0.1.16"];

/** Flows from `src` to our hosts, port after port, `step` seconds apart (rejected unless `action` says). */
const probes = (
  start: string,
  n: number,
  step: number,
  src = "198.51.100.23",
  action: "ACCEPT" | "REJECT" = "REJECT",
) =>
  Array.from({ length: n }, (_, i) =>
    flowLine({
      src,
      dst: HOSTS[i % HOSTS.length] as string,
      srcPort: 41000 + i,
      dstPort: PORTS[i % PORTS.length] as number,
      action,
      packets: 1,
      bytes: 44,
      start: Date.parse(start) / 1000 + i * step,
    }),
  );

const fire = probes("2026-11-20T09:10:00Z", 28, 8);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "flow-port-scan-rejected-burst",
  version: 1,
  title: "Port scan: many rejected connections from one source address",
  severity: 2,
  description:
    "One source address had twenty-five or more connections rejected by security groups or network ACLs within 5 minutes: a scan of ports and hosts looking for an exposed service.",
  tactic: "discovery",
  techniques: ["T1046"],
  table: "vpcflow",
  where: () => "action = 'REJECT'",
  key: () => "coalesce(srcaddr, '?')",
  threshold: 25,
  windowMinutes: 5,
  runbook: {
    check: [
      "Whether the source is inside your network: an internal host scanning its neighbours is far more serious than internet noise.",
      "Whether the same source had any ACCEPTed flows, and to which ports: those services are what it found.",
    ],
    contain: [
      "For an internal source, isolate the host and investigate it; for an external one, block it in the network ACL if it keeps going.",
    ],
    falsePositives: [
      "Vulnerability scanners you run yourself; add an exception for their addresses.",
      "An application retrying a blocked connection many times; it hits one port only, fix its target or the rule that blocks it.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-records-examples.html",
  ],
  fixtures: {
    // 28 ports over two hosts in under 4 minutes, over two flow log files.
    fire: { objects: [fire.slice(0, 14), fire.slice(14)] },
    quiet: {
      objects: [
        // One under the threshold; then 30 probes 15 seconds apart (20 at most in 5 minutes).
        probes("2026-11-20T06:30:00Z", 24, 8),
        probes("2026-11-20T07:30:00Z", 30, 15),
        // 30 accepted flows from one source; 15 rejected probes each from two sources.
        probes("2026-11-20T08:30:00Z", 30, 5, "198.51.100.24", "ACCEPT"),
        [
          ...probes("2026-11-20T10:30:00Z", 15, 5, "198.51.100.25"),
          ...probes("2026-11-20T10:30:02Z", 15, 5, "198.51.100.26"),
        ],
      ],
    },
  },
};
