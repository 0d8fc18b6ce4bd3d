import type { FlowRule } from "../../rule";
import { outboundToInternet, perConnectionDaily } from "../network/shared";
import { outboundFixtures } from "./shared";

/**
 * Ports mining pools commonly serve the Stratum protocol on (facts about public pools' published
 * endpoints: 3333/3334, 4444, 5555, 7777, 14433/14444 for Monero pools, 45560/45700).
 */
const STRATUM_PORTS = new Set([3333, 3334, 4444, 5555, 7777, 14433, 14444, 45560, 45700]);
const f = outboundFixtures(3333);
const monero = outboundFixtures(14444);

export const rule: FlowRule = {
  kind: "vpcflow",
  id: "flow-outbound-mining-pool-port",
  version: 1,
  title: "Connection to a cryptocurrency mining pool port",
  severity: 4,
  description:
    "A private address opened an accepted TCP connection to an internet host on a port mining pools use for the Stratum protocol (3333, 4444, 5555, 7777, 14444, 45700 and neighbours). Long-lived connections of this kind are the usual sign of a cryptocurrency miner on a compromised host.",
  tactic: "command-and-control",
  techniques: ["T1496", "T1571"],
  match: (row) => outboundToInternet(row, STRATUM_PORTS),
  dedup: perConnectionDaily,
  runbook: {
    check: [
      "Which instance or container owns the interface and its CPU use over the same period (a miner keeps it near 100%).",
      "The remote address's reputation and reverse DNS (pool names), and processes on the host holding the connection.",
    ],
    contain: [
      "Isolate the instance with a security group that denies outbound traffic, snapshot its volumes, and replace it.",
      "Find how the miner got in: exposed services, leaked keys, a poisoned image; rotate the instance role's credentials.",
    ],
    falsePositives: [
      "Some games, debug listeners and tools use these ports too; add an exception for a known destination.",
      "45560 and 45700 fall in Linux's ephemeral range: a service on a high port answering such a client also matches. Check which side listens.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html",
  ],
  fixtures: { fire: [f.open, monero.open], quiet: [f.rejected, f.internal, f.reply, f.inbound] },
};
