import type { FlowRule } from "../../rule";
import { outboundToInternet, perConnectionDaily } from "../network/shared";
import { outboundFixtures } from "./shared";

/** Tor's default relay ports: ORPort 9001 and DirPort 9030 (facts about Tor's defaults). */
const TOR_PORTS = new Set([9001, 9030]);
const or = outboundFixtures(9001);
const dir = outboundFixtures(9030);

export const rule: FlowRule = {
  kind: "vpcflow",
  id: "flow-outbound-tor-relay-port",
  version: 1,
  title: "Connection to a Tor relay port",
  severity: 3,
  description:
    "A private address opened an accepted TCP connection to an internet host on Tor's default relay ports (9001 ORPort, 9030 DirPort). Malware uses Tor to hide its command-and-control servers; servers rarely have a reason to.",
  tactic: "command-and-control",
  techniques: ["T1090.003"],
  match: (row) => outboundToInternet(row, TOR_PORTS),
  dedup: perConnectionDaily,
  runbook: {
    check: [
      "Whether the remote address is a listed Tor relay, and which process on the host holds the connection.",
      "What else the host did around the first connection: new software, logins, outbound volume.",
    ],
    contain: [
      "Block outbound traffic to the relay ports in the security group or network firewall, and isolate the host if no one owns the Tor use.",
    ],
    falsePositives: [
      "Research or privacy tooling that runs Tor on purpose, and unrelated services on these ports; add an exception for that host.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_finding-types-ec2.html",
  ],
  fixtures: { fire: [or.open, dir.open], quiet: [or.rejected, or.internal, or.reply, dir.inbound] },
};
