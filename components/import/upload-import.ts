/** Sends a spreadsheet to POST /api/imports as the raw body, reporting upload progress (0–1); resolves to the new import's id or rejects with an error code. */
export function uploadImport(
  body: Blob,
  query: { target: "cards" | "contacts"; moduleId: string | null; fileName: string; format: "file" | "paste" },
  onProgress: (fraction: number) => void,
): Promise<string> {
  const params = new URLSearchParams({ target: query.target, format: query.format, fileName: query.fileName });
  if (query.moduleId) params.set("moduleId", query.moduleId);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/imports?${params}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      const response = (xhr.response ?? {}) as { importId?: string; error?: string };
      if (xhr.status >= 200 && xhr.status < 300 && response.importId) resolve(response.importId);
      else reject(new Error(response.error ?? (xhr.status === 413 ? "file_too_large" : "upload_failed")));
    };
    xhr.onerror = () => reject(new Error("upload_failed"));
    xhr.send(body);
  });
}
