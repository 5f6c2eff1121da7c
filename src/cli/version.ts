import packageJson from "../../package.json" with { type: "json" };

/** The version of CORS Lens, from package.json. */
export const CORS_LENS_VERSION: string = packageJson.version;
