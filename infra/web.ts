import { auth } from "./auth";

export const web = new sst.aws.Nextjs("Web", {
  link: [auth.userPool, auth.webClient],
  environment: {
    SIGHTLINE_BACKEND: "aws",
    COGNITO_USER_POOL_ID: auth.userPool.id,
    COGNITO_CLIENT_ID: auth.webClient.id,
  },
});
