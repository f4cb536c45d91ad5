import { sql, type SQL } from "drizzle-orm";

/**
 * A JavaScript array as ONE PostgreSQL array parameter (drizzle's sql`` spreads an array into a list
 * of parameters, which neither `any()` nor `&&` takes): sent as JSON, unpacked by the database.
 */
export const textArray = (values: string[]): SQL => sql`array(select json_array_elements_text(${JSON.stringify(values)}::json))::text[]`;
export const uuidArray = (values: string[]): SQL => sql`array(select json_array_elements_text(${JSON.stringify(values)}::json)::uuid)`;
