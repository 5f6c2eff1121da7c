/**
 * Kind of resource that made the request, where CORS explanations differ: a script's
 * fetch or XHR, or an element that loads a resource in CORS mode. Fonts always use
 * CORS, module scripts too, and images, scripts, stylesheets and media do with a
 * `crossorigin` attribute.
 */
export type ResourceKind =
  "fetch" | "font" | "image" | "script" | "stylesheet" | "media";

/** Maps webRequest's resource types (Chromium and Firefox spellings) to kinds. */
const KINDS_BY_TYPE: ReadonlyMap<string, ResourceKind> = new Map([
  ["font", "font"],
  ["image", "image"],
  ["imageset", "image"],
  ["script", "script"],
  ["stylesheet", "stylesheet"],
  ["media", "media"],
]);

/** Returns the kind of resource behind a webRequest type; fetch for anything else. */
export function resourceKind(type: string): ResourceKind {
  return KINDS_BY_TYPE.get(type) ?? "fetch";
}

/** Names the resource in a phrase such as "the font". */
export function resourceNoun(kind: ResourceKind): string {
  switch (kind) {
    case "fetch":
      return "the response";
    case "font":
      return "the font";
    case "image":
      return "the image";
    case "script":
      return "the script";
    case "stylesheet":
      return "the stylesheet";
    case "media":
      return "the media file";
  }
}

/** Says what the browser does with a response that fails its CORS check. */
export function blockedEffect(kind: ResourceKind): string {
  switch (kind) {
    case "fetch":
      return "The browser therefore hides the response from the page: fetch() rejects with a TypeError and XHR fires an error event.";
    case "font":
      return "The browser therefore discards the font and draws the text with a fallback font.";
    case "image":
      return "The browser therefore does not show the image, and the img element fires an error event.";
    case "script":
      return "The browser therefore does not run the script, and the script element fires an error event.";
    case "stylesheet":
      return "The browser therefore does not apply the stylesheet.";
    case "media":
      return "The browser therefore does not play the media file.";
  }
}

/**
 * Names the setting with which the page requests credentials for this kind of
 * resource, for fixes that suggest dropping it.
 */
export function credentialsSwitch(kind: ResourceKind): string {
  return kind === "fetch"
    ? 'credentials: "include" (or XHR withCredentials)'
    : 'crossorigin="use-credentials"';
}
