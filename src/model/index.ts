/** The Sagaboard model: document format, loading, reactions, validation and classification. Pure TypeScript. */
export * from './schema.ts';
export { loadDocument, parseDocument, parseJsonText, explainIssue, MAX_FILE_CHARS, type JsonText, type LoadError, type LoadResult } from './load.ts';
export { quoted, shortened, truncated, visible, QUOTED_CHARS } from './quote.ts';
export { attemptsText, durationText, percentText, retryPolicyText, timesText } from './words.ts';
export { migrate, MIGRATIONS } from './migrations.ts';
export { edgeMeaning, forbiddenConnectionHint, allowedTargets, EDGE_MEANING_LABEL, type EdgeMeaning } from './connections.ts';
export { buildGraph, triggersOf, isCompensationCommand, isFailureEvent, isParticipant, isMessage, type DesignGraph, type Link } from './graph.ts';
export { reactionTable, reactionsOf, type Reaction, type ParticipantReactions } from './reactions.ts';
export { analyse, MAX_LISTED, shortListing, type Analysis } from './analysis.ts';
export { classify, type Classification, type Style } from './classify.ts';
export { stepsOf, type Step } from './steps.ts';
export { omittedCount, totalsOf, validate, type ValidationResult } from './validate.ts';
export { LiveValidation } from './incremental/liveValidation.ts';
export { RULES, MAX_DIAGNOSTICS, countBySeverity, type Diagnostic, type Omitted, type RuleId, type Severity } from './diagnostic.ts';
export { DEFAULTS, isIdempotent, latencyOf, failureRateOf, retryPolicyOf } from './attributes.ts';
export { convert, type ConvertOptions } from './convert/convert.ts';
export { reportText, type ConversionResult, type ConversionReport, type ConversionTarget, type ConversionNote, type BehaviourDifference } from './convert/report.ts';
