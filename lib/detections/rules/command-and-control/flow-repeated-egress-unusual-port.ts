import type { LakeDialect } from "@/lib/ports/lake-query";
import { flowLine } from "../../fixtures";
import type { ThresholdRule } from "../../rule";

/** Destination ports of routine egress (SSH, DNS, web, NTP): connections to them are not counted. */
const COMMON_PORTS = [22, 53, 80, 123, 443];

/** Whether an address column holds a private (RFC 1918) or link-local IPv4 address. */
const isPrivate = (d: LakeDialect, c: string) =>
  `(${c} LIKE '10.%' OR ${c} LIKE '192.168.%' OR ${c} LIKE '169.254.%' OR ${d.regexMatch(c, "'^172[.](1[6-9]|2[0-9]|3[01])[.]'")})`;

/** Connections from one private host to `dst`:`port`, `step` minutes apart, each from a new ephemeral port. */
const beacons = (start: string, n: number, stepMin: number, dst = "203.0.113.80", port = 8443, srcPort = 40000) =>
  Array.from({ length: n }, (_, i) =>
    flowLine({
      src: "10.0.2.40",
      dst,
      srcPort: srcPort + i * 7,
      dstPort: port,
      packets: 12,
      bytes: 2300,
      start: Date.parse(start) / 1000 + i * stepMin * 60,
    }),
  );

const fire = beacons("2026-11-20T10:40:00Z", 13, 4);

export const rule: ThresholdRule = {
  kind: "threshold",
  id: "flow-repeated-egress-unusual-port",
  version: 1,
  title: "Repeated connections from a private host to one internet address on an unusual port",
  severity: 3,
  description:
    "A private host opened twelve or more accepted connections to the same internet address within an hour, on a port other than SSH, DNS, web or NTP: the regular call-home pattern of an implant talking to its command server.",
  tactic: "command-and-control",
  techniques: ["T1571", "T1071"],
  table: "vpcflow",
  where: (d) =>
    [
      "action = 'ACCEPT'",
      "protocol IN (6, 17)",
      // Our host is the client: it connects from an ephemeral port (Linux and Windows ranges start at 32768 or above)
      // to a service port; replies of our own services go the other way round and are left out.
      "srcport >= 32768",
      "dstport > 0 AND dstport < 32768",
      `dstport NOT IN (${COMMON_PORTS.join(", ")})`,
      isPrivate(d, "srcaddr"),
      `NOT ${isPrivate(d, "dstaddr")}`,
    ].join(" AND "),
  key: () => "srcaddr || ' -> ' || dstaddr",
  threshold: 12,
  windowMinutes: 60,
  runbook: {
    check: [
      "What the external address is (owner, reputation) and whether the host's software is expected to talk to it.",
      "How regular the connections are and how small: evenly spaced, similar-sized flows point to an implant's heartbeat.",
    ],
    contain: [
      "Block the address in the network ACL, isolate the host, and keep its volumes for analysis before rebuilding it.",
    ],
    falsePositives: [
      "Agents of monitoring or licensing vendors and partner APIs on custom ports; add an exception for that destination.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/vpc-network-acls.html#nacl-ephemeral-ports",
  ],
  fixtures: {
    // Thirteen connections four minutes apart, over two files and across 11:00.
    fire: { objects: [fire.slice(0, 5), fire.slice(5)] },
    quiet: {
      objects: [
        // One under the threshold; thirteen six minutes apart (ten at most in an hour).
        beacons("2026-11-20T06:00:00Z", 11, 4),
        beacons("2026-11-20T07:30:00Z", 13, 6),
        // Thirteen each: to a web port, to an internal address, and replies of a service on 8080.
        beacons("2026-11-20T08:30:00Z", 13, 4, "203.0.113.80", 443),
        beacons("2026-11-20T08:30:00Z", 13, 4, "10.0.3.9"),
        Array.from({ length: 13 }, (_, i) =>
          flowLine({
            src: "10.0.2.40",
            dst: "203.0.113.81",
            srcPort: 8080,
            dstPort: 50000 + i,
            start: Date.parse("2026-11-20T09:30:00Z") / 1000 + i * 240,
          }),
        ),
      ],
    },
  },
};
