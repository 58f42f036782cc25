/** What the pane's engine chunk holds (see engine.ts). */
export { validate } from "../../app/validate";
export { RULES } from "../../core/rules/registry";
