// Aurora Serverless v2 PostgreSQL: owner credentials kept by the component in Secrets Manager,
// TLS required (rds.force_ssl), separate generated passwords for the app and ETL roles, and the
// migration function invoked on every deploy (migrations + grants, lib/handlers/migrate.ts).
import type { StageSettings } from "./stage";

export function database(vpc: sst.aws.Vpc, settings: StageSettings) {
  const params = new aws.rds.ClusterParameterGroup("DbParams", {
    family: "aurora-postgresql16",
    parameters: [{ name: "rds.force_ssl", value: "1" }],
  });
  const db = new sst.aws.Aurora("Database", {
    engine: "postgres",
    version: "16.4",
    vpc,
    scaling: { min: `${settings.aurora.minAcu} ACU`, max: `${settings.aurora.maxAcu} ACU` },
    transform: {
      cluster: (args) => {
        args.dbClusterParameterGroupName = params.name;
        args.storageEncrypted = true;
      },
    },
  });
  const password = (name: string) => {
    const value = new random.RandomPassword(`${name}Password`, { length: 32, special: false });
    const secret = new aws.secretsmanager.Secret(`${name}DbSecret`, { description: `Sightline ${name} database role` });
    new aws.secretsmanager.SecretVersion(`${name}DbSecretValue`, { secretId: secret.id, secretString: value.result });
    return { value: value.result, secret };
  };
  const app = password("App");
  const etl = password("Etl");
  const url = (user: $util.Input<string>, pw: $util.Input<string>) =>
    $interpolate`postgres://${user}:${pw}@${db.host}:${db.port}/${db.database}?sslmode=require`;
  return {
    db,
    ownerUrl: url(db.username, db.password),
    appUrl: url("sightline_app", app.value),
    etlUrl: url("sightline_etl", etl.value),
    passwords: { app: app.value, etl: etl.value },
  };
}
