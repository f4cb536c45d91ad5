import { getTranslations } from "next-intl/server";
import type { PageView } from "./load-list-view";

/** A view that uses an archived field or names a status the module no longer has still works; it says so. */
export async function ViewNotice({ view }: { view: PageView | null }) {
  if (!view || (view.archivedFields.length === 0 && !view.missingStatus)) return null;
  const t = await getTranslations("cards.list");
  return (
    <div role="note" className="space-y-1 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {view.archivedFields.length > 0 && <p>{t("viewArchivedFields", { count: view.archivedFields.length, names: view.archivedFields.join(", ") })}</p>}
      {view.missingStatus && <p>{t("viewMissingStatus")}</p>}
    </div>
  );
}
