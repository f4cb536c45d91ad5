import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SetPasswordForm } from "@/components/auth/set-password-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { systemClock } from "@/lib/clock";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";
import { findValidUserToken, type ValidUserToken } from "@/lib/users/user-tokens";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings.setPassword");
  // The token is in the URL: never send it on as a Referer, and keep the page out of search engines.
  return { title: t("submit"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/** Public: where invitation and password-reset links lead. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const db = await getDb();
  const [t, te, org] = await Promise.all([getTranslations("settings.setPassword"), getTranslations("errors"), getOrganisation(db)]);

  let valid: ValidUserToken | null = null;
  let problem: string | null = null;
  try {
    valid = await findValidUserToken(db, token, systemClock.now());
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problem = error.code;
  }

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Card className="w-full max-w-md p-8">
        {valid ? (
          <>
            <h1 className="text-2xl font-semibold tracking-tight">
              {valid.kind === "invitation" ? t("titleInvitation", { name: valid.user.firstName || valid.user.email }) : t("titleReset")}
            </h1>
            <p className="mt-2 text-sm text-slate-600">
              {valid.kind === "invitation"
                ? t("introInvitation", { organisation: org?.name ?? "", email: valid.user.email })
                : t("introReset", { email: valid.user.email })}
            </p>
            <SetPasswordForm token={token} email={valid.user.email} />
          </>
        ) : (
          <>
            <h1 className="text-2xl font-semibold tracking-tight">{t("unusableTitle")}</h1>
            <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
              {te(problem && te.has(problem) ? problem : "token_invalid")}
            </p>
            <Link href="/login" className={`${buttonClass("secondary")} mt-6`}>
              {t("toLogin")}
            </Link>
          </>
        )}
      </Card>
      <div className="mt-6">
        <LanguageSwitch />
      </div>
    </main>
  );
}
