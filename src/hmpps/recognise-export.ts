/**
 * Recognises plans exported from the HMPPS digital sentence plan service (the JSON its API returns)
 * by their shape, so they can be linted as they are, with no flag and no conversion.
 */
import { ENGINE_RULE_IDS } from '../core/findings.js';
import type { LoadedDocument } from '../input/load-documents.js';
import type { SourceMap } from '../input/source-map.js';
import { describeValue } from '../validate/validate-document.js';
import { isRecord, looksLikePlan, looksLikePlanVersion } from './export-shape.js';
import type { ExportShape, ReadExport } from './export-shape.js';
import { mapExport } from './map-export.js';

type Raw = Record<string, unknown>;

/** How files are read: recognised by shape (the default), or always as one format. */
export const INPUT_FORMATS = ['auto', 'planlint', 'hmpps-sentence-plan'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

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

/**
 * Reads a loaded document as an HMPPS export when the input format says so or its shape shows it
 * is one. Returns undefined when the document is for the planlint path (schema validation).
 */
export function readExport(doc: LoadedDocument, sourceMap: SourceMap, format: InputFormat, filePath: string, { redact = false }: { redact?: boolean } = {}): ReadExport | undefined {
  if (format === 'planlint') return undefined;
  const shape = recogniseExport(doc.value);
  if (shape) return mapExport(doc.value as Raw | unknown[], shape, sourceMap, { redact });
  const range = sourceMap.toRange(doc.span);
  // A whole document spans many lines; point at its first line.
  const head = { ...range, endLine: range.line, endColumn: range.line === range.endLine ? range.endColumn : range.column + 1 };
  const found = describeValue(doc.value, redact);
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
