import { describe, expect, it } from "vitest";
import { renderEmail } from "./render-email";
import { textToHtml } from "./variables";

const values = {
  "card.name": "Acme <script>alert(1)</script>",
  "person.firstName": "Éva",
  "company.website": "javascript:alert(1)",
};

describe("renderEmail: React Email layout, HTML and text parts", () => {
  it("fills the template with escaped values and a one-line subject", async () => {
    const email = await renderEmail({
      subject: "Offer for {{card.name}}\n",
      bodyHtml: "<p>Dear <strong>{{person.firstName}}</strong>, about {{card.name}}.</p>",
      values,
      locale: "en",
      signatureHtml: textToHtml("Anna Test\nSales <team>"),
    });
    expect(email.subject).toBe("Offer for Acme <script>alert(1)</script>");
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain('lang="en"');
    expect(email.html).toContain("Dear <strong>Éva</strong>, about Acme &lt;script&gt;alert(1)&lt;/script&gt;.");
    expect(email.html).not.toContain("<script");
    expect(email.html).toMatch(/Anna Test<br\s*\/?>Sales &lt;team&gt;/);
    expect(email.text).toContain("Dear Éva, about Acme <script>alert(1)</script>.");
    expect(email.text).toContain("Anna Test");
    expect(email.text).toContain("Sales <team>");
    expect(email.text).not.toContain("<strong>");
    expect(email.html).not.toContain("Unsubscribe");
  });

  it("re-sanitises the filled body: a value cannot turn a link into javascript:", async () => {
    const email = await renderEmail({ subject: "s", bodyHtml: '<p><a href="{{company.website}}">site</a></p>', values, locale: "en", signatureHtml: "" });
    expect(email.html).not.toContain("javascript:");
    expect(email.html).toContain(">site</a>");
  });

  it("sanitises a signature that holds markup", async () => {
    const email = await renderEmail({ subject: "s", bodyHtml: "<p>b</p>", values, locale: "hu", signatureHtml: "<img src=x onerror=alert(1)>Anna" });
    expect(email.html).not.toContain("onerror");
    expect(email.html).toContain("Anna");
  });

  it("adds the unsubscribe footer in the recipient's language for bulk email", async () => {
    const url = "https://crm.example/unsubscribe?token=abc";
    const hu = await renderEmail({ subject: "s", bodyHtml: "<p>b</p>", values, locale: "hu", signatureHtml: "", unsubscribeUrl: url });
    expect(hu.html).toContain('lang="hu"');
    expect(hu.html).toContain(`href="${url}"`);
    expect(hu.html).toContain("Leiratkozás");
    expect(hu.text).toContain(url);
    const en = await renderEmail({ subject: "s", bodyHtml: "<p>b</p>", values, locale: "en", signatureHtml: "", unsubscribeUrl: url });
    expect(en.html).toContain("Unsubscribe");
  });
});
