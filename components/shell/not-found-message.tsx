import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClass } from "@/components/ui/button";

/**
 * "Page not found": inside the app's shell for a signed-in user (whose shell brings the <main>), on a
 * plain page with the way to the login for anyone else.
 */
export async function NotFoundMessage({ signedIn }: { signedIn: boolean }) {
  const t = await getTranslations("common.notFound");
  const Wrapper = signedIn ? "div" : "main";
  return (
    <Wrapper className="mx-auto max-w-md px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-slate-600">{t("body")}</p>
      <Link href={signedIn ? "/todos" : "/login"} className={`${buttonClass("secondary")} mt-6`}>
        {signedIn ? t("back") : t("signIn")}
      </Link>
    </Wrapper>
  );
}
