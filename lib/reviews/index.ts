export { claimReview } from "./claim-review";
export { decideMany } from "./decide-many";
export { decideReview, REVIEW_ROLES } from "./decide-review";
export { getReview, type ReviewDetail } from "./get-review";
export { listReviews } from "./list-reviews";
export { submitApplication } from "./submit-application";
