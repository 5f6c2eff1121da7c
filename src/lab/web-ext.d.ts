/**
 * The part of web-ext's Node API (`cmd.run`, web-ext 10) that `npm start` uses. The
 * package ships no type declarations.
 */
declare module "web-ext" {
  /** The browsers web-ext started, with the extension installed. */
  export interface ExtensionRunner {
    /** Calls `callback` once the browser has exited and its temporary profile is removed. */
    registerCleanup(callback: () => void): void;
    /** Closes the browser and removes its temporary profile. */
    exit(): Promise<void>;
  }

  /** Options of `web-ext run`, named as on its command line in camel case. */
  export interface RunParams {
    readonly sourceDir: string;
    readonly firefox?: string;
    readonly startUrl?: readonly string[];
    /** Extra command-line options for the browser. */
    readonly args?: readonly string[];
    /** Preferences of the temporary profile, by name. */
    readonly pref?: Readonly<Record<string, boolean | number | string>>;
    readonly noReload?: boolean;
    readonly noInput?: boolean;
    readonly target?: readonly string[];
  }

  const webExt: {
    readonly cmd: {
      run(params: RunParams): Promise<ExtensionRunner>;
    };
  };
  export default webExt;
}
