import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Configuration, where } from '../hcl';

/** The files every module (the root included) is split into. */
export const MODULE_FILES = ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf'] as const;

/**
 * Every module has main.tf, variables.tf, outputs.tf and versions.tf; only the root configures providers.
 *
 * @example
 * checkModuleLayout(await loadConfiguration('infra')); // []
 */
export function checkModuleLayout(config: Configuration): string[] {
  const violations: string[] = [];
  for (const module of config.modules) {
    for (const file of MODULE_FILES) {
      if (!existsSync(join(module.dir, file))) violations.push(`${where(config, module)}: missing ${file}`);
    }
    if (module !== config.root && module.providers.length > 0) {
      violations.push(`${where(config, module)}: provider blocks belong in the root module only`);
    }
  }
  return violations;
}

/**
 * Every variable declares a `type` and a non-empty `description`.
 *
 * @example
 * checkVariableDeclarations(config); // ['infra var.x: no type']
 */
export function checkVariableDeclarations(config: Configuration): string[] {
  const violations: string[] = [];
  for (const module of config.modules) {
    for (const [name, variable] of Object.entries(module.variables)) {
      const at = where(config, module, `var.${name}`);
      if (variable.type === undefined) violations.push(`${at}: no type`);
      if (typeof variable.description !== 'string' || variable.description.trim() === '') {
        violations.push(`${at}: no description`);
      }
    }
  }
  return violations;
}
