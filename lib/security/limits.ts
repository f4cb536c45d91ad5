/**
 * The largest body a server action accepts (the profile picture's 2 MB plus the form around it). Shared by
 * next.config.ts (Next's own limit) and server.ts, which answers 413 before Next reads a larger body.
 * Kept free of imports: next.config.ts loads it.
 */
export const actionBodyLimitBytes = 3 * 1024 * 1024;
