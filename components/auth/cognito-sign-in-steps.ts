/**
 * What the Cognito sign-in form shows after each answer from Amplify (`nextStep.signInStep`): the
 * steps a first admin meets (a temporary password to replace, an authenticator app to set up, then
 * codes) and a forgotten password. Pure, so every step is tested without a browser or Cognito.
 */
export type SignInView =
  | { kind: "credentials" }
  | { kind: "done" }
  | { kind: "new-password" }
  | { kind: "totp-setup"; secret: string; uri: string }
  | { kind: "totp-code" }
  | { kind: "reset-request" }
  | { kind: "reset-confirm"; destination: string | null }
  | { kind: "unsupported"; message: string };

/** The part of Amplify's `nextStep` this form reads (structural, so tests need no Amplify objects). */
export interface NextSignInStep {
  signInStep: string;
  totpSetupDetails?: { sharedSecret: string; getSetupUri(appName: string, accountName?: string): URL };
  allowedMFATypes?: string[];
}

/** The issuer shown in authenticator apps. */
export const TOTP_ISSUER = "Sightline";

export function viewForStep(step: NextSignInStep, email: string): SignInView {
  switch (step.signInStep) {
    case "DONE":
      return { kind: "done" };
    case "CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED":
      return { kind: "new-password" };
    case "CONTINUE_SIGN_IN_WITH_TOTP_SETUP": {
      const details = step.totpSetupDetails;
      if (!details) return { kind: "unsupported", message: "Cognito asked for an authenticator app but sent no key." };
      return {
        kind: "totp-setup",
        secret: details.sharedSecret,
        uri: details.getSetupUri(TOTP_ISSUER, email).toString(),
      };
    }
    case "CONFIRM_SIGN_IN_WITH_TOTP_CODE":
      return { kind: "totp-code" };
    case "CONTINUE_SIGN_IN_WITH_MFA_SELECTION":
    case "CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION":
      // Sightline's pool offers authenticator apps only; the form answers "TOTP" for the user.
      return step.allowedMFATypes?.includes("TOTP") === false
        ? { kind: "unsupported", message: "This account needs a second factor Sightline does not offer. Ask an admin." }
        : { kind: "totp-code" };
    case "RESET_PASSWORD":
      return { kind: "reset-request" };
    default:
      return {
        kind: "unsupported",
        message:
          "This account needs a sign-in step Sightline does not offer here. Ask an admin to check the user pool.",
      };
  }
}

/** Cognito's error names → what a person can do about them. */
export function signInErrorMessage(err: unknown): string {
  const name = (err as { name?: string })?.name ?? "";
  switch (name) {
    case "NotAuthorizedException":
    case "UserNotFoundException":
      return "Email or password is incorrect.";
    case "CodeMismatchException":
      return "That code is not right. Codes change every 30 seconds: try the current one.";
    case "ExpiredCodeException":
      return "That code has expired. Ask for a new one.";
    case "EnableSoftwareTokenMFAException":
      return "The authenticator app did not accept that code. Check the app's clock, then try the current code.";
    case "InvalidPasswordException":
      return "The new password does not meet the pool's rules (length, upper and lower case, digits, symbols).";
    case "LimitExceededException":
    case "TooManyRequestsException":
      return "Too many attempts. Wait a few minutes, then try again.";
    case "PasswordResetRequiredException":
      return "Your password must be reset. Use “Forgot password?” to get a code.";
    default:
      return "Sign-in failed. Try again, or ask an admin.";
  }
}
