// A mail's content as a few kinds of block, written out twice: as plain text and as HTML that
// Outlook renders (one table, inline styles, no CSS classes, no images, system fonts).

export type Block =
  | { type: "paragraph"; text: string }
  | { type: "heading"; text: string }
  | { type: "list"; items: { text: string; href?: string }[] }
  | { type: "button"; text: string; href: string }
  | { type: "small"; text: string };

export type MailContent = { subject: string; blocks: Block[]; footer: Block[]; lang: "nb" | "en" };

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// Text bodies are read in any client: control characters out, long lines left to the client.
const clean = (s: string) => s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");

/** The plain-text body. */
export function renderText(content: MailContent, unsubscribe?: { text: string; href: string }): string {
  const out: string[] = [];
  for (const block of [...content.blocks, { type: "small", text: "--" } as Block, ...content.footer]) {
    switch (block.type) {
      case "heading":
        out.push(`${clean(block.text)}\n${"-".repeat(Math.min(60, block.text.length))}`);
        break;
      case "list":
        out.push(block.items.map((i) => `- ${clean(i.text)}${i.href ? `\n  ${i.href}` : ""}`).join("\n"));
        break;
      case "button":
        out.push(`${clean(block.text)}: ${block.href}`);
        break;
      default:
        out.push(clean(block.text));
    }
  }
  if (unsubscribe) out.push(`${unsubscribe.text}: ${unsubscribe.href}`);
  return `${out.join("\n\n")}\n`;
}

const FONT = "font-family:Segoe UI,Arial,Helvetica,sans-serif;";
const link = (href: string, text: string) => `<a href="${escapeHtml(href)}" style="color:#0b5394;text-decoration:underline">${escapeHtml(text)}</a>`;

function blockHtml(block: Block): string {
  switch (block.type) {
    case "heading":
      return `<h2 style="${FONT}font-size:18px;color:#111111;margin:24px 0 8px">${escapeHtml(block.text)}</h2>`;
    case "list":
      return `<ul style="${FONT}font-size:15px;color:#111111;margin:0 0 16px;padding-left:24px">${block.items
        .map((i) => `<li style="margin:0 0 4px">${i.href ? link(i.href, i.text) : escapeHtml(i.text)}</li>`)
        .join("")}</ul>`;
    case "button":
      // A bordered link in a table cell: Outlook ignores padding on <a>, not on <td>.
      return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px"><tr><td style="background:#0b5394;padding:10px 18px"><a href="${escapeHtml(block.href)}" style="${FONT}font-size:15px;color:#ffffff;text-decoration:none;font-weight:bold">${escapeHtml(block.text)}</a></td></tr></table>`;
    case "small":
      return `<p style="${FONT}font-size:13px;color:#444444;margin:0 0 8px">${escapeHtml(block.text)}</p>`;
    default:
      return `<p style="${FONT}font-size:15px;line-height:1.5;color:#111111;margin:0 0 12px">${escapeHtml(block.text)}</p>`;
  }
}

/** The HTML body: a whole document, readable in Outlook's Word-based renderer. */
export function renderHtml(content: MailContent, unsubscribe?: { text: string; href: string }): string {
  const footer = content.footer.map(blockHtml).join("");
  const unsub = unsubscribe ? `<p style="${FONT}font-size:13px;color:#444444;margin:0">${link(unsubscribe.href, unsubscribe.text)}</p>` : "";
  return `<!DOCTYPE html>
<html lang="${content.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f3f4f6">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f4f6"><tr><td align="center" style="padding:16px">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background:#ffffff;border:1px solid #d1d5db"><tr><td style="padding:24px">
${content.blocks.map(blockHtml).join("\n")}
<hr style="border:none;border-top:1px solid #d1d5db;margin:24px 0 12px">
${footer}${unsub}
</td></tr></table>
</td></tr></table>
</body></html>
`;
}
