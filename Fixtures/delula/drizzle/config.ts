// shared/config.ts
// Configuration constants shared by server, client and schema.

/** Length of user ids (auth provider subject ids are stored as strings). */
export const ID_LENGTH = 36;

/** YouTube-style short ids for generations. */
export const SHORT_ID_LENGTH = 11;

/** Content-addressed asset ids (sha256 hex). */
export const ASSET_ID_LENGTH = 64;

/** Credits granted to a new account and on each daily refresh. */
export const DEFAULT_CREDITS = 10;

export const DAILY_CREDIT_REFRESH_HOURS = 24;
