import { ROLE_GROUPS } from "./roles";

const userPool = new sst.aws.CognitoUserPool("Users", {
  usernames: ["email"],
  mfa: $app.stage === "production" ? "on" : "optional",
  softwareToken: true,
  transform: {
    userPool: (args) => {
      // Admins create users; nobody signs themselves up.
      args.adminCreateUserConfig = { allowAdminCreateUserOnly: true };
      // Threat protection (compromised credentials, adaptive authentication) in ENFORCED mode is a
      // Plus-tier feature: without the tier, CreateUserPool fails (FeatureUnavailableInTierException).
      args.userPoolTier = "PLUS";
      args.userPoolAddOns = { advancedSecurityMode: "ENFORCED" };
    },
  },
});

// Amplify in the browser: a public client, so no secret.
const webClient = userPool.addClient("Web", {
  transform: {
    client: (args) => {
      args.generateSecret = false;
    },
  },
});

// Raw group resources: the SST component has no group builder.
const groups = ROLE_GROUPS.map(
  (g) =>
    new aws.cognito.UserGroup(`Group-${g.name}`, {
      userPoolId: userPool.id,
      name: g.name,
      description: g.description,
    }),
);

export const auth = { userPool, webClient, groups };
