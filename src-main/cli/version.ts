/** Courier's version, as `courier --version` and `courier diagnostics` say it (package.json's). */
export const COURIER_VERSION = '0.1.0';
