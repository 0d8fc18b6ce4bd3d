import type { FlowRule } from "../../rule";
import { inboundFixtures, inboundFromInternet, perDestinationDaily } from "./shared";

/** Container and orchestrator control ports: Docker Engine API, etcd, kubelet API (facts about their default listeners). */
const CONTAINER_ADMIN = new Set([2375, 2376, 2379, 2380, 10250, 10255]);
const docker = inboundFixtures(2375);
const kubelet = inboundFixtures(10250);

export const rule: FlowRule = {
  kind: "vpcflow",
  id: "flow-inbound-container-admin-from-internet",
  version: 1,
  title: "Container control port reached from the internet",
  severity: 4,
  description:
    "A VPC flow log recorded an accepted TCP connection from an internet address to a container control port (Docker Engine API 2375/2376, etcd 2379/2380, kubelet 10250/10255) of a private address. An open Docker or kubelet API lets anyone start containers on the host.",
  tactic: "initial-access",
  techniques: ["T1133", "T1610"],
  match: (row) => inboundFromInternet(row, CONTAINER_ADMIN),
  dedup: perDestinationDaily,
  runbook: {
    check: [
      "Which node owns the interface and whether the daemon on that port requires TLS client certificates or authentication.",
      "Containers started on the node since the first connection (docker ps, kubectl get pods on the node), especially miners or privileged containers.",
    ],
    contain: [
      "Remove the security group rule that exposes the port and bind the daemon to localhost or a private interface.",
      "Replace the node if unknown containers ran on it.",
    ],
    falsePositives: [
      "Rare: the managed Kubernetes control plane reaches kubelets from private addresses, which this rule ignores.",
    ],
  },
  references: [
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-log-records.html",
    "https://docs.aws.amazon.com/eks/latest/userguide/sec-group-reqs.html",
  ],
  fixtures: { fire: [docker.open, kubelet.open], quiet: [docker.rejected, kubelet.internal, docker.reply] },
};
