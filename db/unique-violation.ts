/**
 * Whether a database error (as thrown by either driver, possibly wrapped by Drizzle) is a unique
 * violation, optionally of one named index. Lets verbs turn a lost race into a domain conflict.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  let e = error;
  for (let depth = 0; depth < 5 && e && typeof e === "object"; depth++) {
    const { code, constraint: pgliteName, constraint_name: postgresName, cause } = e as Record<string, unknown>;
    if (code === "23505") return !constraint || constraint === (pgliteName ?? postgresName);
    e = cause;
  }
  return false;
}
