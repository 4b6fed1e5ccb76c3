import { z } from 'zod';

/**
 * The structure of a vendor's sample XML as a destination stores it (learnt by
 * `learnXmlSample`, written by `xmlFileBytes`). A module of its own so the destination schema can
 * hold it without importing the learner.
 */

/** An element of the structure with its attributes exactly as the sample writes them. */
export const XmlElement = z.object({
  name: z.string().min(1),
  /** Attributes written as they are (namespace declarations and fixed values), in order. */
  attributes: z.array(z.tuple([z.string().min(1), z.string()])).default([]),
});
export type XmlElement = z.infer<typeof XmlElement>;

/** One field of a record: a child element or an attribute, filled from a destination column. */
export const XmlField = z.object({
  /** The element or attribute name exactly as in the sample (case, prefix). */
  name: z.string().min(1),
  kind: z.enum(['element', 'attribute']),
  /** The destination column whose value it holds. */
  column: z.string().min(1),
});
export type XmlField = z.infer<typeof XmlField>;

/** The structure learnt from a sample XML file. */
export const XmlLayout = z.object({
  /** The XML declaration as the sample writes it (`<?xml version="1.0" encoding="UTF-8"?>`), or null. */
  declaration: z.string().nullable().default(null),
  encoding: z.enum(['utf-8', 'utf-8-bom', 'iso-8859-1', 'windows-1252']).default('utf-8'),
  root: XmlElement,
  /** Elements between the root and the records (`<Contacts>` in `<Root><Contacts><Contact>`). */
  wrappers: z.array(XmlElement).default([]),
  record: XmlElement,
  fields: z.array(XmlField).min(1),
  /** Line break and indentation unit as in the sample ('' and '' for a one-line sample). */
  newline: z.enum(['', '\n', '\r\n']).default('\n'),
  indent: z
    .string()
    .regex(/^[ \t]*$/)
    .default('  '),
  /** An empty element field as `<Field/>` (true) or `<Field></Field>`. */
  selfClosingEmpty: z.boolean().default(false),
  /** The sample file's name, to show where the structure came from. */
  sampleName: z.string().default(''),
});
export type XmlLayout = z.infer<typeof XmlLayout>;
