import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DocumentActions } from "@/components/documents/document-actions";
import { DocumentUploader } from "@/components/documents/document-uploader";
import { FolderTools, NewFolderForm } from "@/components/documents/folder-tools";
import { formatBytes } from "@/components/documents/format-bytes";
import { LiveRefresh } from "@/components/live/live-provider";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ModulePageFrame } from "@/components/ui/module-page-frame";
import { getDb } from "@/db/client";
import { requirePermission } from "@/lib/auth/session";
import { systemClock } from "@/lib/clock";
import { getModuleOrThrow, listFolders } from "@/lib/documents/folders";
import { listFolderDocuments } from "@/lib/documents/list-documents";
import { uploadMaxBytes } from "@/lib/documents/storage";
import { DomainError } from "@/lib/errors";
import { getOrganisation } from "@/lib/org/organisation";

export async function generateMetadata() {
  return { title: (await getTranslations("documents"))("title") };
}

/** A module's documents: folders on the side, the open folder's documents with their Actions, upload by drop or browse. */
export default async function DocumentsPage({ params, searchParams }: { params: Promise<{ moduleId: string }>; searchParams: Promise<{ folder?: string; cursor?: string }> }) {
  const actor = await requirePermission("documents.manage");
  const { moduleId } = await params;
  const { folder: folderParam, cursor } = await searchParams;
  const db = await getDb();
  const ctx = { actor, db, now: systemClock.now() };
  let found;
  try {
    found = await getModuleOrThrow(db, moduleId);
  } catch (error) {
    if (error instanceof DomainError) notFound();
    throw error;
  }
  const moduleRow = found;
  const folders = await listFolders(db, moduleRow.id);
  const folder = folders.find((f) => f.id === folderParam) ?? null;
  if (folderParam && !folder) notFound();
  const [list, org, t, format] = await Promise.all([
    listFolderDocuments(ctx, { moduleId: moduleRow.id, folderId: folder?.id ?? null, cursor }).catch((e) => (cursor && e instanceof DomainError ? listFolderDocuments(ctx, { moduleId: moduleRow.id, folderId: folder?.id ?? null }) : Promise.reject(e))),
    getOrganisation(db),
    getTranslations("documents"),
    getFormatter(),
  ]);
  const timeZone = org?.timeZone ?? "Europe/Budapest";
  const href = (folderId: string | null) => (folderId ? `/modules/${moduleRow.id}/documents?folder=${folderId}` : `/modules/${moduleRow.id}/documents`);
  const th = "px-4 py-2 text-left text-xs font-semibold tracking-wide text-slate-500 uppercase";
  const maxMb = Math.round(uploadMaxBytes() / 1024 / 1024);
  const parent = folder?.parentId ? folders.find((f) => f.id === folder.parentId) : null;

  return (
    <ModulePageFrame
      module={moduleRow}
      breadcrumbLabel={t("breadcrumb")}
      crumbs={folder ? [{ label: t("title"), href: href(null) }, ...(parent ? [{ label: parent.name, href: href(parent.id) }] : []), { label: folder.name }] : [{ label: t("title") }]}
      heading={folder ? folder.name : t("heading", { module: moduleRow.name })}
      wide
    >
      <LiveRefresh moduleId={moduleRow.id} />
      <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
        <nav aria-label={t("folders.label")} className="space-y-4">
          <Card className="p-2">
            <ul className="text-sm">
              <li>
                <Link href={href(null)} aria-current={!folder ? "page" : undefined} className={cn("block rounded px-2 py-1.5 hover:bg-slate-100", !folder && "bg-brand-50 font-medium text-brand-800")}>
                  {t("folders.topLevel")}
                </Link>
              </li>
              {folders.map((f) => (
                <li key={f.id}>
                  <Link
                    href={href(f.id)}
                    aria-current={folder?.id === f.id ? "page" : undefined}
                    className={cn("block truncate rounded px-2 py-1.5 hover:bg-slate-100", f.parentId && "pl-6", folder?.id === f.id && "bg-brand-50 font-medium text-brand-800")}
                  >
                    {f.name}
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold text-slate-900">{t("folders.new")}</h2>
            <NewFolderForm moduleId={moduleRow.id} topFolders={folders.filter((f) => !f.parentId)} parentId={folder && !folder.parentId ? folder.id : null} />
          </Card>
        </nav>
        <div className="min-w-0 space-y-6">
          {folder && <FolderTools moduleId={moduleRow.id} folder={folder} />}
          <section aria-labelledby="upload-heading">
            <h2 id="upload-heading" className="mb-2 text-base font-semibold text-slate-900">
              {t("upload.heading")}
            </h2>
            <DocumentUploader moduleId={moduleRow.id} folderId={folder?.id ?? null} maxMb={maxMb} />
          </section>
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading" className="mb-2 text-base font-semibold text-slate-900">
              {t("list.heading")}
            </h2>
            {list.items.length === 0 ? (
              <EmptyState title={t("list.emptyTitle")}>{t("list.emptyBody")}</EmptyState>
            ) : (
              <Card className="overflow-visible">
                <table className="w-full text-sm">
                  <caption className="sr-only">{t("list.caption", { folder: folder?.name ?? t("folders.topLevel") })}</caption>
                  <thead className="border-b border-slate-200">
                    <tr>
                      <th scope="col" className={th}>{t("list.name")}</th>
                      <th scope="col" className={cn(th, "hidden md:table-cell")}>{t("list.size")}</th>
                      <th scope="col" className={cn(th, "hidden md:table-cell")}>{t("list.added")}</th>
                      <th scope="col" className={cn(th, "text-right")}>
                        <span className="sr-only">{t("list.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {list.items.map((d) => (
                      <tr key={d.id}>
                        <td className="px-4 py-2 align-top">
                          <span className="font-medium break-all text-slate-900">{d.name}</span>
                          <span className="block text-xs text-slate-500">
                            {d.cardId && d.cardName && (
                              <>
                                {t("list.attachedTo")}{" "}
                                <Link href={`/cards/${d.cardId}`} className="text-brand-700 hover:underline">
                                  {d.cardName}
                                </Link>
                                {" · "}
                              </>
                            )}
                            {d.published ? (d.publicExpiresAt ? t("list.publicUntil", { date: format.dateTime(d.publicExpiresAt, { dateStyle: "medium", timeZone }) }) : t("list.public")) : t("list.private")}
                            <span className="md:hidden"> · {formatBytes(d.size)}</span>
                          </span>
                        </td>
                        <td className="hidden px-4 py-2 align-top whitespace-nowrap text-slate-600 md:table-cell">{formatBytes(d.size)}</td>
                        <td className="hidden px-4 py-2 align-top text-slate-600 md:table-cell">
                          {format.dateTime(d.createdAt, { dateStyle: "medium", timeZone })}
                          {d.createdByName && <span className="block text-xs text-slate-500">{d.createdByName}</span>}
                        </td>
                        <td className="px-4 py-2 text-right align-top">
                          <DocumentActions document={d} folders={folders} canManage />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {list.nextCursor && (
                  <div className="border-t border-slate-100 px-4 py-3">
                    <Link href={`${href(folder?.id ?? null)}${folder ? "&" : "?"}cursor=${list.nextCursor}`} className={buttonClass("secondary", "sm")}>
                      {t("list.more")}
                    </Link>
                  </div>
                )}
              </Card>
            )}
          </section>
        </div>
      </div>
    </ModulePageFrame>
  );
}
