"use client";

import { Amplify } from "aws-amplify";
import { confirmResetPassword, confirmSignIn, resetPassword, type SignInOutput, signIn } from "aws-amplify/auth";
import QRCode from "qrcode";
import { type FormEvent, type ReactNode, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { type SignInView, signInErrorMessage, viewForStep } from "./cognito-sign-in-steps";

const MFA_CHOICE = new Set(["CONTINUE_SIGN_IN_WITH_MFA_SELECTION", "CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION"]);

/**
 * AWS backend: Amplify v6 with ssr: true keeps the Cognito tokens in cookies the server verifies.
 * Every step a Sightline user pool can ask for is answered here: the temporary password an admin
 * was given, setting up an authenticator app (QR code and key), app codes, and a forgotten password.
 */
export function CognitoLoginForm({
  next,
  userPoolId,
  clientId,
}: {
  next: string;
  userPoolId: string;
  clientId: string;
}) {
  const [view, setView] = useState<SignInView>({ kind: "credentials" });
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId: clientId } } }, { ssr: true });

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
  const field = (form: FormData, name: string) => String(form.get(name) ?? "").trim();

  const forms: Record<SignInView["kind"], ReactNode> = {
    credentials: (
      <Form
        submit="Sign in"
        onSubmit={run(async (f) => {
          setEmail(field(f, "email"));
          await advance(
            await signIn({ username: field(f, "email"), password: String(f.get("password")) }),
            field(f, "email"),
          );
        })}
        busy={busy}
        error={error}
        after={
          <button type="button" className="text-sm underline" onClick={() => setView({ kind: "reset-request" })}>
            Forgot password?
          </button>
        }
      >
        <TextField label="Email" name="email" type="email" autoComplete="username" required />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      </Form>
    ),
    "new-password": (
      <Form
        intro="This is your first sign-in: choose your own password."
        submit="Set password"
        onSubmit={run(async (f) =>
          advance(await confirmSignIn({ challengeResponse: String(f.get("password")) }), email),
        )}
        busy={busy}
        error={error}
      >
        <TextField label="New password" name="password" type="password" autoComplete="new-password" required />
      </Form>
    ),
    "totp-setup": view.kind === "totp-setup" && (
      <Form
        intro="Set up an authenticator app: scan the code (or type the key), then enter the 6-digit code it shows."
        submit="Verify"
        onSubmit={run(async (f) => advance(await confirmSignIn({ challengeResponse: field(f, "code") }), email))}
        busy={busy}
        error={error}
      >
        <TotpSetup secret={view.secret} uri={view.uri} />
        <CodeField />
      </Form>
    ),
    "totp-code": (
      <Form
        intro="Enter the 6-digit code from your authenticator app."
        submit="Verify"
        onSubmit={run(async (f) => advance(await confirmSignIn({ challengeResponse: field(f, "code") }), email))}
        busy={busy}
        error={error}
      >
        <CodeField />
      </Form>
    ),
    "reset-request": (
      <Form
        intro="We will e-mail you a code to choose a new password."
        submit="Send code"
        onSubmit={run(async (f) => {
          setEmail(field(f, "email"));
          const res = await resetPassword({ username: field(f, "email") });
          setView({ kind: "reset-confirm", destination: res.nextStep.codeDeliveryDetails?.destination ?? null });
        })}
        busy={busy}
        error={error}
      >
        <TextField label="Email" name="email" type="email" autoComplete="username" defaultValue={email} required />
      </Form>
    ),
    "reset-confirm": (
      <Form
        intro={`Enter the code we sent${view.kind === "reset-confirm" && view.destination ? ` to ${view.destination}` : ""} and your new password.`}
        submit="Set password"
        onSubmit={run(async (f) => {
          await confirmResetPassword({
            username: email,
            confirmationCode: field(f, "code"),
            newPassword: String(f.get("password")),
          });
          setView({ kind: "credentials" });
        })}
        busy={busy}
        error={error}
      >
        <CodeField label="Code from the e-mail" />
        <TextField label="New password" name="password" type="password" autoComplete="new-password" required />
      </Form>
    ),
    unsupported: view.kind === "unsupported" && (
      <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
        {view.message}
      </p>
    ),
    done: <p>Signed in. Opening Sightline…</p>,
  };
  return forms[view.kind];
}

function Form(props: {
  intro?: string;
  submit: string;
  busy: boolean;
  error?: string;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
  after?: ReactNode;
}) {
  return (
    <form onSubmit={props.onSubmit} className="flex flex-col gap-4">
      {props.intro ? <p className="text-sm text-slate-700 dark:text-slate-300">{props.intro}</p> : null}
      {props.children}
      {props.error ? (
        <p role="alert" className="text-sm text-rose-700 dark:text-rose-300">
          {props.error}
        </p>
      ) : null}
      <Button type="submit" disabled={props.busy}>
        {props.submit}
      </Button>
      {props.after}
    </form>
  );
}

function CodeField({ label = "Code" }: { label?: string }) {
  return (
    <TextField label={label} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required />
  );
}

function TotpSetup({ secret, uri }: { secret: string; uri: string }) {
  const [qr, setQr] = useState<string>();
  useEffect(() => {
    QRCode.toDataURL(uri, { margin: 1, width: 192 }).then(setQr, () => setQr(undefined));
  }, [uri]);
  return (
    <div className="flex flex-col items-center gap-2">
      {qr ? <img src={qr} width={192} height={192} alt="QR code for your authenticator app" /> : null}
      <p className="text-sm">
        Key: <code className="break-all select-all">{secret}</code>
      </p>
    </div>
  );
}
