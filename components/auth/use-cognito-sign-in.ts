"use client";

import { confirmSignIn, type SignInOutput } from "aws-amplify/auth";
import { type FormEvent, useState } from "react";
import { type SignInView, signInErrorMessage, viewForStep } from "./cognito-sign-in-steps";

const MFA_CHOICE = new Set(["CONTINUE_SIGN_IN_WITH_MFA_SELECTION", "CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION"]);

/** What every step of the Cognito sign-in shares: the step on screen, the user's e-mail, and the last error. */
export interface SignInFlow {
  view: SignInView;
  setView: (view: SignInView) => void;
  email: string;
  setEmail: (email: string) => void;
  error: string | undefined;
  busy: boolean;
  /** Moves to the step Amplify asks for next, or on to `next` once signed in. */
  advance: (res: SignInOutput, who: string) => Promise<void>;
  /** A submit handler that runs `work` on the form's fields, turning Cognito's errors into sentences. */
  run: (work: (form: FormData) => Promise<void>) => (e: FormEvent<HTMLFormElement>) => Promise<void>;
}

export const readField = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

export function useCognitoSignIn(next: string): SignInFlow {
  const [view, setView] = useState<SignInView>({ kind: "credentials" });
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const advance = async (res: SignInOutput, who: string): Promise<void> => {
    // The pool offers authenticator apps only: answer the factor choice for the user.
    if (MFA_CHOICE.has(res.nextStep.signInStep) && viewForStep(res.nextStep, who).kind === "totp-code")
      return advance(await confirmSignIn({ challengeResponse: "TOTP" }), who);
    const v = res.isSignedIn ? { kind: "done" as const } : viewForStep(res.nextStep, who);
    if (v.kind === "done") window.location.assign(next);
    else setView(v);
  };
  const run = (work: (form: FormData) => Promise<void>) => async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await work(form);
    } catch (err) {
      setError(signInErrorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { view, setView, email, setEmail, error, busy, advance, run };
}
