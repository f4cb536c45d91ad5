import { describe, expect, it } from "vitest";
import { maxBodyHtmlLength, sanitizeEmailHtml } from "./sanitize-html";

describe("sanitizeEmailHtml: the allow-list for email HTML", () => {
  it("keeps what the editor makes", () => {
    const html =
      '<h2>Offer</h2><p>Dear <strong>Éva</strong>, <em>thanks</em> <u>a</u> <s>b</s><br>see <a href="https://example.com/x?a=1&amp;b=2">our page</a></p><ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><hr>';
    expect(sanitizeEmailHtml(html)).toBe(
      '<h2>Offer</h2><p>Dear <strong>Éva</strong>, <em>thanks</em> <u>a</u> <s>b</s><br />see <a href="https://example.com/x?a=1&amp;b=2" target="_blank" rel="noopener noreferrer">our page</a></p><ul><li>one</li></ul><ol><li>two</li></ol><blockquote>q</blockquote><hr />',
    );
  });

  it("leaves variables and variable chips alone", () => {
    expect(sanitizeEmailHtml('<p>Hi {{person.firstName}} <span data-variable="card.name">{{card.name}}</span></p>')).toBe(
      '<p>Hi {{person.firstName}} <span data-variable="card.name">{{card.name}}</span></p>',
    );
  });

  it.each([
    ["<img src=x onerror=alert(1)><p>a</p>", "<p>a</p>", "an image with an event handler"],
    ['<p onclick="alert(1)">a</p>', "<p>a</p>", "an event handler"],
    ["<script>alert(1)</script><p>a</p>", "<p>a</p>", "a script and its text"],
    ['<style>@import url("https://evil.example/x.css")</style><p>a</p>', "<p>a</p>", "a style sheet"],
    ['<link rel="stylesheet" href="https://evil.example/x.css"><p>a</p>', "<p>a</p>", "remote CSS"],
    ['<p style="background:url(https://evil.example/t.gif)">a</p>', "<p>a</p>", "an inline style"],
    ['<form action="https://evil.example"><input name="p"><p>a</p></form>', "<p>a</p>", "a form"],
    ['<iframe src="https://evil.example"></iframe><p>a</p>', "<p>a</p>", "an iframe"],
  ])("drops %s (%s)", (input, expected) => {
    const out = sanitizeEmailHtml(input);
    expect(out).toBe(expected);
  });

  it.each([
    ['<a href="javascript:alert(1)">x</a>'],
    ['<a href="  JaVaScRiPt:alert(1)">x</a>'],
    ['<a href="java&#x09;script:alert(1)">x</a>'],
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'],
    ['<a href="vbscript:msgbox(1)">x</a>'],
    ['<a href="//evil.example/x">x</a>'],
  ])("removes the dangerous link target of %s", (input) => {
    const out = sanitizeEmailHtml(input);
    expect(out).not.toMatch(/href/);
    expect(out).toContain(">x</a>");
  });

  it("keeps mailto and tel links", () => {
    expect(sanitizeEmailHtml('<a href="mailto:a@example.com">m</a><a href="tel:+3612345">t</a>')).toBe(
      '<a href="mailto:a@example.com" target="_blank" rel="noopener noreferrer">m</a><a href="tel:+3612345" target="_blank" rel="noopener noreferrer">t</a>',
    );
  });

  it("escapes text that looks like markup", () => {
    expect(sanitizeEmailHtml("<p>1 &lt; 2 &amp; <b>3</b></p>")).toBe("<p>1 &lt; 2 &amp; <b>3</b></p>");
  });

  it("has a length limit that a long email fits in and a 1 MB paste does not", () => {
    expect(maxBodyHtmlLength).toBeGreaterThanOrEqual(50_000);
    expect(maxBodyHtmlLength).toBeLessThan(1_000_000);
  });
});
