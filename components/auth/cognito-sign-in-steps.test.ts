import { describe, expect, test } from "vitest";
import { signInErrorMessage, viewForStep } from "./cognito-sign-in-steps";

describe("viewForStep", () => {
  const email = "first.admin@example.com";
  test("a first admin's temporary password leads to choosing a new one", () => {
    expect(viewForStep({ signInStep: "CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED" }, email)).toEqual({
      kind: "new-password",
    });
  });
  test("MFA set to 'on' leads to setting up an authenticator app with the key and an otpauth URI for the QR code", () => {
    const view = viewForStep(
      {
        signInStep: "CONTINUE_SIGN_IN_WITH_TOTP_SETUP",
        totpSetupDetails: {
          sharedSecret: "JBSWY3DPEHPK3PXP",
          getSetupUri: (app, account) =>
            new URL(`otpauth://totp/${app}:${account}?secret=JBSWY3DPEHPK3PXP&issuer=${app}`),
        },
      },
      email,
    );
    expect(view).toEqual({
      kind: "totp-setup",
      secret: "JBSWY3DPEHPK3PXP",
      uri: "otpauth://totp/Sightline:first.admin@example.com?secret=JBSWY3DPEHPK3PXP&issuer=Sightline",
    });
  });
  test("later sign-ins ask for the app's code; a factor choice with TOTP among it goes to the code", () => {
    expect(viewForStep({ signInStep: "CONFIRM_SIGN_IN_WITH_TOTP_CODE" }, email)).toEqual({ kind: "totp-code" });
    expect(
      viewForStep({ signInStep: "CONTINUE_SIGN_IN_WITH_MFA_SELECTION", allowedMFATypes: ["TOTP"] }, email),
    ).toEqual({ kind: "totp-code" });
    expect(
      viewForStep({ signInStep: "CONTINUE_SIGN_IN_WITH_MFA_SELECTION", allowedMFATypes: ["SMS"] }, email).kind,
    ).toBe("unsupported");
  });
  test("a required reset, done, and anything else (said in words, not a code name)", () => {
    expect(viewForStep({ signInStep: "RESET_PASSWORD" }, email)).toEqual({ kind: "reset-request" });
    expect(viewForStep({ signInStep: "DONE" }, email)).toEqual({ kind: "done" });
    const other = viewForStep({ signInStep: "CONFIRM_SIGN_IN_WITH_CUSTOM_CHALLENGE" }, email);
    expect(other.kind).toBe("unsupported");
    expect(JSON.stringify(other)).not.toContain("CUSTOM_CHALLENGE");
  });
  test("Cognito's errors become sentences", () => {
    expect(signInErrorMessage({ name: "CodeMismatchException" })).toMatch(/code is not right/);
    expect(signInErrorMessage({ name: "NotAuthorizedException" })).toBe("Email or password is incorrect.");
    expect(signInErrorMessage(new Error("x"))).toMatch(/Sign-in failed/);
  });
});
