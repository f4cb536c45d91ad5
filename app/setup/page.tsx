import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getDb } from "@/db/client";
import { getOrganisation } from "@/lib/org/organisation";
import { SetupForm } from "@/components/auth/setup-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  return { title: (await getTranslations("auth.setup"))("title") };
}

export default async function SetupPage() {
  if (await getOrganisation(await getDb())) redirect("/login");
  const t = await getTranslations("auth.setup");
  return (
    <main className="mx-auto max-w-xl px-4 py-12">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <SetupForm timeZones={Intl.supportedValuesOf("timeZone")} />
    </main>
  );
}
