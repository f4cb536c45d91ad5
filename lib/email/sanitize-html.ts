import sanitize from "sanitize-html";

/**
 * The allow-list for user-written email HTML (template bodies, signatures), applied on the server
 * before anything is stored: what the editor makes (paragraphs, headings, bold, italic, underline,
 * strike, links, lists, quotes, line breaks) and nothing that runs or loads — no scripts, event
 * handlers, styles, forms, frames, images from elsewhere, or `javascript:` / `data:` URLs.
 * Variables (`{{card.name}}`) are text, so they pass through untouched.
 */
const options: sanitize.IOptions = {
  allowedTags: ["p", "br", "h1", "h2", "h3", "strong", "b", "em", "i", "u", "s", "a", "ul", "ol", "li", "blockquote", "hr", "span", "code"],
  allowedAttributes: { a: ["href", "title", "target", "rel"], span: ["data-variable"] },
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  // Links open outside the CRM and tell the target nothing about it.
  transformTags: { a: sanitize.simpleTransform("a", { target: "_blank", rel: "noopener noreferrer" }) },
};

export function sanitizeEmailHtml(html: string): string {
  return sanitize(html, options).trim();
}

/** Longest body accepted, in characters of HTML after sanitising (a long newsletter fits; a 1 MB paste does not). */
export const maxBodyHtmlLength = 100_000;
