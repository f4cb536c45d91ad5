import { getTranslations } from "next-intl/server";
import { DocumentActions } from "@/components/documents/document-actions";
import { DocumentUploader } from "@/components/documents/document-uploader";
import { formatBytes } from "@/components/documents/format-bytes";
import { Card } from "@/components/ui/card";
import type { Db } from "@/db/client";
import { can, type Actor } from "@/lib/auth/permissions";
import { listFolders } from "@/lib/documents/folders";
import { listCardDocuments } from "@/lib/documents/list-documents";
import { uploadMaxBytes } from "@/lib/documents/storage";

/** The card's documents: its attachments with their Actions, and an upload that files new ones in a folder of the module. */
export async function CardDocuments({ actor, db, now, card }: { actor: Actor; db: Db; now: Date; card: { id: string; moduleId: string } }) {
  if (!can(actor, "documents.view")) return null;
  const [documents, folders, t] = await Promise.all([listCardDocuments({ actor, db, now }, card.id), listFolders(db, card.moduleId), getTranslations("documents")]);
  const canManage = can(actor, "documents.manage");
  return (
    <Card className="p-4">
      <h2 id="card-documents-heading" className="mb-3 text-base font-semibold text-slate-900">
        {t("card.heading")}
      </h2>
      {documents.length === 0 ? (
        <p className="mb-3 text-sm text-slate-600">{t("card.none")}</p>
      ) : (
        <ul aria-labelledby="card-documents-heading" className="mb-4 divide-y divide-slate-100">
          {documents.map((d) => (
            <li key={d.id} className="flex items-start justify-between gap-2 py-2">
              <div className="min-w-0 text-sm">
                <a href={`/api/documents/${d.id}`} target="_blank" rel="noopener noreferrer" className="font-medium break-all text-brand-700 hover:underline">
                  {d.name}
                </a>
                <span className="block text-xs text-slate-500">
                  {d.folderName ?? t("folders.topLevel")} · {formatBytes(d.size)}
                </span>
              </div>
              {can(actor, "documents.attach") && <DocumentActions document={d} folders={folders} canManage={canManage} />}
            </li>
          ))}
        </ul>
      )}
      {can(actor, "documents.attach") && <DocumentUploader moduleId={card.moduleId} cardId={card.id} folders={folders} maxMb={Math.round(uploadMaxBytes() / 1024 / 1024)} />}
    </Card>
  );
}
