import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import {
  assertTemplateVariables,
  emptyVariables,
  escapeHtml,
  isKnownVariable,
  substitute,
  textToHtml,
  variableCatalogue,
  variablesIn,
  type VariableField,
} from "./variables";

const budget: VariableField = { id: "11111111-1111-4111-8111-111111111111", name: "Budget", type: "money" };
const archived: VariableField = { id: "22222222-2222-4222-8222-222222222222", name: "Old", type: "text", archivedAt: new Date("2026-01-01") };
const foreign = "33333333-3333-4333-8333-333333333333";
const fields = [budget, archived];

function refusal(fn: () => void) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    const e = error as DomainError;
    return { code: e.code, kind: e.kind, fields: e.fields, variable: e.details?.variable };
  }
  throw new Error("expected a refusal");
}

describe("variables: catalogue", () => {
  it("offers the fixed variables, the module's live fields and today + 7", () => {
    const keys = variableCatalogue(fields).map((c) => c.key);
    expect(keys).toContain("card.name");
    expect(keys).toContain(`card.field.${budget.id}`);
    expect(keys).not.toContain(`card.field.${archived.id}`);
    expect(keys).toContain("date.today+7");
    expect(keys).toContain("recipient.email");
    expect(variableCatalogue(fields).find((c) => c.key === `card.field.${budget.id}`)).toEqual({ key: `card.field.${budget.id}`, group: "card", label: "Budget" });
  });

  it("knows archived fields (their values stay on the card) but not another module's", () => {
    expect(isKnownVariable(`card.field.${archived.id}`, fields)).toBe(true);
    expect(isKnownVariable(`card.field.${foreign}`, fields)).toBe(false);
    expect(isKnownVariable("date.today+1", fields)).toBe(true);
    expect(isKnownVariable("date.today+3650", fields)).toBe(true);
    expect(isKnownVariable("date.today+3651", fields)).toBe(false);
    expect(isKnownVariable("date.today+0", fields)).toBe(false);
    expect(isKnownVariable("date.today-1", fields)).toBe(false);
    expect(isKnownVariable("card.nam", fields)).toBe(false);
  });
});

describe("variables: checking a template", () => {
  it("accepts known variables, with spaces inside the braces", () => {
    expect(() => assertTemplateVariables(`Dear {{ person.firstName }}, {{card.field.${budget.id}}} by {{date.today+14}}`, fields, "bodyHtml")).not.toThrow();
    expect(() => assertTemplateVariables("No variables at all", fields, "subject")).not.toThrow();
  });

  it("refuses an unclosed variable, naming where it starts", () => {
    expect(refusal(() => assertTemplateVariables("Hello {{card.name", fields, "subject"))).toEqual({
      code: "template_variable_unclosed",
      kind: "invalid",
      fields: { subject: "template_variable_unclosed" },
      variable: "{{card.name",
    });
    expect(refusal(() => assertTemplateVariables("<p>{{card.name}} and {{person.firstName</p>", fields, "bodyHtml"))).toMatchObject({
      code: "template_variable_unclosed",
      fields: { bodyHtml: "template_variable_unclosed" },
      variable: "{{person.firstName</p>",
    });
  });

  it("refuses a stray closing pair", () => {
    expect(refusal(() => assertTemplateVariables("Hello card.name}}", fields, "subject"))).toMatchObject({ code: "template_variable_unclosed", variable: "}}" });
  });

  it("refuses an unknown variable or another module's field, naming it", () => {
    expect(refusal(() => assertTemplateVariables("Hi {{person.nickname}}", fields, "bodyHtml"))).toMatchObject({ code: "template_variable_unknown", variable: "person.nickname" });
    expect(refusal(() => assertTemplateVariables(`{{card.field.${foreign}}}`, fields, "subject"))).toMatchObject({
      code: "template_variable_unknown",
      fields: { subject: "template_variable_unknown" },
      variable: `card.field.${foreign}`,
    });
  });

  it("lists the variables used, once each, in order of first use", () => {
    expect(variablesIn("{{card.name}} {{ person.email }} {{card.name}} {{date.today+3}}")).toEqual(["card.name", "person.email", "date.today+3"]);
    expect(variablesIn("none")).toEqual([]);
  });
});

describe("variables: filling a template", () => {
  const values = { "card.name": "Acme <script>alert(1)</script>", "person.firstName": "Éva", "company.name": "", "person.phone": "+36 1\n234" };

  it("flags the variables that would render empty (missing or blank)", () => {
    expect(emptyVariables(["{{card.name}} {{company.name}}", "<p>{{person.lastName}} {{person.firstName}}</p>"], values)).toEqual(["company.name", "person.lastName"]);
    expect(emptyVariables(["{{card.name}}"], values)).toEqual([]);
  });

  it("escapes values in HTML: a field holding <script> arrives as text; line breaks become <br>", () => {
    const html = substitute("<p>{{card.name}} — {{ person.firstName }} {{person.phone}} {{company.name}}!</p>", values, "html");
    expect(html).toBe("<p>Acme &lt;script&gt;alert(1)&lt;/script&gt; — Éva +36 1<br>234 !</p>");
    expect(html).not.toContain("<script");
  });

  it("escapes quotes, so a value cannot leave an attribute", () => {
    const html = substitute('<a href="{{company.website}}">x</a>', { "company.website": '" onmouseover="alert(1)' }, "html");
    expect(html).toBe('<a href="&quot; onmouseover=&quot;alert(1)">x</a>');
  });

  it("keeps a subject on one line: a value's line break cannot add a header", () => {
    expect(substitute("Offer for {{card.name}}", { "card.name": "Acme\r\nBcc: victim@example.com" }, "text")).toBe("Offer for Acme Bcc: victim@example.com");
    // plain text is not escaped: the subject is not HTML
    expect(substitute("{{card.name}}", { "card.name": "A & B <C>" }, "text")).toBe("A & B <C>");
  });

  it("escapes the signature too: it is the sender's plain text", () => {
    expect(substitute("{{sender.signature}}", { "sender.signature": "Anna\n<b>Sales</b>" }, "html")).toBe("Anna<br>&lt;b&gt;Sales&lt;/b&gt;");
    expect(textToHtml("a & b\r\nc")).toBe("a &amp; b<br>c");
    expect(escapeHtml(`<>&"'`)).toBe("&lt;&gt;&amp;&quot;&#39;");
  });
});
