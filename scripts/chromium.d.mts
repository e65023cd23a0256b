/** The Chromium binary: `CHROMIUM_PATH`, else Debian's. */
export declare const chromiumPath: string
/** The flags every launch takes: no sandbox, and no connection leaving the machine. */
export declare const chromiumArgs: readonly string[]
/** Playwright launch options: the binary, `chromiumArgs`, then `extraArgs`. */
export declare function chromiumLaunchOptions(extraArgs?: readonly string[]): { executablePath: string; args: string[] }
