/** A message: plain text, or one text per plural form (chosen with the `count` parameter). */
export type Message = string | Readonly<{ one: string; other: string }>;
