import type { PersonalKind } from "./kinds.js";

/**
 * A personal value masked so that a report can show what kind of value it is without showing the value:
 * e-mails keep the first letter of the local part and of the domain and the top-level domain; cards keep
 * their last four digits (what PCI DSS allows on a receipt); phones and national ids their last two
 * characters; IPv4 addresses their first octet; dates of birth their year; names their initials;
 * anything else its first character. Every other letter or digit becomes "*", separators stay.
 */
export function maskValue(kind: PersonalKind | null, value: unknown): string {
  const text = String(value ?? "");
  switch (kind) {
    case "email": {
      const at = text.lastIndexOf("@");
      const domain = text.slice(at + 1);
      const dot = domain.lastIndexOf(".");
      return `${text[0] ?? ""}***@${domain[0] ?? ""}***${dot >= 0 ? domain.slice(dot) : ""}`;
    }
    case "payment_card":
      return keepLast(text, 4);
    case "phone":
    case "national_id":
      return keepLast(text, 2);
    case "ip_address":
      return text.includes(":") ? `${text.split(":")[0]}:*:*:*` : `${text.split(".")[0]}.*.*.*`;
    case "birth_date": {
      // a date column's values reach here as day or millisecond counts: nothing of them is kept
      if (typeof value === "number" || typeof value === "bigint") return "****-**-**";
      const year = /\d{4}/.exec(text)?.[0];
      return year ? `${year}-**-**` : stars(text);
    }
    case "person_name":
      return text
        .split(/[\s,]+/)
        .filter((w) => w.length > 0)
        .map((w) => `${w[0]}.`)
        .join(" ");
    default:
      return text.length === 0 ? "" : text[0] + stars(text.slice(1));
  }
}

const stars = (text: string): string => text.replace(/[\p{L}\p{N}]/gu, "*");

function keepLast(text: string, keep: number): string {
  let seen = 0;
  const out = [...text].reverse().map((ch) => {
    if (!/[\p{L}\p{N}]/u.test(ch)) return ch;
    seen += 1;
    return seen <= keep ? ch : "*";
  });
  return out.reverse().join("");
}
