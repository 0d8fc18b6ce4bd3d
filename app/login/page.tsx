import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CognitoLoginForm } from "@/components/auth/cognito-login-form";
import { LoginForm } from "@/components/auth/login-form";
import { getContext } from "@/lib/adapters";
import { getPagePrincipal } from "@/lib/http/page-auth";
import { safeNextPath } from "@/lib/http/safe-next-path";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await getPagePrincipal()) redirect(next);
  const { env } = await getContext();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">Sightline</h1>
        <p className="mb-6 text-sm text-slate-600 dark:text-slate-400">Sign in to continue</p>
        {env.SIGHTLINE_BACKEND === "aws" ? (
          <CognitoLoginForm
            next={next}
            userPoolId={env.COGNITO_USER_POOL_ID ?? ""}
            clientId={env.COGNITO_CLIENT_ID ?? ""}
          />
        ) : (
          <LoginForm next={next} />
        )}
      </div>
    </main>
  );
}
