import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { getOrganisation } from "@/lib/org/organisation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Card } from "@/components/ui/card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.login"))("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; passwordSet?: string }> }) {
  const org = await getOrganisation(await getDb());
  if (!org) redirect("/setup");
  if (await getCurrentUser()) redirect("/");
  const t = await getTranslations("auth.login");
  const { next, passwordSet } = await searchParams;
  const tp = await getTranslations("settings.setPassword");
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4">
      <Card className="w-full max-w-sm p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("intro", { organisation: org.name })}</p>
        {passwordSet === "1" && (
          <p role="status" className="mt-4 rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
            {tp("loginNotice")}
          </p>
        )}
        <LoginForm next={next} />
        <p className="mt-6 text-xs text-slate-500">{t("inviteOnly")}</p>
      </Card>
      <div className="mt-6">
        <LanguageSwitch />
      </div>
    </main>
  );
}
