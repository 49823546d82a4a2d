/**
 * Recognises plans exported from the HMPPS digital sentence plan service (the JSON its API returns)
 * by their shape, so they can be linted as they are, with no flag and no conversion.
 */
import type { CaseModel } from '../model/case-model.js';
import type { Finding } from '../core/findings.js';
import { ENGINE_RULE_IDS } from '../core/findings.js';
import type { LoadedDocument } from '../input/load-documents.js';
import type { SourceMap } from '../input/source-map.js';
import { describeValue } from '../validate/validate-document.js';
import { mapExport } from './map-export.js';

/** How files are read: recognised by shape (the default), or always as one format. */
export const INPUT_FORMATS = ['auto', 'planlint', 'hmpps-sentence-plan'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/**
 * What an export holds: one plan version (GET /plans/{uuid}), one plan with its current version
 * and history, or a list of plans (GET /plans/crn/{crn}).
 */
export type ExportShape = 'plan-version' | 'plan' | 'plan-list';

type Raw = Record<string, unknown>;

/** Fields only a plan version has; two of them together are not found in a planlint document. */
const VERSION_FIELDS = ['planType', 'agreementStatus', 'goals', 'planProgressNotes', 'agreementNotes', 'planId'];

export function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function looksLikePlanVersion(value: unknown): value is Raw {
  return isRecord(value) && !('kind' in value) && VERSION_FIELDS.filter((field) => field in value).length >= 2;
}

export function looksLikePlan(value: unknown): value is Raw {
  if (!isRecord(value) || 'kind' in value) return false;
  // `versions` alone is too common a name to go by; with the plan's own fields it is not.
  return 'currentVersion' in value || (Array.isArray(value.versions) && ('publishedState' in value || 'crn' in value || 'uuid' in value));
}

/** The shape of an export, or undefined when the value is not one. */
export function recogniseExport(value: unknown): ExportShape | undefined {
  if (looksLikePlan(value)) return 'plan';
  if (looksLikePlanVersion(value)) return 'plan-version';
  // A list is an export when its entries are plans; a broken entry is reported, not a reason to give up.
  if (Array.isArray(value) && value.some((item) => looksLikePlan(item) || looksLikePlanVersion(item))) return 'plan-list';
  return undefined;
}

const EXPECTED_EXPORT =
  'a plan exported from the HMPPS digital sentence plan service: a plan version as GET /plans/{uuid} returns it (with planType, agreementStatus and goals), or a list of plans as GET /plans/crn/{crn} returns it (each with currentVersion and versions)';

export interface ReadExport {
  cases: CaseModel[];
  findings: Finding[];
  /** The export object each mapped plan and objective came from. */
  sources?: WeakMap<object, Record<string, unknown>>;
}

/**
 * Reads a loaded document as an HMPPS export when the input format says so or its shape shows it
 * is one. Returns undefined when the document is for the planlint path (schema validation).
 */
export function readExport(doc: LoadedDocument, sourceMap: SourceMap, format: InputFormat, filePath: string): ReadExport | undefined {
  if (format === 'planlint') return undefined;
  const shape = recogniseExport(doc.value);
  if (shape) return mapExport(doc.value as Raw | unknown[], shape, sourceMap);
  const range = sourceMap.toRange(doc.span);
  // A whole document spans many lines; point at its first line.
  const head = { ...range, endLine: range.line, endColumn: range.line === range.endLine ? range.endColumn : range.column + 1 };
  const found = describeValue(doc.value);
  if (format === 'hmpps-sentence-plan') {
    return { cases: [], findings: [{ ruleId: ENGINE_RULE_IDS.schema, severity: 'error', message: `Expected ${EXPECTED_EXPORT}; found ${found}.`, ...head }] };
  }
  // JSON with no `kind` is far more likely a mistaken export than a planlint document: say both.
  const isJson = /\.json$/i.test(filePath);
  if (isJson && doc.value !== null && !(isRecord(doc.value) && 'kind' in doc.value)) {
    return {
      cases: [],
      findings: [
        {
          ruleId: ENGINE_RULE_IDS.schema,
          severity: 'error',
          message: `This file is neither a planlint document nor an HMPPS sentence plan export. Expected a planlint document with "kind:" (case-file, sentence-plan or review), or ${EXPECTED_EXPORT}; found ${found}.`,
          ...head,
        },
      ],
    };
  }
  return undefined;
}
