import type { FlowRule } from "../../rule";
import { inboundFixtures, inboundFromInternet, perDestinationDaily, TCP, UDP } from "./shared";

const RDP = new Set([3389]);
const tcp = inboundFixtures(3389);
const udp = inboundFixtures(3389, UDP);

export const rule: FlowRule = {
  kind: "vpcflow",
  id: "flow-inbound-rdp-from-internet",
  version: 1,
  title: "RDP from the internet accepted",
  severity: 3,
  description:
    "A VPC flow log recorded an accepted connection from an internet address to port 3389 (Remote Desktop) of a private address: the Windows host is reachable for password guessing and RDP exploits.",
  tactic: "initial-access",
  techniques: ["T1133", "T1021.001"],
  match: (row) => inboundFromInternet(row, RDP, [TCP, UDP]),
  dedup: perDestinationDaily,
  runbook: {
    check: [
      "Which instance owns the interface, and its Windows security log: failed (4625) and successful (4624) network logons from those addresses.",
      "How many internet addresses connected and how much data the sessions moved.",
    ],
    contain: [
      "Remove the security group rule that allows 3389 from the internet; use Fleet Manager, a bastion or a VPN.",
      "If a logon succeeded from an unknown address, isolate the instance and reset the account's password.",
    ],
    falsePositives: ["Jump hosts published for a vendor; limit their rule to the vendor's addresses."],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
  ],
  fixtures: { fire: [tcp.open, udp.open], quiet: [tcp.rejected, tcp.internal, tcp.reply] },
};
