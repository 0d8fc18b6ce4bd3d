/// <reference path="./.sst/platform/config.d.ts" />

// Thin on purpose: the `sst` CLI cannot run in our CI, so everything deployed is built by
// plain modules under infra/ (and the app's lib/) that the tests import and check.
export default $config({
  app(input) {
    return {
      name: "sightline",
      home: "aws",
      removal: input?.stage === "production" ? "retain" : "remove",
      protect: input?.stage === "production",
    };
  },
  async run() {
    const { auth } = await import("./infra/auth");
    const { web } = await import("./infra/web");
    const { applicationReview, incidentResponse } = await import("./infra/workflows");
    const reviews = applicationReview();
    // Evidence is kept in every version (SSM uploads; nothing is overwritten silently).
    const evidence = new sst.aws.Bucket("Evidence", { versioning: true });
    const incidents = incidentResponse({ evidenceBucket: evidence.name, threshold: 7 });
    return {
      url: web.url,
      userPoolId: auth.userPool.id,
      userPoolClientId: auth.webClient.id,
      applicationReviewArn: reviews.arn,
      incidentResponseArn: incidents.response.arn,
      incidentReleaseArn: incidents.release.arn,
    };
  },
});
