import { jsonReportItem } from '../core/result-json.js';
import { batchOf } from './streaming.js';
import type { StreamingFormatter } from './streaming.js';
import type { Formatter } from './types.js';

/**
 * ESLint's result shape, so tools that read ESLint JSON read planlint's too. Written file by
 * file; the text is exactly JSON.stringify(results, null, 2).
 */
export const streamJson: StreamingFormatter = {
  open({ cwd }) {
    let count = 0;
    const itemPrefix = () => (count++ === 0 ? '[\n  ' : ',\n  ');
    return {
      file: (result) => itemPrefix() + jsonReportItem(result, cwd),
      itemPrefix,
      end: () => (count === 0 ? '[]\n' : '\n]\n'),
    };
  },
};

export const formatJson: Formatter = batchOf(streamJson);
