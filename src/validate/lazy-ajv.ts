import { createRequire } from 'node:module';
import type Ajv2020Module from 'ajv/dist/2020.js';
import type formatsModule from 'ajv-formats';

/**
 * ajv is needed only to check config files and rule options someone wrote, or to compile the
 * schemas when the precompiled validators are missing. Loading it on demand (a plain require the
 * bundler leaves alone) keeps it out of every ordinary start-up.
 */
const require = createRequire(import.meta.url);

export type AjvClass = typeof Ajv2020Module.default;
export type Ajv = InstanceType<AjvClass>;
type FormatsPlugin = typeof formatsModule.default;

export function loadAjv(): { Ajv2020: AjvClass; addFormats: FormatsPlugin } {
  const ajv = require('ajv/dist/2020.js') as { default: AjvClass };
  const formats = require('ajv-formats') as { default: FormatsPlugin };
  return { Ajv2020: ajv.default, addFormats: formats.default };
}
