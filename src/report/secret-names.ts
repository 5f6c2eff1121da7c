/**
 * Words that mark a header or query parameter name as carrying a secret when they
 * appear as one word of the name (`x-api-key`, `access_token`, `sessionKey`).
 */
const SECRET_WORDS = new Set([
  "apikey",
  "auth",
  "authorization",
  "code",
  "cookie",
  "credential",
  "credentials",
  "csrf",
  "jwt",
  "key",
  "otp",
  "passphrase",
  "passwd",
  "password",
  "pwd",
  "saml",
  "secret",
  "session",
  "sessid",
  "sessionid",
  "sid",
  "sig",
  "signature",
  "ticket",
  "token",
  "xsrf",
]);

/**
 * Word endings and beginnings that mark a secret even when the name runs words
 * together (`accesstoken`, `phpsessid`, `jsessionid`, `apikeyid`).
 */
const SECRET_AFFIXES = [
  "apikey",
  "passwd",
  "password",
  "secret",
  "sessid",
  "sessionid",
  "signature",
  "token",
];

/** Header names whose values are secrets although no secret word marks them. */
const SECRET_HEADER_NAMES = new Set([
  "authorization",
  "cookie",
  "cookie2",
  "proxy-authorization",
  "set-cookie",
  "set-cookie2",
]);

/**
 * Tells whether a header or query parameter name looks like it carries a secret,
 * compared case-insensitively: one of its words is a secret word, or the name with its
 * separators removed starts or ends with a secret word. `Access-Control-*` headers
 * never are.
 */
export function isSecretName(name: string): boolean {
  let secret = knownNames.get(name);
  if (secret === undefined) {
    secret = looksSecret(name);
    // Captures repeat the same few names; the cap keeps odd inputs from growing it.
    if (knownNames.size < MAX_KNOWN_NAMES) knownNames.set(name, secret);
  }
  return secret;
}

const MAX_KNOWN_NAMES = 10_000;
const knownNames = new Map<string, boolean>();

function looksSecret(name: string): boolean {
  const lowerName = name.toLowerCase();
  if (SECRET_HEADER_NAMES.has(lowerName)) return true;
  // The CORS headers (Access-Control-Allow-Credentials) are what a report explains.
  if (lowerName.startsWith("access-control-")) return false;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  if (words.some((word) => SECRET_WORDS.has(word))) return true;
  const joined = words.join("");
  return SECRET_AFFIXES.some(
    (affix) => joined.startsWith(affix) || joined.endsWith(affix),
  );
}
