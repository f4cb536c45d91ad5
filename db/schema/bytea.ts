import { customType } from "drizzle-orm/pg-core";

/** Binary columns, read as a Buffer from either driver (PGlite gives a Uint8Array). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});
