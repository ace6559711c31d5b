// Regenerates docs/rules.md from the rule metadata in the built engine.
import { writeFileSync } from 'node:fs';
import { allRules } from '../dist/src/rules/index.js';
import { renderRulesMarkdown, RULES_DOC_PATH } from '../dist/src/rules/docs.js';

writeFileSync(RULES_DOC_PATH, renderRulesMarkdown(allRules));
console.log(`wrote ${RULES_DOC_PATH} (${allRules.length} rules)`);
