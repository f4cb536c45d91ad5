-- What contact search matches besides the name, as immutable functions so they can be indexed
-- (array_to_string is only STABLE). Emails are stored lower-cased; a phone becomes its digits, the
-- numbers kept apart by "|" so a search never matches across two of them.
CREATE FUNCTION "contact_emails_text"(emails text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT array_to_string(emails, ' ') $$;
--> statement-breakpoint
CREATE FUNCTION "contact_phone_digits"(phones text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT regexp_replace(array_to_string(phones, '|'), '[^0-9|]', '', 'g') $$;
--> statement-breakpoint
CREATE INDEX "contacts_emails_trgm_idx" ON "contacts" USING gin (contact_emails_text("emails") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_phone_digits_trgm_idx" ON "contacts" USING gin (contact_phone_digits("phones") gin_trgm_ops);
