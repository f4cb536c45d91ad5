/**
 * The domain's errors. `code` is a key under `errors.` in messages/<locale>/errors.json, so every
 * transport (server actions, route handlers, sockets) shows the same translated message.
 */
export type DomainErrorKind = "not_found" | "forbidden" | "conflict" | "invalid";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    /** Field name → error code, for forms. */
    readonly fields: Record<string, string> = {},
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export const notFound = (code = "not_found") => new DomainError("not_found", code);
export const forbidden = (code = "forbidden") => new DomainError("forbidden", code);
export const conflict = (code: string, fields?: Record<string, string>) => new DomainError("conflict", code, fields);
export const invalid = (code: string, fields?: Record<string, string>) => new DomainError("invalid", code, fields);

export const httpStatus: Record<DomainErrorKind, number> = { not_found: 404, forbidden: 403, conflict: 409, invalid: 422 };
