import { CONTRACT_VALIDATORS, type Validators } from '../../src/contract/validate.js';
import { FormChecks } from '../../src/model/checks.js';
import { FormModel, type FormModelOptions } from '../../src/model/form-model.js';

export type ModelOptions = Omit<FormModelOptions, 'checks'> & { validators?: Partial<Validators> };

/** A model with the contract's checks, as the element has once its on-demand module is loaded; `validators` replaces some of them. */
export function checkedModel(options: ModelOptions = {}): FormModel {
  const { validators, ...rest } = options;
  return new FormModel({ ...rest, checks: new FormChecks({ ...CONTRACT_VALIDATORS, ...validators }) });
}
