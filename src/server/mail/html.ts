import { directionOf, type Locale } from '../../shared/i18n/locales';

/**
 * Every notification's HTML part, rendered from its text part so that both always say the same
 * (decision 006): paragraphs are separated by a blank line; a paragraph whose lines all start
 * with "• " is a list; a paragraph that is a single address is the mail's button; other
 * addresses become links. The page takes the recipient's language and direction (Arabic right
 * to left); each paragraph and item takes the direction of its own text (dir="auto": a
 * recommendation in English inside an Arabic mail), and links read left to right. Styles are
 * inline: mail readers drop style sheets.
 */
export function mailHtml(text: string, locale: Locale): string {
  const dir = directionOf(locale);
  const blocks = text
    .trim()
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter(Boolean);
  const body = blocks.map(renderBlock).join('\n');
  return `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title></title></head>
<body style="margin:0;padding:0;background:#f4f5f7;">
<div dir="${dir}" style="max-width:640px;margin:0 auto;padding:24px 16px;font-family:'Noto Sans','Segoe UI',Tahoma,Arial,sans-serif;font-size:16px;line-height:1.55;color:#1b1f24;text-align:${dir === 'rtl' ? 'right' : 'left'};">
<div style="background:#ffffff;border:1px solid #d8dde3;border-radius:8px;padding:24px;">
${body}
</div>
</div>
</body>
</html>
`;
}

const url = /https?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]]/g;

function renderBlock(block: string): string {
  const lines = block.split('\n').map((line) => line.trim());
  if (lines.every((line) => line.startsWith('• ')))
    return `<ul style="padding-inline-start:20px;margin:0 0 16px;">${lines
      .map((line) => `<li dir="auto" style="margin:0 0 8px;">${inline(line.slice(2))}</li>`)
      .join('')}</ul>`;
  const last = lines[lines.length - 1] ?? '';
  // "Open the call and answer here:\n<link>": the sentence, then the link as a button.
  if (/^https?:\/\/\S+$/.test(last)) {
    const lead = lines.slice(0, -1);
    return `${lead.length > 0 ? `<p dir="auto" style="margin:0 0 8px;">${lead.map(inline).join('<br>')}</p>` : ''}<p style="margin:0 0 16px;"><a href="${escapeHtml(last)}" dir="ltr" style="display:inline-block;word-break:break-all;background:#0b5cad;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600;">${escapeHtml(shortLink(last))}</a></p>`;
  }
  return `<p dir="auto" style="margin:0 0 16px;">${lines.map(inline).join('<br>')}</p>`;
}

/** A line with its addresses as links, everything else escaped. */
function inline(line: string): string {
  let html = '';
  let at = 0;
  for (const match of line.matchAll(url)) {
    const index = match.index ?? 0;
    html += escapeHtml(line.slice(at, index));
    html += `<a href="${escapeHtml(match[0])}" dir="ltr" style="color:#0b5cad;">${escapeHtml(match[0])}</a>`;
    at = index + match[0].length;
  }
  return html + escapeHtml(line.slice(at));
}

/** The button shows where it goes, without the scheme: the host and path. */
function shortLink(link: string): string {
  return link.replace(/^https?:\/\//, '');
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
