import { isSecretName } from "./secret-names";

/** The text that replaces every redacted value in every export format. */
export const REDACTED = "[redacted]";

/**
 * Replaces the values of secret-looking query parameters, the same in a fragment
 * written as parameters (`#access_token=...`, as OAuth's implicit flow does), and any
 * user name and password. Works on absolute and relative URLs and keeps everything
 * else byte for byte, so that an unchanged URL compares equal to the original.
 */
export function redactUrl(url: string): string {
  if (!MAY_HOLD_SECRET.test(url)) return url;
  const hashIndex = url.indexOf("#");
  const beforeHash = hashIndex < 0 ? url : url.slice(0, hashIndex);
  const fragment = hashIndex < 0 ? null : url.slice(hashIndex + 1);
  const queryIndex = beforeHash.indexOf("?");
  const base = queryIndex < 0 ? beforeHash : beforeHash.slice(0, queryIndex);
  const query = queryIndex < 0 ? null : beforeHash.slice(queryIndex + 1);

  let result = redactUserInfo(base);
  if (query !== null) result += `?${redactParameters(query)}`;
  if (fragment !== null) result += `#${redactParameters(fragment)}`;
  return result;
}

/** Only query and fragment parameters and user information are redacted. */
const MAY_HOLD_SECRET = /[?#@]/;

/** An absolute URL (`scheme://...`) or an absolute path, up to the next space or quote. */
const URL_IN_TEXT =
  /(?:\b[a-zA-Z][a-zA-Z0-9+.-]*:\/\/|(?<![\w/.])\/)[^\s"'<>`]*/g;

/** Sentence punctuation that may follow a URL in prose without being part of it. */
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;

/** Redacts every URL and absolute path that appears in free text. */
export function redactUrlsInText(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  return text.replace(URL_IN_TEXT, (match) => {
    const trailing = TRAILING_PUNCTUATION.exec(match)?.[0] ?? "";
    const url = match.slice(0, match.length - trailing.length);
    return redactUrl(url) + trailing;
  });
}

/** `scheme://user:password@` at the start of an absolute URL. */
const USER_INFO = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^/?#@]*)@/;

function redactUserInfo(base: string): string {
  return base.replace(USER_INFO, (_match, scheme: string) => {
    return `${scheme}${REDACTED}@`;
  });
}

/** Redacts the values of `name=value` pairs joined by `&` whose names look secret. */
function redactParameters(parameters: string): string {
  return parameters
    .split("&")
    .map((pair) => {
      const equals = pair.indexOf("=");
      if (equals < 0) return pair;
      const name = pair.slice(0, equals);
      return isSecretName(decodeName(name)) ? `${name}=${REDACTED}` : pair;
    })
    .join("&");
}

/** Decodes a form-encoded name; a malformed escape leaves the name as written. */
function decodeName(name: string): string {
  const spaced = name.replaceAll("+", " ");
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}
