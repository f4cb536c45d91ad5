import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/shell/language-switch";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { getDb } from "@/db/client";
import { unsubscribeTarget } from "@/lib/bulk-email/unsubscribe";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("bulk-email.unsubscribe");
  // The token is in the URL: never send it on as a Referer, and keep the page out of search engines.
  return { title: t("title"), referrer: "no-referrer", robots: { index: false, follow: false } };
}

/**
 * Public: where a bulk email's unsubscribe link leads. Opening it changes nothing (link scanners open
 * every link); the button POSTs to /api/unsubscribe, which suppresses the address and comes back here.
 */
export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === "string" ? params.token : "";
  const t = await getTranslations("bulk-email.unsubscribe");
  const target = token ? await unsubscribeTarget({ db: await getDb() }, token) : null;

  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <Card className="w-full max-w-md p-8">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        {!target || params.invalid ? (
          <p role="alert" className="mt-3 rounded-md bg-red-50 px-3 py-2 text-sm text-red-800">
            {t("invalid")}
          </p>
        ) : target.suppressed ? (
          <p role="status" className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {t("done", { address: target.address })}
          </p>
        ) : (
          <form method="post" action="/api/unsubscribe" className="mt-3 space-y-4">
            <p className="text-sm text-slate-700">{t("question", { address: target.address })}</p>
            <input type="hidden" name="token" value={token} />
            <input type="hidden" name="from" value="page" />
            <Button type="submit">{t("confirm")}</Button>
          </form>
        )}
      </Card>
      <div className="mt-6">
        <LanguageSwitch />
      </div>
    </main>
  );
}
