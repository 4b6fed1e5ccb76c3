import type { TargetColumn } from '../destinations/destination';
import {
  compactHeader,
  conceptOf,
  conceptWithin,
  ruleOfConcept,
  share,
  sniffValues,
} from './concepts';
import { isEmail } from '../validation/email';
import {
  addressColumn,
  isAddressPart,
  preferredGroup,
  type AddressColumn,
  type AddressGroup,
} from './address-groups';

/** Target column name → the source column that feeds it, or null (nothing: empty cells). */
export type ColumnMapping = Readonly<Record<string, string | null>>;

/** Why a source column was proposed for a target column. */
export type SuggestionReason =
  'same-name' | 'synonym' | 'similar-name' | 'content' | 'remembered' | 'none';

/** One proposal: low confidence ones are asked as questions, not given as answers. */
export type MappingSuggestion = Readonly<{
  target: string;
  source: string | null;
  /** 0…1. */
  confidence: number;
  reason: SuggestionReason;
  /** True when a person should confirm it (confidence under 0.8, or a required column left empty). */
  question: boolean;
  /** An address column: which of the file's addresses it comes from (`mailing`, `billing`...; '' when unnamed). */
  addressGroup?: AddressGroup;
  /** The file's other addresses, when several compete (the mailing or home one is proposed). */
  otherAddressGroups?: AddressGroup[];
}>;

/** The confidence from which a suggestion is shown as an answer. */
export const CONFIDENT = 0.8;
const MINIMUM = 0.45;

/** Levenshtein distance (two rows, no allocation per cell). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

/** 1 for equal strings, 0 for nothing in common. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  return longest === 0 ? 1 : 1 - editDistance(a, b) / longest;
}

type Score = { confidence: number; reason: SuggestionReason };

/** What the sample values of one source column look like (worked out once per column). */
type SourceFacts = Readonly<{
  hasValues: boolean;
  sniffed: ReturnType<typeof sniffValues>;
  emailShare: number;
  /** The address part and group the header names, if any. */
  address: AddressColumn | null;
}>;

function factsOf(header: string, values: readonly string[]): SourceFacts {
  const filled = values.filter(v => v.trim() !== '');
  return {
    hasValues: values.length > 0,
    sniffed: values.length > 0 ? sniffValues(values) : null,
    emailShare: share(filled, isEmail),
    address: addressColumn(header),
  };
}

/** The file's addresses: the one proposed, and whether others compete with it. */
type Addresses = Readonly<{ preferred: AddressGroup | null; competing: boolean }>;

/**
 * An address part of the preferred group is a synonym (asked when other addresses compete); one
 * of another group is only a fallback for a part the preferred group lacks.
 */
function addressScore(address: AddressColumn, addresses: Addresses): Score {
  if (address.group === addresses.preferred)
    return { confidence: addresses.competing ? 0.75 : 0.9, reason: 'synonym' };
  return { confidence: 0.5, reason: 'synonym' };
}

function scorePair(
  target: TargetColumn,
  source: string,
  facts: SourceFacts,
  addresses: Addresses
): Score {
  const t = compactHeader(target.name);
  const s = compactHeader(source);
  if (t !== '' && t === s) return { confidence: 1, reason: 'same-name' };
  if ((target.synonyms ?? []).some(n => compactHeader(n) === s))
    return { confidence: 0.95, reason: 'synonym' };
  const tc = conceptOf(target.name) ?? conceptWithin(target.name);
  const sc = conceptOf(source);
  const sw = sc ?? conceptWithin(source);
  let best: Score = { confidence: 0, reason: 'none' };
  const take = (confidence: number, reason: SuggestionReason) => {
    if (confidence > best.confidence) best = { confidence, reason };
  };
  if (isAddressPart(tc) && facts.address) {
    // `Billing City` names a city, but not necessarily the one to send.
    if (facts.address.part === tc) {
      const score = addressScore(facts.address, addresses);
      take(score.confidence, score.reason);
    }
  } else if (tc && sc === tc) take(0.9, 'synonym');
  else if (tc && sw === tc) take(0.75, 'synonym');
  const sim = similarity(t, s);
  if (sim >= 0.75) take(0.55 + sim * 0.3, 'similar-name');
  // Content: a column of e-mail addresses is an e-mail column, whatever its header says.
  const wanted = target.rule !== 'text' ? target.rule : ruleOfConcept(tc);
  const sniffed = facts.sniffed;
  if (wanted && sniffed === wanted && wanted !== 'reference') {
    if (best.confidence > 0) take(Math.min(1, best.confidence + 0.1), best.reason);
    else take(wanted === 'email' ? 0.7 : 0.55, 'content');
  }
  // A header that promises e-mails over values that are not: doubt it.
  if (
    wanted === 'email' &&
    facts.hasValues &&
    best.reason !== 'content' &&
    facts.emailShare < 0.3
  ) {
    best = { confidence: best.confidence * 0.6, reason: best.reason };
  }
  return best;
}

/**
 * Proposes a source column for each target column.
 *
 * Pairs are scored by equal normalised names, synonyms (EN/FR/NL/DE), edit distance and what the
 * values look like, then assigned best-first so that each source column feeds at most one target.
 */
export function suggestMapping(
  targets: readonly TargetColumn[],
  sourceColumns: readonly string[],
  sampleRows: ReadonlyArray<readonly string[]> = []
): MappingSuggestion[] {
  const facts = sourceColumns.map((source, i) =>
    factsOf(
      source,
      sampleRows.map(r => r[i] ?? '')
    )
  );
  const groups = new Set(facts.flatMap(f => (f.address ? [f.address.group] : [])));
  const addresses: Addresses = { preferred: preferredGroup(groups), competing: groups.size > 1 };
  const pairs: Array<{ t: number; s: number; score: Score }> = [];
  targets.forEach((target, t) => {
    sourceColumns.forEach((source, s) => {
      const score = scorePair(target, source, facts[s]!, addresses);
      if (score.confidence >= MINIMUM) pairs.push({ t, s, score });
    });
  });
  pairs.sort((a, b) => b.score.confidence - a.score.confidence || a.t - b.t || a.s - b.s);
  const chosen = new Map<number, { s: number; score: Score }>();
  const used = new Set<number>();
  for (const p of pairs) {
    if (chosen.has(p.t) || used.has(p.s)) continue;
    chosen.set(p.t, p);
    used.add(p.s);
  }
  return targets.map((target, t) => {
    const c = chosen.get(t);
    if (!c)
      return {
        target: target.name,
        source: null,
        confidence: 0,
        reason: 'none',
        question: target.required,
      };
    const confidence = Math.round(c.score.confidence * 100) / 100;
    const suggestion = {
      target: target.name,
      source: sourceColumns[c.s]!,
      confidence,
      reason: c.score.reason,
      question: confidence < CONFIDENT,
    };
    const address = facts[c.s]!.address;
    if (!address || !isAddressPart(conceptOf(target.name) ?? conceptWithin(target.name)))
      return suggestion;
    const others = [...groups].filter(g => g !== address.group);
    return {
      ...suggestion,
      addressGroup: address.group,
      ...(others.length > 0 ? { otherAddressGroups: others } : {}),
    };
  });
}

/** The mapping the suggestions propose (every target present; unsure ones included). */
export function mappingFromSuggestions(suggestions: readonly MappingSuggestion[]): ColumnMapping {
  return Object.fromEntries(suggestions.map(s => [s.target, s.source]));
}
