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
    /** Extra facts for the UI, e.g. what changed since a stale edit. Ids and values only. */
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "DomainError";
  }
}

export const notFound = (code = "not_found") => new DomainError("not_found", code);
export const forbidden = (code = "forbidden") => new DomainError("forbidden", code);
export const conflict = (code: string, fields?: Record<string, string>, details?: Record<string, unknown>) =>
  new DomainError("conflict", code, fields, details);
export const invalid = (code: string, fields?: Record<string, string>) => new DomainError("invalid", code, fields);

export const httpStatus: Record<DomainErrorKind, number> = { not_found: 404, forbidden: 403, conflict: 409, invalid: 422 };
