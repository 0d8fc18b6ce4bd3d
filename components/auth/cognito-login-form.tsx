"use client";

import { Amplify } from "aws-amplify";
import { signIn } from "aws-amplify/auth";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";

/** AWS backend: Amplify v6 with ssr: true keeps the Cognito tokens in cookies the server verifies. */
export function CognitoLoginForm({
  next,
  userPoolId,
  clientId,
}: {
  next: string;
  userPoolId: string;
  clientId: string;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId: clientId } } }, { ssr: true });

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      const res = await signIn({ username: String(form.get("email")), password: String(form.get("password")) });
      if (!res.isSignedIn) throw new Error(`Additional step required: ${res.nextStep.signInStep}`);
      window.location.assign(next);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Sign-in failed");
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4">
      <TextField label="Email" name="email" type="email" autoComplete="username" required />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required />
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={busy}>
        Sign in
      </Button>
    </form>
  );
}
