import type { EventRule } from "../../rule";
import { rule as ec2InstanceExportedToS3 } from "./ec2-instance-exported-to-s3";

export const RULES: EventRule[] = [ec2InstanceExportedToS3];
